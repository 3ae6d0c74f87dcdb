// hardcoded-secret for Python: credentials in literals, by the name that holds them, by known key formats, and in connection strings.
import { defineDetector, type Confidence, type RuleContext, type Severity, type SyntaxNode, type Visitors } from '../api';
import { describeKind, secretName, secretNameHint, type SecretKind, type SecretName } from './lib/secret-names';
import { credentialTextHint, findConnectionCredential, findKeyFormat, judgeSecretValue, mayHoldCredential, type ValueVerdict } from './lib/secret-values';
import { resolveCallee } from './lib/scope';
import { hole, isDocstring, literalText } from './lib/string-literals';
import { isReportedSessionSecret } from './lib/session-secrets';

const safer = 'load it from an environment variable or a secrets manager';

/** Calls whose positional argument is a credential whatever it is called: jwt.encode(payload, KEY), smtp.login(user, PASSWORD). */
const credentialArguments: readonly { matches: (resolved: string, method: string) => boolean; index: number; keyword?: string; kind: SecretKind; what: string }[] = [
  { matches: (r) => r === 'jwt.encode' || r === 'jwt.decode', index: 1, keyword: 'key', kind: 'secret', what: 'the JWT signing key' },
  { matches: (r) => r === 'hmac.new' || r === 'hmac.digest' || r === 'hmac.HMAC', index: 0, keyword: 'key', kind: 'key', what: 'the HMAC key' },
  { matches: (r) => /(^|\.)Fernet$/.test(r), index: 0, keyword: 'key', kind: 'key', what: 'the Fernet key' },
  { matches: (r) => /^itsdangerous\.\w*(Serializer|Signer)$/.test(r), index: 0, keyword: 'secret_key', kind: 'secret', what: 'the signing secret' },
  { matches: (r) => /^(Crypto|Cryptodome)\.Cipher\.\w+\.new$/.test(r), index: 0, keyword: 'key', kind: 'key', what: 'the encryption key' },
  { matches: (_, m) => m === 'login' || m === 'simple_bind_s' || m === 'simple_bind' || m === 'bind_s', index: 1, kind: 'password', what: 'the login password' },
  { matches: (_, m) => m === 'HTTPBasicAuth' || m === 'HTTPDigestAuth' || m === 'HTTPProxyAuth' || m === 'BasicAuth', index: 1, kind: 'password', what: 'the HTTP auth password' },
  { matches: (_, m) => m === 'set_password', index: 0, kind: 'password', what: 'the new password' },
  { matches: (_, m) => m === 'create_user' || m === 'create_superuser', index: 2, keyword: 'password', kind: 'password', what: "the user's password" },
  // DB-API drivers taking (host, user, password, database) positionally.
  { matches: (r) => /^(pymysql|MySQLdb|mysql\.connector|pymssql)\.connect$/.test(r), index: 2, kind: 'password', what: 'the database password' },
  { matches: (r) => r === 'twilio.rest.Client', index: 1, keyword: 'password', kind: 'secret', what: 'the Twilio auth token' },
  // tweepy.OAuthHandler(consumer_key, consumer_secret), auth.set_access_token(token, token_secret)
  { matches: (r, m) => /^tweepy\.(auth\.)?OAuth1?(User)?Handler$/.test(r) || m === 'set_access_token', index: 1, kind: 'secret', what: 'the OAuth secret' },
  { matches: (r) => r === 'ldap3.Connection', index: 2, keyword: 'password', kind: 'password', what: 'the LDAP bind password' },
  // base64.b64encode(b"user:password") for an HTTP Basic Authorization header.
  { matches: (r) => r === 'base64.b64encode' || r === 'base64.standard_b64encode' || r === 'base64.encodebytes', index: 0, kind: 'password', what: 'the Basic auth credentials' },
];
/** Last names of the calls in credentialArguments, checked before the costly callee resolution. */
const credentialCallNames = /^(OAuthHandler|OAuth1UserHandler|set_access_token|Connection|connect|Client|b64encode|standard_b64encode|encodebytes|encode|decode|new|digest|HMAC|Fernet|\w*(Serializer|Signer)|login|simple_bind_s|simple_bind|bind_s|HTTPBasicAuth|HTTPDigestAuth|HTTPProxyAuth|BasicAuth|set_password|create_user|create_superuser)$/;
/** Lookups whose second argument is a fallback: os.getenv("X", default), os.environ.get, decouple's config, django-environ's env. */
const fallbackLookups = new Set(['getenv', 'get', 'setdefault', 'config', 'env', 'str']);
/** Wrappers that hold a literal without changing it: pydantic's SecretStr("..."). */
const literalWrappers = new Set(['SecretStr', 'SecretBytes', 'str', 'bytes']);

