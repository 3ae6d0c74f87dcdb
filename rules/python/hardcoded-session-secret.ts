// hardcoded-session-secret for Python: Flask/Django/Starlette/Tornado secrets that sign sessions, cookies and tokens, written into source.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit, type Visitors } from '../api';
import { importedName } from './lib/import-edits';
import { hardcodedSessionSecret, sessionSecrets, sessionSecretSlotOf, type HardcodedSessionSecret } from './lib/session-secrets';
import { isDevelopmentPath } from './lib/settings-modules';

export default defineDetector({
  id: 'hardcoded-session-secret',
  family: 'python',
  triggers: /secret|Secret|SECRET|SALT|SIGNING_KEY|CookieStorage|Serializer|Signer/,
  anchored: true,
  create(context): Visitors {
    if (isDevelopmentPath(context.file.path)) return {};
    const visit = (node: SyntaxNode): void => {
      const slot = sessionSecretSlotOf(node, context);
      const found = slot && hardcodedSessionSecret(slot, context);
      if (found) report(context, found);
    };
    return { assignment: visit, keyword_argument: visit, pair: visit, call: visit };
  },
});

function report(context: RuleContext, { slot, fallback }: HardcodedSessionSecret): void {
  const signs = sessionSecrets[slot.name];
  context.report({
    node: slot.at,
    message: fallback
      ? `${slot.display} falls back to a hard-coded value when the environment variable is unset, so a misconfigured deployment signs ${signs} with a key anyone who reads the repository can use to forge them; fail at startup instead.`
      : `${slot.display} is hard-coded, so anyone who can read the repository can sign ${signs} and log in as any user; load it from an environment variable or a secrets manager.`,
    fix: environmentFix(context, slot.value, slot.name),
  });
}

/** `"dev"` (or `os.environ.get("X") or "dev"`) → `os.environ["SECRET_KEY"]`, adding `import os` when needed. */
function environmentFix(context: RuleContext, value: SyntaxNode, name: string): Fix {
  const environ = importedName(value, context, 'os', 'environ', 'module');
  const variable = name.toUpperCase();
  const edits: TextEdit[] = [...environ.edits, { range: context.rangeOf(value), newText: `${environ.expression}["${variable}"]` }];
  return { title: `Read ${variable} from the environment (startup fails until it is set)`, edits, preservesBehaviour: false };
}
