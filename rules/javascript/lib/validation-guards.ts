// Owns spotting validation of a value before a sink in the same function: allow-lists, format checks, containment checks, switch dispatch.
import type { SyntaxNode } from '../../api';
import { unwrap } from './constant-strings';
import { lookupBinding } from './scope-bindings';
import { enclosingFunction, sameNode } from './built-strings';
import { factsOf } from './function-facts';

/** Calls and operators that check a value against something known: what fixes add before a sink. */
const validating = /\b(includes|indexOf|has|hasOwnProperty|hasOwn|test|match|matches|fullmatch|startsWith|endsWith|isValid\w*|isSafe\w*|isAllowed\w*|isPermitted\w*|isTrusted\w*|isLocal\w*|isRelative\w*|isInternal\w*|isAbsolute|isInside\w*|isWithin\w*|isSubPath\w*|isSubdir\w*|isPathInside|pathIsInside|contains|validat\w*|verif\w*|check\w*|ensure\w*|assert\w*|isAlphanumeric|isAlpha|isNumeric|isInt\w*|isUUID|isMongoId|isEmail|isURL|isHexadecimal|isSlug|isIn|isNaN|isInteger|isFinite|isSafeInteger|whitelist\w*|allowlist\w*|allowed\w*|ALLOWED\w*|permitted\w*|relative)\b|[!=]==?\s*['"`]|['"`]\s*[!=]==?|typeof\s+[\w.]+\s*[!=]==?\s*['"](number|boolean|bigint)['"]/;

/** Identifiers a value is made of, and those of the same-function variables it was computed from (one hop). */
export function namesIn(node: SyntaxNode, hops = 1): Set<string> {
  const names = new Set<string>();
  // `nesting` bounds the walk: generated code nests `a + b + …` thousands deep.
  const visit = (n: SyntaxNode, depth: number, nesting = 0): void => {
    if (nesting > 40 || names.size > 64) return;
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier') {
      if (names.has(n.text)) return;
      names.add(n.text);
      if (depth < hops) {
        const binding = lookupBinding(n);
        if (binding?.value && binding.declarator && sameNode(enclosingFunction(binding.declarator), enclosingFunction(n))) visit(binding.value, depth + 1);
      }
      return;
    }
    if (n.type === 'arrow_function' || n.type === 'function_expression') return;
    // `req.query.next` is checked as a whole: a check of `req.path` says nothing about it.
    if (n.type === 'member_expression' && /^[\w$]+(\.[\w$]+)+$/.test(n.text)) {
      names.add(n.text);
      return;
    }
    for (const child of n.namedChildren) if (child) visit(child, depth, nesting + 1);
  };
  visit(node, 0);
  return names;
}

/**
 * Whether some name the value is made of is validated earlier in its function: an `if`/`switch`/ternary/assertion whose
 * condition checks it with an allow-list, a format test, a containment check (`resolved.startsWith(root)`) or a string comparison.
 */
