// A local HTTP server on 127.0.0.1 playing the npm registry, PyPI's JSON API and OSV's /v1/query for the networked dependency tests, with slow, failing and malformed answers on demand; it counts every request.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers for a package: a status the registry gives, or a misbehaviour. */
export type Behaviour = 'exists' | 'missing' | 'error' | 'slow' | 'malformed';

export interface OsvVulnerability {
  readonly id: string;
  readonly summary?: string;
  readonly details?: string;
  readonly aliases?: readonly string[];
  readonly database_specific?: { readonly severity?: string };
  readonly affected?: readonly unknown[];
  readonly withdrawn?: string;
}

export interface RegistryAnswers {
  /** npm package name → behaviour; unlisted names exist. */
  readonly npm?: Readonly<Record<string, Behaviour>>;
  /** PyPI (normalized) name → behaviour; unlisted names exist. */
  readonly pypi?: Readonly<Record<string, Behaviour>>;
  /** `npm lodash 4.17.20` / `PyPI pyyaml 5.3.1` → vulnerabilities, or a misbehaviour; unlisted: none. */
  readonly osv?: Readonly<Record<string, readonly OsvVulnerability[] | Exclude<Behaviour, 'exists' | 'missing'>>>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

/** OSV's record of a real lodash advisory (as `/v1/query` returns it), fixed in 4.17.21. */
export const lodashAdvisory: OsvVulnerability = {
  id: 'GHSA-35jh-r3h4-6jhm',
  summary: 'Command Injection in lodash',
  aliases: ['CVE-2021-23337'],
  database_specific: { severity: 'HIGH' },
  affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }],
};

/** How long a "slow" answer takes: well beyond the client's 3 s timeout. */
const slowMs = 8000;

export class RegistryServer {
  readonly requests: RecordedRequest[] = [];

  private constructor(private readonly server: http.Server, public answers: RegistryAnswers) {}

  static async start(answers: RegistryAnswers = {}): Promise<RegistryServer> {
    let instance: RegistryServer | undefined;
    const server = http.createServer((request, response) => { void instance!.handle(request, response); });
    instance = new RegistryServer(server, answers);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests whose path starts with `prefix` (`/npm/`, `/pypi-mirror/`, `/osv/`). */
  count(prefix: string): number {
    return this.requests.filter((r) => r.path.startsWith(prefix)).length;
  }

  /** The endpoints settings for this server: `skeptic.dependencies.*` or the CLI flags. */
  endpoints(): { npmRegistry: string; pypiUrl: string; osvUrl: string } {
    return { npmRegistry: `${this.url}/npm`, pypiUrl: `${this.url}/pypi-mirror`, osvUrl: `${this.url}/osv` };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const url = request.url ?? '/';
    this.requests.push({ method: request.method ?? 'GET', path: url, body });
    const npm = /^\/npm\/(.+)$/.exec(url);
    const pypi = /^\/pypi-mirror\/pypi\/([^/]+)\/json$/.exec(url);
    if (npm) return this.answerExistence(response, this.answers.npm?.[decodeURIComponent(npm[1])] ?? 'exists', { name: decodeURIComponent(npm[1]) });
    if (pypi) return this.answerExistence(response, this.answers.pypi?.[decodeURIComponent(pypi[1])] ?? 'exists', { info: { name: pypi[1] } });
    if (url === '/osv/v1/query' && request.method === 'POST') {
      let query: { version?: string; package?: { name?: string; ecosystem?: string } };
      try { query = JSON.parse(body); } catch { return send(response, 400, '{"message":"bad query"}'); }
      const answer = this.answers.osv?.[`${query.package?.ecosystem} ${query.package?.name} ${query.version}`];
      if (answer === undefined) return send(response, 200, '{}');
      if (typeof answer === 'string') return this.misbehave(response, answer);
      return send(response, 200, JSON.stringify({ vulns: answer }));
    }
    send(response, 404, '{"error":"not found"}');
  }

  private answerExistence(response: http.ServerResponse, behaviour: Behaviour, document: unknown): Promise<void> | void {
    if (behaviour === 'exists') return send(response, 200, JSON.stringify(document));
    if (behaviour === 'missing') return send(response, 404, '{"error":"Not found"}');
    return this.misbehave(response, behaviour);
  }

  private async misbehave(response: http.ServerResponse, behaviour: 'error' | 'slow' | 'malformed'): Promise<void> {
    if (behaviour === 'error') return send(response, 500, 'internal error');
    if (behaviour === 'malformed') return send(response, 200, '{"vulns": [ {"id": ');
    await new Promise((resolve) => setTimeout(resolve, slowMs).unref());
    if (!response.destroyed) send(response, 200, '{}');
  }
}

function send(response: http.ServerResponse, status: number, body: string): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body);
}