/** Fixture, mock and example files hold stand-in credentials by design. */
const skippedPaths = /(^|\/)(__fixtures__|fixtures|__mocks__|mocks)\/|[._-](example|sample)\.py$/i;

export default defineDetector({
  id: 'hardcoded-secret',
  family: 'python',
  // A key or connection password in some string, a credential name, or a call in `credentialCallNames` (written, not resolved).
  triggers: {
    // The DB-API, Twilio, tweepy and ldap3 calls are named by their module in the unit, or by a name imported from it.
    text: new RegExp(`${credentialTextHint.source}|${secretNameHint.source}|\\b(?:pymysql|MySQLdb|mysql|pymssql|twilio|tweepy|ldap3|OAuthHandler|OAuth1UserHandler|set_access_token|b64encode|standard_b64encode|encodebytes|add_argument|add_option|option|encode|decode|new|digest|HMAC|Fernet|login|simple_bind_s|simple_bind|bind_s|set_password|create_user|create_superuser)\\b|(?:Serializer|Signer)\\b`, 'i'),
    imports: /^(?:pymysql|MySQLdb|mysql\.connector|pymssql|twilio\.rest|tweepy|ldap3|base64)(?:\.|$)/,
  },
  create(rawContext): Visitors {
    if (skippedPaths.test(rawContext.file.path)) return {};
    // One id per line: a hard-coded session secret is hardcoded-session-secret's, with its more specific message and fix.
    const context: RuleContext = {
      ...rawContext,
      report(report) {
        if (!report.node || !isReportedSessionSecret(report.node, rawContext)) rawContext.report(report);
      },
    };
    const named = (display: string, name: string, value: SyntaxNode | null | undefined, site: Site = 'holds'): void => {
      const secret = secretName(name);
      if (secret && value) checkNamedValue(context, display, name, secret, value, site);
    };
    return {
      string: (node) => {
        if (node.parent?.type !== 'concatenated_string') checkLiteral(context, node);
      },
      concatenated_string: (node) => checkLiteral(context, node),
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        let right = node.childForFieldName('right');
        while (right?.type === 'assignment') right = right.childForFieldName('right');
        if (!left || !right) return;
        if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && right.type === 'expression_list') {
          left.namedChildren.forEach((target, i) => target && named(target.text, targetName(target) ?? '', right!.namedChildren[i]));
          return;
        }
        const name = targetName(left);
        if (name) named(left.text, name, right);
      },
      keyword_argument(node: SyntaxNode) {
        const name = node.childForFieldName('name')?.text;
        if (name) named(name, name, node.childForFieldName('value'));
      },
      pair(node: SyntaxNode) {
        const key = node.childForFieldName('key');
        const name = literalText(key);
        if (key && name) named(name, name, node.childForFieldName('value'));
      },
      default_parameter: (node) => namedParameter(node),
      typed_default_parameter: (node) => namedParameter(node),
      comparison_operator(node: SyntaxNode) {
        const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
        if (operators.length !== 1 || (operators[0] !== '==' && operators[0] !== '!=')) return;
        const [a, b] = node.namedChildren;
        if (!a || !b) return;
        for (const [side, other] of [[a, b], [b, a]] as const) {
          const name = targetName(side) ?? lookupKey(side);
          if (name && literalText(other) !== undefined) named(side.text, name, other, 'compared');
        }
      },
      call(node: SyntaxNode) {
        checkFallback(context, node);
        checkCredentialArgument(context, node);
        checkOptionDefault(node);
      },
    };

    /** argparse's add_argument("--password", default="…"), optparse's add_option, click.option: the option names the value. */
    function checkOptionDefault(node: SyntaxNode): void {
      const callee = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (!callee || args?.type !== 'argument_list' || !/^(add_argument|add_option|option)$/.test(lastName(callee))) return;
      const fallback = keyword(args, 'default');
      if (!fallback) return;
      const flags = args.namedChildren.filter((a): a is SyntaxNode => a?.type === 'string').map((a) => literalText(a) ?? '');
      const flag = flags.find((f) => f.startsWith('--')) ?? flags[0];
      if (flag) named(flag, flag.replace(/^-+/, '').replace(/-/g, '_'), fallback);
    }

    function namedParameter(node: SyntaxNode): void {
      const name = node.childForFieldName('name')?.text;
      if (name) named(name, name, node.childForFieldName('value'));
    }
  },
});