export function isValidatedBefore(value: SyntaxNode, at: SyntaxNode = value, extra: RegExp | undefined = undefined, incomplete: RegExp | undefined = undefined): boolean {
  const names = namesIn(value);
  if (names.size === 0) return false;
  const fn = enclosingFunction(at);
  if (!fn?.childForFieldName('body')) return false;
  const facts = factsOf(fn, at);
  // Cheap first: no name of the value appears before the sink except where it is built.
  const before = facts.text.slice(0, Math.max(0, at.startIndex - (fn.childForFieldName('body')?.startIndex ?? 0)));
  if (![...names].some((n) => before.includes(n.split('.')[0]))) return false;
  const mentions = (text: string): boolean => {
    for (const name of names) if (text.includes(name) && new RegExp(`(^|[^\\w$.])${name.replace(/[$.]/g, '\\$&')}\\b`).test(text)) return true;
    return false;
  };
  const checks = (condition: SyntaxNode | null): boolean => {
    if (!condition) return false;
    const text = condition.text;
    if (!mentions(text)) return false;
    // A check the hazard's advisories show to be bypassable (`url.indexOf('example.com') !== -1`) validates nothing.
    if (incomplete?.test(text.replace(/^\(|\)$/g, ''))) return false;
    if (extra?.test(text)) return true;
    // `typeof x === 'string'` says nothing about the content; `typeof x === 'number'` does.
    const withoutTypeChecks = text.replace(/typeof\s+[\w.$[\]'"]+\s*[!=]==?\s*['"]\w+['"]/g, (m) => (/number|boolean|bigint/.test(m) ? ' isNumeric ' : ' '));
    return validating.test(withoutTypeChecks);
  };
  const candidates = [...facts.conditions, ...facts.calls].filter((s) => s.startIndex < at.startIndex);
  for (const statement of candidates) {
    if (statement.type === 'call_expression') {
      // `assert(ALLOWED.has(x))`, `validateName(x)` as a statement that throws.
      const callee = statement.childForFieldName('function')?.text ?? '';
      if (statement.parent?.type !== 'expression_statement' && statement.parent?.type !== 'await_expression') continue;
      if (/^(assert\w*|invariant|ensure\w*|validat\w*|check\w*|verify\w*|\w+\.(parse|validate|assert\w*|check\w*))$/.test(callee) && mentions(statement.text)) return true;
      continue;
    }
    const condition = statement.childForFieldName(statement.type === 'switch_statement' ? 'value' : 'condition');
    if (statement.type === 'switch_statement') {
      if (condition && mentions(condition.text)) return true;
      continue;
    }
    if (checks(condition)) return true;
  }
  return false;
}

/** The text of the function around `at`, from its start up to `at` (empty outside a function): what ran before a sink. */
export function functionTextBefore(at: SyntaxNode): string {
  const fn = enclosingFunction(at);
  return fn ? fn.text.slice(0, Math.max(0, at.startIndex - fn.startIndex)) : '';
}

/**
 * Host checks that a crafted URL passes: a substring test for a domain (`evil.com/?example.com` contains it) or a
 * scheme-only prefix (`http://169.254.169.254` starts with "http").
 */
export const incompleteUrlCheck = /^\s*!?\s*[\w.$]+\s*\.\s*(indexOf|includes|search)\(\s*['"`][\w.-]+\.[a-z]{2,}\/?['"`]\s*\)(\s*[!=<>]==?\s*-?\d+)?\s*$|^\s*!?\s*[\w.$]+\s*\.\s*startsWith\(\s*['"`]https?(:(\/\/)?)?['"`]\s*\)\s*$/;

/**
 * `const host = url.parse(target).host; if (host !== req.headers.host) return …`: a value parsed, in the same function
 * and before the sink, from the identifier at the sink, and checked there. `position` says which argument of the parse
 * the identifier is: the first (`url.parse(target)`) or the last (`path.relative(root, target)`).
 */
export function isCheckedThroughParse(value: SyntaxNode, at: SyntaxNode, parse: RegExp, extra: RegExp | undefined = undefined, position: 'first' | 'last' = 'first'): boolean {
  const v = unwrap(value);
  if (v?.type !== 'identifier') return false;
  const fn = enclosingFunction(at);
  if (!fn?.childForFieldName('body')) return false;
  const escaped = v.text.replace(/\$/g, '\\$');
  const argument = position === 'first' ? new RegExp(`\\(\\s*${escaped}\\s*[,)]`) : new RegExp(`[(,\\s]${escaped}\\s*\\)$`);
  for (const declarator of factsOf(fn, at).declarators) {
    if (declarator.startIndex > at.startIndex) continue;
    const init = declarator.childForFieldName('value');
    const name = declarator.childForFieldName('name');
    if (!init || name?.type !== 'identifier' || !parse.test(init.text) || !argument.test(init.text)) continue;
    if (isValidatedBefore(name, at, extra)) return true;
  }
  return false;
}

/** `ALLOWED.includes(x) ? x : 'id'`: a ternary whose condition validates the branch it picks. */
export function isValidatingTernary(node: SyntaxNode): boolean {
  const n = unwrap(node);
  if (n?.type !== 'ternary_expression') return false;
  const condition = n.childForFieldName('condition');
  return !!condition && validating.test(condition.text);
}
