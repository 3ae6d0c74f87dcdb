// hardcoded-session-secret for JavaScript/TypeScript: the secret that signs sessions and cookies written into source (express-session, cookie-session, cookie-parser, Koa app.keys, Fastify, iron-session, NextAuth).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { assignmentTargetText } from './lib/assignment-targets';
import { callPartsOf } from './lib/call-parts';
import { constantString, findBinding, unwrap } from './lib/constant-strings';
import { wordsOf } from './lib/name-words';
import { keyNameOf, propertyOf } from './lib/object-keys';
import { isSessionSecretName, reportsSessionSecrets, sessionSecretSlots, type SessionLibrary } from './lib/session-secrets';

const envRead = /\b(process\.env|import\.meta\.env|Deno\.env|Bun\.env)\b|\b(getenv|getEnv|env)\s*\(|\bconfig\.get\s*\(/;
const exampleSecrets = /^(keyboard cat|secret|mysecret|my-secret|your[-_ ]?secret[-_ ]?(key)?|changeme|change[-_ ]?me|supersecret|super[-_ ]?secret|s3cr3t|session[-_ ]?secret|dev|development|test)$/i;

interface Hardcoded {
  /** The node to report and, for a fix, to replace. */
  readonly node: SyntaxNode;
  readonly value: string;
  /** `process.env.X || '…'`: the whole expression and the environment read in it. */
  readonly fallbackOf?: { readonly whole: SyntaxNode; readonly read: SyntaxNode };
  /** One of several keys: replacing it alone would leave the others in source. */
  readonly inArray?: boolean;
}

export default defineDetector({
  id: 'hardcoded-session-secret',
  family: 'javascript',
  triggers: /session|cookie|register|nextauth|iron|secret|password|keys/i,
  anchored: true,
  create(context): Visitors {
    if (!reportsSessionSecrets(context.file.path)) return {};
    const report = (found: Hardcoded, what: string, envName: string | undefined): void => {
      if (context.isTestCode(found.node)) return;
      const example = exampleSecrets.test(found.value.trim()) ? ` ('${found.value}' is copied from documentation and tried by attackers)` : '';
      context.report({
        node: found.node,
        message: found.fallbackOf
          ? `${what} falls back to a hard-coded value${example} when the environment variable is unset, so a misconfigured deployment signs sessions with a secret anyone can read and forge; fail at startup instead of falling back.`
          : `${what} is hard-coded${example}, so anyone who can read the repository can forge session cookies and log in as any user; load it from an environment variable or a secrets manager.`,
        fix: envName ? fixFor(found, envName, context) : undefined,
      });
    };
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !/session|cookie|register|NextAuth|iron/i.test(name)) return;
        for (const slot of sessionSecretSlots(node, context)) {
          // `secret: SESSION_SECRET` where the constant is itself named as a session secret: reported once, where it is written.
          const value = unwrap(slot.value);
          const declared = value?.type === 'identifier' ? findBinding(value)?.declarator?.childForFieldName('name')?.text : undefined;
          if (declared && isSessionSecretName(declared)) continue;
          for (const found of hardcodedIn(slot.value)) report(found, labelOf(slot.library), slot.library === 'koa' ? undefined : slot.envName);
        }
        // NextAuth({ secret }) and iron-session helpers are also matched by their option objects below.
      },
      variable_declarator(node: SyntaxNode) {
        // `const SESSION_SECRET = '…'`, `let cookieSecret = process.env.X || '…'`: the name says what signs sessions.
        if (!/session|cookie/i.test(node.text.slice(0, 60).split('=')[0])) return;
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (name?.type !== 'identifier' || !value || !isSessionSecretName(name.text)) return;
        for (const found of hardcodedIn(value)) report(found, `'${name.text}'`, envNameFor(name.text));
      },
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (key !== 'secret' && key !== 'password') return;
        const object = node.parent;
        if (!object || object.type !== 'object') return;
        // Already judged as a middleware call's options.
        if (object.parent?.type === 'arguments' && /session|cookie|register/i.test(object.parent.parent?.childForFieldName('function')?.text.slice(0, 60) ?? '')) return;
        const library: SessionLibrary | undefined = key === 'secret' && propertyOf(object, 'providers') ? 'next-auth'
          : key === 'password' && propertyOf(object, 'cookieName') ? 'iron-session' : undefined;
        if (!library) return;
        const value = node.childForFieldName('value');
        if (!value) return;
        for (const found of hardcodedIn(value)) report(found, labelOf(library), library === 'next-auth' ? 'NEXTAUTH_SECRET' : 'SESSION_PASSWORD');
      },
      assignment_expression(node: SyntaxNode) {
        // Koa: `app.keys = ['…', '…']`
        if (!/^(app|koa|server)\.keys$/.test(assignmentTargetText(node))) return;
        const left = node.childForFieldName('left');
        if (left?.type !== 'member_expression' || left.childForFieldName('property')?.text !== 'keys' || !/^(app|koa|server)$/.test(left.childForFieldName('object')?.text ?? '')) return;
        const right = node.childForFieldName('right');
        if (right && unwrap(right)?.type === 'array') for (const found of hardcodedIn(right)) report(found, "Koa's app.keys (used to sign cookies)", undefined);
      },
    };
  },
});