type Site = 'holds' | 'compared';

/** Key formats and connection strings, wherever the literal sits. */
function checkLiteral(context: RuleContext, node: SyntaxNode): void {
  if (node.endIndex - node.startIndex < 12 || !mayHoldCredential(node.text)) return;
  const text = literalText(node, { holes: true });
  if (!text || text.length < 10) return;
  const format = findKeyFormat(text);
  if (format) {
    if (context.isTestCode(node)) return;
    const subject = format.what[0].toUpperCase() + format.what.slice(1);
    context.report({
      node,
      confidence: format.testKey ? 'medium' : 'high',
      message: `${subject} is written in source, where anyone who can read the repository can use it; revoke it and ${safer}.`,
    });
    return;
  }
  if (isDocstring(node)) return;
  const connection = findConnectionCredential(text);
  if (!connection || context.isTestCode(node)) return;
  const weak = connection.placeholder || connection.local;
  context.report({
    node,
    confidence: weak ? 'medium' : 'high',
    severity: weak ? 'warning' : undefined,
    message: connection.placeholder
      ? 'A connection string holds a placeholder password, and the real one pasted over it would be committed; take the password (or the whole URL) from an environment variable or a secrets manager.'
      : 'A connection string carries its password in source, readable by anyone with the repository; take the password (or the whole URL) from an environment variable or a secrets manager.',
  });
}

function checkNamedValue(context: RuleContext, display: string, name: string, secret: SecretName, valueNode: SyntaxNode, site: Site): void {
  let value = unwrapLiteral(valueNode);
  if (secret.kind === 'auth' && value?.type === 'tuple' && value.namedChildren.length === 2) {
    // requests' auth=("user", "password"): the second element is the password.
    value = value.namedChildren[1] ?? undefined;
    secret = { ...secret, kind: 'password' };
  }
  const text = literalText(value);
  if (!value || text === undefined) return;
  // Formats and connection strings are reported by checkLiteral with a more precise message.
  if (findKeyFormat(text) || findConnectionCredential(text)) return;
  const verdict = judgeSecretValue(text, secret.kind, name, secret.bare);
  if (!verdict || site === 'compared' && verdict === 'placeholder') return;
  if (context.isTestCode(valueNode)) return;
  const thing = describeKind(name, secret.kind);
  const who = shorten(display);
  const messages: Record<ValueVerdict, string> = site === 'compared'
    ? {
      real: `'${who}' is checked against a hard-coded ${thing}, a backdoor for anyone who can read the repository; verify against a stored hash or an identity provider instead.`,
      guessable: `'${who}' is checked against an easily guessed ${thing}, a backdoor for anyone who tries it; verify against a stored hash or an identity provider instead.`,
      placeholder: '',
    }
    : {
      real: `A hard-coded ${thing} in '${who}' is readable by anyone with the repository and cannot be rotated without a release; ${safer}.`,
      guessable: `'${who}' is set to an easily guessed ${thing} in source; generate a strong value and load it from an environment variable or a secrets manager.`,
      placeholder: `'${who}' holds a placeholder ${thing}, and the real one pasted over it would be committed; read it from an environment variable or a secrets manager instead.`,
    };
  report(context, value, verdict, messages[verdict]);
}

/** os.getenv("SECRET_KEY", "dev"): a fallback used silently whenever the variable is missing. */
function checkFallback(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list' || !fallbackLookups.has(lastName(callee))) return;
  const variable = literalText(positional(args, 0));
  const secret = variable ? secretName(variable) : undefined;
  const fallback = positional(args, 1) ?? keyword(args, 'default');
  const text = literalText(fallback);
  if (!variable || !secret || !fallback || text === undefined) return;
  if (findKeyFormat(text) || findConnectionCredential(text)) return;
  const verdict = judgeSecretValue(text, secret.kind, variable, secret.bare);
  // A placeholder fallback for an API key just fails at the API; for a signing secret it signs with a known value.
  if (!verdict || verdict === 'placeholder' && !secret.signing || context.isTestCode(node)) return;
  const thing = describeKind(variable, secret.kind);
  report(context, fallback, verdict === 'real' ? 'real' : 'guessable',
    `'${variable}' falls back to a hard-coded ${thing} when the environment variable is unset, so a misconfigured deployment runs with a value anyone can read; fail at startup instead of defaulting.`);
}

