// tls-verification-disabled for JavaScript/TypeScript: rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, strictSSL: false, no-op checkServerIdentity, superagent's disableTLSCerts, MongoDB's tlsAllowInvalidCertificates.
import { defineDetector, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { assignmentTargetText } from './lib/assignment-targets';
import { callPartsOf } from './lib/call-parts';
import { constantString, unwrap } from './lib/constant-strings';
import { enclosingConditions, isDevelopmentFile, isDevelopmentOnly } from './lib/environment-guards';
import { constantBoolean, keyNameOf, propertyOf } from './lib/object-keys';

const envName = 'NODE_TLS_REJECT_UNAUTHORIZED';
const optIn = /ignore\w*(ssl|tls|cert|https)|insecure|skipVerif|noVerify|selfSigned|self_signed|strictSSL|rejectUnauthorized|verify(Ssl|Tls|Cert)|(ssl|tls)Verify|NODE_TLS_REJECT_UNAUTHORIZED/i;
const envMessage = 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns off certificate checks for every HTTPS and TLS connection the process makes, so anyone on the network path can impersonate any server; remove it and trust a private CA with NODE_EXTRA_CA_CERTS or the ca option.';

/** MongoDB driver options and the value that turns certificate checks off. */
const mongoTlsOff: ReadonlyMap<string, boolean> = new Map([
  ['tlsAllowInvalidCertificates', true], ['tlsAllowInvalidHostnames', true], ['tlsInsecure', true], ['sslValidate', false], ['sslAllowInvalidCertificates', true],
]);

export default defineDetector({
  id: 'tls-verification-disabled',
  family: 'javascript',
  triggers: /rejectUnauthorized|strictSSL|checkServerIdentity|REJECT_UNAUTHORIZED|disableTLSCerts|tlsAllowInvalid|tlsInsecure|sslValidate|sslAllowInvalid/,
  anchored: true,
  create(context): Visitors {
    if (isDevelopmentFile(context.file.path)) return {};
    // Behind an explicit opt-in (`if (options.ignoreHTTPSErrors)`, `if (this._ignoreSslError)`) the caller chose it knowingly.
    const quiet = (node: SyntaxNode): boolean => context.isTestCode(node) || isDevelopmentOnly(node) || optIn.test(enclosingConditions(node));
    return {
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (key === undefined) return;
        const value = node.childForFieldName('value');
        if (!value) return;
        if (key === 'rejectUnauthorized' || key === 'strictSSL') {
          if (!isOff(value)) return;
          // A TLS server asking for client certificates may accept unverified ones and check `socket.authorized` itself.
          if (key === 'rejectUnauthorized' && node.parent && propertyOf(node.parent, 'requestCert')) return;
          if (quiet(node)) return;
          context.report({
            node,
            message: `${key}: false makes this client accept any certificate, so anyone on the network path can impersonate the server and read or change the traffic; remove it, and pass a private CA with the ca option if the server needs one.`,
            fix: {
              title: `Set ${key}: true (connections to servers with invalid or self-signed certificates will fail)`,
              edits: [{ range: context.rangeOf(value), newText: 'true' }],
              preservesBehaviour: false,
            },
          });
          return;
        }
        // MongoDB's driver: `tlsAllowInvalidCertificates: true`, `tlsInsecure: true`, the older `sslValidate: false`.
        const mongoOff = mongoTlsOff.get(key);
        if (mongoOff !== undefined && constantBoolean(value) === mongoOff) {
          if (quiet(node)) return;
          context.report({
            node,
            message: `${key}: ${mongoOff} makes this database connection accept any certificate${key.includes('Hostname') ? ' for any host' : ''}, so anyone on the network path can impersonate the server and read the credentials and data; remove it, and pass the private CA with tlsCAFile if needed.`,
            fix: {
              title: `Set ${key}: ${!mongoOff} (servers with invalid or self-signed certificates will be refused)`,
              edits: [{ range: context.rangeOf(value), newText: String(!mongoOff) }],
              preservesBehaviour: false,
            },
          });
          return;
        }
        if (key === 'checkServerIdentity' && acceptsEveryHost(value)) {
          if (quiet(node)) return;
          context.report({ node, message: 'A checkServerIdentity that never returns an error accepts a certificate issued for any host, so any site with a valid certificate can impersonate this server; remove it to keep Node\'s hostname check.' });
          return;
        }
        if (key === envName && isZero(value)) {
          if (quiet(node)) return;
          context.report({ node, message: envMessage });
        }
      },
      assignment_expression(node: SyntaxNode) {
        const targetText = assignmentTargetText(node);
        if (!targetText.endsWith('REJECT_UNAUTHORIZED') && !/REJECT_UNAUTHORIZED['"]\]$/.test(targetText) && !targetText.endsWith('.rejectUnauthorized')) return;
        const left = unwrap(node.childForFieldName('left'));
        const right = node.childForFieldName('right');
        if (!left || !right) return;
        const target = left.text.replace(/\s/g, '');
        if (target.endsWith(envName) || target.endsWith(`['${envName}']`) || target.endsWith(`["${envName}"]`)) {
          if (!/process\.env/.test(target) || !isZero(right) || quiet(node)) return;
          context.report({ node, message: envMessage, fix: removeStatementFix(node, context) });
          return;
        }
        // `https.globalAgent.options.rejectUnauthorized = false`
        if (/\.rejectUnauthorized$/.test(target) && isOff(right) && !quiet(node)) {
          context.report({
            node,
            message: 'rejectUnauthorized = false makes this agent accept any certificate, so anyone on the network path can impersonate the servers it connects to; remove it, and pass a private CA with the ca option if needed.',
            fix: {
              title: 'Set rejectUnauthorized = true (connections to servers with invalid or self-signed certificates will fail)',
              edits: [{ range: context.rangeOf(right), newText: 'true' }],
              preservesBehaviour: false,
            },
          });
        }
      },
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (name !== 'disableTLSCerts' || callee?.type !== 'member_expression') return;
        if (quiet(node)) return;
        context.report({ node: callee.childForFieldName('property') ?? node, message: 'disableTLSCerts() makes this request accept any certificate, so anyone on the network path can impersonate the server; remove it and pass the private CA with .ca() if needed.' });
      },
    };
  },
});

function isOff(value: SyntaxNode): boolean {
  const b = constantBoolean(value);
  if (b !== undefined) return !b;
  const v = unwrap(value);
  // `rejectUnauthorized: options.strict || false`: off unless the caller turns it on.
  if (v?.type === 'binary_expression' && /^(\|\||\?\?)$/.test(v.childForFieldName('operator')?.type ?? '')) {
    const right = v.childForFieldName('right');
    return !!right && constantBoolean(right) === false;
  }
  return v?.type === 'number' && Number(v.text) === 0;
}

function isZero(value: SyntaxNode): boolean {
  const v = unwrap(value);
  if (v?.type === 'number') return Number(v.text) === 0;
  return constantString(v) === '0';
}

/** `() => undefined`, `() => {}`, `function () { return null; }`: a host check that accepts everything. */
function acceptsEveryHost(value: SyntaxNode): boolean {
  const fn = unwrap(value);
  if (!fn || !/^(arrow_function|function_expression|function)$/.test(fn.type)) return false;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  if (body.type !== 'statement_block') return /^(undefined|null|void 0|true)$/.test(body.text.trim());
  const statements = body.namedChildren.filter((s) => s && s.type !== 'comment');
  if (statements.length === 0) return true;
  return statements.length === 1 && /^return\s*(undefined|null|void 0)?\s*;?$/.test(statements[0]!.text.trim());
}

/** Deletes `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';` when it is a statement of its own. */
function removeStatementFix(node: SyntaxNode, context: RuleContext) {
  const statement = node.parent;
  if (statement?.type !== 'expression_statement') return undefined;
  const range = context.rangeOf(statement);
  const previous = statement.previousSibling;
  const next = statement.nextSibling;
  const wholeLine = (!previous || previous.endPosition.row < statement.startPosition.row) && (!next || next.startPosition.row > statement.endPosition.row);
  return {
    title: 'Remove the override (connections to servers with invalid or self-signed certificates will fail)',
    edits: [{ range: wholeLine ? { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } } : range, newText: '' }],
    preservesBehaviour: false,
  };
}