function envNameFor(name: string): string {
  return /^[A-Z0-9_]+$/.test(name) ? name : wordsOf(name).join('_').toUpperCase();
}

function labelOf(library: SessionLibrary): string {
  switch (library) {
    case 'express-session': return 'The express-session secret';
    case 'cookie-session': return 'The cookie-session signing key';
    case 'cookie-parser': return "cookie-parser's signing secret";
    case 'koa': return "Koa's app.keys";
    case 'fastify': return 'The Fastify cookie/session secret';
    case 'iron-session': return 'The iron-session password';
    case 'next-auth': return 'The NextAuth secret';
  }
}

/** Literal strings in a secret slot: the value itself, each element of a keys array, or the fallback after an environment read. */
function hardcodedIn(value: SyntaxNode): Hardcoded[] {
  const node = unwrap(value);
  if (!node) return [];
  if (node.type === 'array') return node.namedChildren.flatMap((c) => (c ? hardcodedIn(c) : [])).slice(0, 1).map((f) => ({ ...f, inArray: true }));
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.type;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if ((operator === '||' || operator === '??') && left && right && envRead.test(left.text)) {
      const literal = literalSecret(right);
      return literal !== undefined ? [{ node: right, value: literal, fallbackOf: { whole: node, read: left } }] : [];
    }
  }
  if (envRead.test(node.text) || /randomBytes|randomUUID|crypto\./.test(node.text)) return [];
  const literal = literalSecret(node);
  return literal !== undefined ? [{ node, value: literal }] : [];
}

function literalSecret(node: SyntaxNode): string | undefined {
  const value = constantString(node);
  // Numbers are flags and sizes (`NTLM_RequestNonNTSessionKey: 0x00400000`), never secrets.
  if (value === undefined || value.trim() === '' || unwrap(node)?.type === 'number' || /^(0x[0-9a-f]+|\d+)$/i.test(value)) return undefined;
  // An environment variable's name passed to a config reader is not the secret.
  if (/^[A-Z][A-Z0-9_]+$/.test(value) && /_/.test(value)) return undefined;
  return value;
}

function fixFor(found: Hardcoded, envName: string, context: RuleContext): Fix | undefined {
  const typescript = context.file.language === 'typescript' || context.file.language === 'tsx';
  if (found.fallbackOf) {
    return {
      title: 'Remove the hard-coded fallback (the app then needs the environment variable set)',
      edits: [{ range: context.rangeOf(found.fallbackOf.whole), newText: found.fallbackOf.read.text + (typescript ? '!' : '') }],
      preservesBehaviour: false,
    };
  }
  const node = unwrap(found.node);
  if (!node || found.inArray || (node.type !== 'string' && node.type !== 'template_string')) return undefined;
  return {
    title: `Read the secret from process.env.${envName} (it must then be set in every environment; existing sessions are invalidated)`,
    edits: [{ range: context.rangeOf(node), newText: `process.env.${envName}${typescript ? '!' : ''}` }],
    preservesBehaviour: false,
  };
}