function checkCredentialArgument(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return;
  const method = lastName(callee);
  if (!credentialCallNames.test(method)) return;
  // Most such calls (`text.encode("utf-8")`) pass no literal where a credential would go: check that before resolving.
  const literals = args.namedChildren.filter((a) => a && (a.type === 'string' || a.type === 'keyword_argument' && a.childForFieldName('value')?.type === 'string'));
  if (literals.length === 0) return;
  const resolved = resolveCallee(callee, context) ?? callee.text;
  const entry = credentialArguments.find((c) => c.matches(resolved, method));
  if (!entry) return;
  const argument = positional(args, entry.index) ?? (entry.keyword ? keyword(args, entry.keyword) : undefined);
  const text = literalText(argument);
  if (!argument || text === undefined || findKeyFormat(text)) return;
  if (/b64encode|encodebytes/.test(resolved) && !basicCredentials.test(text)) return;
  const verdict = judgeArgument(text);
  if (!verdict || context.isTestCode(node)) return;
  const call = `${shorten(callee.text)}()`;
  const message = verdict === 'placeholder'
    ? `${call} is given a placeholder for ${entry.what}, and the real one pasted over it would be committed; read it from an environment variable or a secrets manager instead.`
    : entry.kind === 'password'
      ? `${call} is given a hard-coded password that anyone who can read the repository can use; load it from an environment variable or a secrets manager.`
      : `${call} is given a hard-coded key, so anyone who can read the repository can forge or read what it protects; load the key from an environment variable or a secrets manager.`;
  report(context, argument, verdict, message);
}

/** `user:password`, what Basic authentication encodes. */
const basicCredentials = /^[^:\s]{2,}:\S{4,}$/;

/** A positional credential needs no name to count: anything but empty, template or placeholder text is one. */
function judgeArgument(text: string): ValueVerdict | undefined {
  const verdict = judgeSecretValue(text, 'password', '', false);
  if (verdict) return verdict;
  // judgeSecretValue drops values with spaces as prose; a key argument is no prose ("Sixteen byte key").
  return text.trim().length >= 4 && /\s/.test(text) && !/\{[^}]*\}|%\(\w+\)s|%s/.test(text) ? 'real' : undefined;
}

function report(context: RuleContext, node: SyntaxNode, verdict: ValueVerdict, message: string): void {
  const placeholder = verdict === 'placeholder';
  const confidence: Confidence = placeholder ? 'medium' : 'high';
  const severity: Severity | undefined = placeholder ? 'warning' : undefined;
  context.report({ node, message, confidence, severity });
}

/** The name a target stands for: `password`, `self.password` → password, `config["SECRET_KEY"]` → SECRET_KEY. */
function targetName(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  if (node.type === 'subscript') return literalText(node.childForFieldName('subscript'));
  return undefined;
}

/** `request.form.get("password")` → password. */
function lookupKey(node: SyntaxNode): string | undefined {
  if (node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  return callee && lastName(callee) === 'get' && args ? literalText(positional(args, 0)) : undefined;
}

/** SecretStr("...") → the string inside. */
function unwrapLiteral(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'call') return node;
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || !args || !literalWrappers.has(lastName(callee))) return undefined;
  return args.namedChildren.length === 1 ? args.namedChildren[0] ?? undefined : undefined;
}

function lastName(callee: SyntaxNode): string {
  return callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
}

function positional(args: SyntaxNode, index: number): SyntaxNode | undefined {
  const list = args.namedChildren.filter((a): a is SyntaxNode => a !== null && a.type !== 'comment' && a.type !== 'keyword_argument');
  return list[index];
}

function keyword(args: SyntaxNode, name: string): SyntaxNode | undefined {
  const found = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return found?.childForFieldName('value') ?? undefined;
}

function shorten(text: string): string {
  const clean = text.replaceAll(hole, '…').replace(/\s+/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}
