// assert-for-security for Python: assert statements that decide access (roles, ownership, authentication, signatures, path containment), which python -O removes.
import { defineDetector, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { wordsOf } from './lib/name-words';
import { enclosingFunction } from './lib/scope';
import { secretName } from './lib/secret-names';
import { literalText } from './lib/string-literals';
import { importsWebFramework } from './lib/settings-modules';
import { quietInTests } from './lib/test-code';
import { enclosingView } from './lib/web-views';

/** Words in a condition that make it an access decision, and how the message names it. */
const accessWords = new Map<string, string>([
  ['admin', 'a role check'], ['admins', 'a role check'], ['staff', 'a role check'], ['superuser', 'a role check'], ['role', 'a role check'],
  ['roles', 'a role check'], ['authenticated', 'an authentication check'], ['authorized', 'an authorization check'],
  ['authorised', 'an authorization check'], ['authorize', 'an authorization check'], ['permission', 'a permission check'],
  ['permissions', 'a permission check'], ['perm', 'a permission check'], ['perms', 'a permission check'], ['privilege', 'a permission check'],
  ['privileges', 'a permission check'], ['acl', 'a permission check'], ['owns', 'an ownership check'],
  ['tenant', 'a tenant check'], ['logged', 'an authentication check'], ['login', 'an authentication check'], ['csrf', 'a CSRF check'],
  ['xsrf', 'a CSRF check'], ['signature', 'a signature check'], ['sig', 'a signature check'], ['hmac', 'a signature check'], ['verified', 'a verification check'], ['password', 'a password check'],
  ['passwd', 'a password check'], ['allowed', 'an allow-list check'], ['whitelisted', 'an allow-list check'], ['allowlisted', 'an allow-list check'],
]);
/** Calls that are checks by name: `user.can_edit(doc)`, `hmac.compare_digest(a, b)`, `user.has_perm(...)`. */
const checkCalls = /^(can_\w+|has_perms?|has_permission|has_role|has_access|is_allowed|compare_digest|check_password|verify_password|check_signature|verify_signature|is_owner|is_member)$/;
/**
 * Names that are access decisions wherever they appear. The other words (role, permission, signature, allowed…) also
 * name permutations, reST roles and function signatures, so they count only in web code or next to a user or request.
 */
const strongNames = /^(is_(admin|staff|superuser|authenticated|authorized|authorised|moderator|owner|logged_in)|has_perms?|has_permission|has_role|has_access|logged_in|user_is_\w+)$/;
const strongCalls = /^(can_\w+|has_perms?|has_permission|has_role|has_access|compare_digest|check_password|verify_password|is_owner)$/;
/** The logged-in user, as Flask-Login and Django expose it. */
const currentUser = /^(request\.user|current_user|g\.user)(\.(id|pk|username|email))?$/;
/** Client input in the condition itself: `assert request.form["qty"].isdigit()`. */
const requestData = /\brequest\.(args|form|values|json|data|files|GET|POST|FILES|query_params|headers|cookies|COOKIES|get_json\()/;
/** Receivers of `.startswith(...)` that name a file-system path: `path.startswith(ROOT)` is a traversal guard. */
const pathWords = new Set(['path', 'filepath', 'filename', 'file', 'target', 'dest', 'destination', 'resolved', 'full', 'abs', 'real', 'realpath', 'abspath', 'dir', 'directory']);

export default defineDetector({
  id: 'assert-for-security',
  family: 'python',
  triggers: /assert/,
  anchored: true,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    if (context.file.isTest) return {};
    return {
      assert_statement(node: SyntaxNode) {
        const condition = node.namedChildren[0];
        if (!condition) return;
        const decision = accessDecision(condition);
        if (!decision || (!decision.strong && !inWebCode(node, context))) return;
        const what = decision.what;
        context.report({
          node,
          message: `This assert is ${what}, and python -O strips every assert, so the check vanishes in optimized deployments; raise an exception (PermissionDenied, abort(403), ValueError) instead.`,
        });
      },
    };
  },
});

interface Decision {
  readonly what: string;
  /** Unmistakable wherever it appears (is_admin, has_perm, compare_digest, current_user). */
  readonly strong: boolean;
}

/** What access decision a condition makes, or undefined when it reads as an internal invariant. */
function accessDecision(condition: SyntaxNode): Decision | undefined {
  // `x is None` / `x is not None` checks that a lookup returned something: an invariant, whatever x is called.
  if (condition.type === 'comparison_operator' && condition.children.some((c) => c?.type === 'is' || c?.type === 'is not')) return undefined;
  if (condition.type === 'call' && isInstanceCheck(condition)) return undefined;
  let found: string | undefined;
  let strong = false;
  // `secrets` is off inside the object of an attribute: `token.type` is about a lexer token, `api_key == x` is a credential.
  const visit = (n: SyntaxNode, secrets = true): void => {
    if (found) return;
    switch (n.type) {
      case 'identifier':
        found = judgeName(n.text, secrets);
        strong = !!found && strongNames.test(n.text);
        return;
      case 'attribute': {
        const attribute = n.childForFieldName('attribute');
        if (attribute) found = judgeName(attribute.text, secrets);
        strong = !!found && strongNames.test(attribute?.text ?? '');
        const object = n.childForFieldName('object');
        if (!found && object) visit(object, false);
        return;
      }
      case 'call': {
        const callee = n.childForFieldName('function');
        const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
        // The size or type of something says nothing about who may do what: len(roles), isinstance(perm, Perm).
        if (name === 'len' || name === 'isinstance' || name === 'type') return;
        if (name && checkCalls.test(name)) {
          found = /digest|signature/.test(name) ? 'a signature check' : /password/.test(name) ? 'a password check' : 'a permission check';
          strong = strongCalls.test(name);
          return;
        }
        if (name === 'startswith' && callee?.type === 'attribute' && isPathLike(callee.childForFieldName('object'))) {
          found = 'a path containment check';
          return;
        }
        break;
      }
      case 'comparison_operator': {
        // `"user_id" in session`: Flask's login state.
        const right = n.namedChildren[n.namedChildren.length - 1];
        if (n.children.some((c) => c?.type === 'in') && right?.type === 'identifier' && right.text === 'session') {
          found = 'an authentication check';
          strong = true;
          return;
        }
        // `doc.author == request.user`, `obj.user_id == current_user.id`: an ownership check.
        if (n.namedChildren.some((side) => !!side && currentUser.test(side.text))) {
          found = 'an ownership check';
          strong = true;
          return;
        }
        break;
      }
      case 'subscript': {
        const key = literalText(n.childForFieldName('subscript'));
        if (key) found = judgeName(key, secrets);
        const value = n.childForFieldName('value');
        if (!found && value) visit(value, false);
        return;
      }
      case 'string':
        return;
      default:
        break;
    }
    for (const child of n.namedChildren) if (child) visit(child, secrets);
  };
  visit(condition);
  if (!found && requestData.test(condition.text)) return { what: 'a check of request data', strong: true };
  return found ? { what: found, strong } : undefined;
}

/** Web code: the module imports a web framework, or the assert sits in a view or a function handed a user or request. */
function inWebCode(node: SyntaxNode, context: RuleContext): boolean {
  if (importsWebFramework(context) || enclosingView(node)) return true;
  const fn = enclosingFunction(node);
  const parameters = fn?.childForFieldName('parameters')?.namedChildren ?? [];
  return parameters.some((p) => !!p && /^(request|req|user|current_user|actor|principal|account|viewer)$/.test(p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? ''));
}

function judgeName(name: string, secrets: boolean): string | undefined {
  // owner_id, is_owner, owned_by; not a DOM node's ownerDocument.
  if (/^(is_)?owners?(_id|_pk|_user)?$|^owned_by(_id)?$|^user_id$|^author_id$|^created_by(_id)?$/.test(name)) return 'an ownership check';
  const words = wordsOf(name);
  for (const word of words) {
    const what = accessWords.get(word);
    if (what) return what;
  }
  if (!secrets) return undefined;
  const secret = secretName(name);
  if (secret && secret.kind !== 'password') return 'a credential check';
  if (secret) return 'a password check';
  return undefined;
}

function isInstanceCheck(call: SyntaxNode): boolean {
  const name = call.childForFieldName('function')?.text;
  return name === 'isinstance' || name === 'issubclass' || name === 'callable' || name === 'hasattr';
}

function isPathLike(node: SyntaxNode | null): boolean {
  if (!node) return false;
  const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text ?? '' : node.type === 'call' ? node.text : node.text;
  return wordsOf(name).some((w) => pathWords.has(w));
}
