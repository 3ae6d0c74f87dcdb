// hardcoded-session-secret for Python: Flask/Django/Starlette/Tornado secrets that sign sessions, cookies and tokens, written into source.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit, type Visitors } from '../api';
import { importedName } from './lib/import-edits';
import { configClassKind, isDevelopmentPath } from './lib/settings-modules';
import { calleeLastName } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** Settings and keywords that hold the key sessions, cookies or tokens are signed with, and what each signs. */
const sessionSecrets: Record<string, string> = {
  SECRET_KEY: 'sessions, cookies and password-reset tokens',
  secret_key: 'sessions and cookies',
  SESSION_SECRET: 'sessions',
  SESSION_SECRET_KEY: 'sessions',
  session_secret: 'sessions',
  COOKIE_SECRET: 'cookies',
  cookie_secret: 'cookies',
  JWT_SECRET_KEY: 'login tokens',
  WTF_CSRF_SECRET_KEY: 'CSRF tokens',
  SECURITY_PASSWORD_SALT: 'password-reset and confirmation tokens',
  SIGNING_KEY: 'login tokens',
};

export default defineDetector({
  id: 'hardcoded-session-secret',
  family: 'python',
  triggers: /secret|Secret|SECRET|SALT|SIGNING_KEY/,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    if (isDevelopmentPath(context.file.path)) return {};
    return {
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        if (!left || !/secret|SECRET|SALT/.test(left.text)) return;
        const right = node.childForFieldName('right');
        if (!right || right.type === 'assignment') return;
        const name = left.type === 'identifier' ? left.text
          : left.type === 'attribute' ? left.childForFieldName('attribute')?.text
            : left.type === 'subscript' && /(^|\.)config$/.test(left.childForFieldName('value')?.text ?? '') ? literalText(left.childForFieldName('subscript')) : undefined;
        // `self.secret_key = secret_key` in some class: only a module or class constant, an app attribute or app.config count.
        if (!name || !sessionSecrets[name] || name === 'SIGNING_KEY' || (left.type === 'attribute' && name !== 'secret_key')) return;
        if (left.type === 'identifier' && name === 'secret_key') return;
        check(context, node, name, right, left.type === 'attribute' ? left.text : name);
      },
      keyword_argument(node: SyntaxNode) {
        const name = node.childForFieldName('name')?.text ?? '';
        const value = node.childForFieldName('value');
        if (!value || !sessionSecrets[name]) return;
        const call = node.parent?.parent;
        if (call?.type !== 'call') return;
        const method = calleeLastName(call, context) ?? '';
        // app.config.update(SECRET_KEY=...), SessionMiddleware/add_middleware(secret_key=...), tornado Application(cookie_secret=...).
        if (/^[A-Z_]+$/.test(name) ? !/^(update|from_mapping|dict|Flask|Config|Settings|configure)$/.test(method) : !/(Middleware|middleware|Application|Session|Storage|Serializer|Signer|Manager|setup|SessionInterface)/.test(method)) return;
        check(context, value, name, value);
      },
      pair(node: SyntaxNode) {
        const key = node.childForFieldName('key');
        if (key?.type !== 'string' || !/SECRET|SALT|SIGNING/.test(key.text)) return;
        const name = literalText(key);
        const value = node.childForFieldName('value');
        if (!name || !value || !sessionSecrets[name] || name === 'secret_key') return;
        check(context, node, name, value);
      },
    };
  },
});

function check(context: RuleContext, at: SyntaxNode, name: string, value: SyntaxNode, display = name): void {
  if (configClassKind(at) === 'development' || inNameTable(at)) return;
  const found = hardcodedValue(value);
  if (!found) return;
  // "AWS_SECRET_ACCESS_KEY": the name of an environment variable, not a value.
  const text = literalText(found.literal) ?? '';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text) && /KEY|SECRET|TOKEN|PASSWORD|SALT/.test(text)) return;
  // In a class, "secret_key" or "aws_secret_access_key" names a field of some config format; elsewhere it is a lazy placeholder.
  if (inClass(at) && (normalize(text) === normalize(name) || /secret_?access_?key/i.test(text))) return;
  const fallback = !found.literal.equals(value);
  const signs = sessionSecrets[name];
  context.report({
    node: at,
    message: fallback
      ? `${display} falls back to a hard-coded value when the environment variable is unset, so a misconfigured deployment signs ${signs} with a key anyone who reads the repository can use to forge them; fail at startup instead.`
      : `${display} is hard-coded, so anyone who can read the repository can sign ${signs} and log in as any user; load it from an environment variable or a secrets manager.`,
    fix: environmentFix(context, value, name),
  });
}

/**
 * Class constants outside settings classes: settings live in config classes (Config, ProductionConfig,
 * Settings(BaseSettings)); elsewhere SECRET_KEY names a field or a variable (`class AwsConfigKeys`, botocore's providers).
 */
function inNameTable(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return false;
    if (n.type !== 'class_definition') continue;
    const name = n.childForFieldName('name')?.text ?? '';
    const bases = n.childForFieldName('superclasses')?.text ?? '';
    return /(Keys|Names|Fields|Constants|Enum|Choices)$/.test(name) || /Enum/.test(bases) || !/Config|Settings|Conf\b|Environment/.test(`${name} ${bases}`);
  }
  return false;
}

function inClass(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return false;
    if (n.type === 'class_definition') return true;
  }
  return false;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The literal a value always or by fallback comes to: `"dev"`, `os.environ.get("X") or "dev"`. */
function hardcodedValue(value: SyntaxNode): { literal: SyntaxNode } | undefined {
  const text = literalText(value);
  if (text !== undefined) return text.trim() === '' ? undefined : { literal: value };
  if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.type === 'or') {
    const right = value.childForFieldName('right');
    const fallback = right ? literalText(right) : undefined;
    if (right && fallback !== undefined && fallback.trim() !== '') return { literal: right };
  }
  return undefined;
}

/** `"dev"` (or `os.environ.get("X") or "dev"`) → `os.environ["SECRET_KEY"]`, adding `import os` when needed. */
function environmentFix(context: RuleContext, value: SyntaxNode, name: string): Fix {
  const environ = importedName(value, context, 'os', 'environ', 'module');
  const variable = name.toUpperCase();
  const edits: TextEdit[] = [...environ.edits, { range: context.rangeOf(value), newText: `${environ.expression}["${variable}"]` }];
  return { title: `Read ${variable} from the environment (startup fails until it is set)`, edits, preservesBehaviour: false };
}
