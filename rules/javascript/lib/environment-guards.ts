// Owns telling development-only code from code that runs in production: NODE_ENV checks, isDev flags, dev config files.
import type { SyntaxNode } from '../../api';

/** A condition that is true only outside production: `NODE_ENV === 'development'`, `isDev`, `!isProduction`, `app.get('env') === 'development'`. */
const devCondition = /\b(NODE_ENV|env|ENV|APP_ENV|environment|get\(\s*['"]env['"]\s*\))\s*={2,3}\s*['"](development|dev|local|test)['"]|['"](development|dev|local|test)['"]\s*={2,3}\s*[\w.]*(NODE_ENV|env|ENV)\b|\b(NODE_ENV|env|ENV)\s*!={1,2}\s*['"](production|prod)['"]|^!?\s*\(?\s*!\s*(is|IS_)?(prod|production|PROD|PRODUCTION|Production|Prod)\b|^\s*\(?\s*(isDev|isDevelopment|IS_DEV|IS_DEVELOPMENT|__DEV__|isLocal|IS_LOCAL|devMode|DEV_MODE|isDevMode|debugMode|DEBUG|import\.meta\.env\.DEV|config\.isDev|config\.debug)\b|^!\s*app\.isPackaged\b/;
/** A condition that is true only in production. */
const prodCondition = /\b(NODE_ENV|env|ENV|APP_ENV|environment|get\(\s*['"]env['"]\s*\))\s*={2,3}\s*['"](production|prod)['"]|^\s*\(?\s*(isProd|isProduction|IS_PROD|IS_PRODUCTION|import\.meta\.env\.PROD|config\.isProd|config\.isProduction|app\.isPackaged)\b/;
/** Files that only configure development or local runs. */
const devFile = /(^|\/)(dev|development|local|debug)\.(config\.)?[cm]?[jt]sx?$|[./-](dev|development|local)\.(config\.)?[cm]?[jt]sx?$|(^|\/)(scripts|examples?|demo|playground|sandbox)\//i;

const devFiles = new Map<string, boolean>();

/** Memoized: every rule asks once per unit, and a file has hundreds of units. */
export function isDevelopmentFile(path: string): boolean {
  let dev = devFiles.get(path);
  if (dev === undefined) {
    if (devFiles.size > 1000) devFiles.clear();
    devFiles.set(path, (dev = devFile.test(path)));
  }
  return dev;
}

/**
 * True when the node only runs (or only takes effect) outside production: inside the branch of an `if`, ternary or `&&`
 * whose condition says development, or the `else` of one that says production.
 */
export function isDevelopmentOnly(node: SyntaxNode): boolean {
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case 'if_statement': {
        const condition = n.childForFieldName('condition');
        const text = condition ? stripParens(condition.text) : '';
        if (n.childForFieldName('consequence')?.equals(child) && devCondition.test(text)) return true;
        if (n.childForFieldName('alternative')?.equals(child) && prodCondition.test(text)) return true;
        break;
      }
      case 'ternary_expression': {
        const text = stripParens(n.childForFieldName('condition')?.text ?? '');
        if (n.childForFieldName('consequence')?.equals(child) && devCondition.test(text)) return true;
        if (n.childForFieldName('alternative')?.equals(child) && prodCondition.test(text)) return true;
        break;
      }
      case 'binary_expression': {
        const operator = n.childForFieldName('operator')?.type;
        const left = n.childForFieldName('left');
        if (operator === '&&' && n.childForFieldName('right')?.equals(child) && left && devCondition.test(stripParens(left.text))) return true;
        break;
      }
      case 'program':
        return false;
      default:
        break;
    }
  }
  return false;
}

/** True when a value expression is itself chosen by environment (`process.env.NODE_ENV === 'production'`, `!isDev`): not a constant setting. */
export function mentionsEnvironment(node: SyntaxNode): boolean {
  return /\b(NODE_ENV|process\.env|import\.meta\.env|isProd\w*|isDev\w*|IS_PROD\w*|IS_DEV\w*|production|development|config\.|settings\.|env\.)/.test(node.text);
}

function stripParens(text: string): string {
  return text.replace(/^\(\s*/, '').replace(/\s*\)$/, '');
}

/** The text of the `if`, ternary and `&&` conditions a node runs under, innermost first, up to its function. */
export function enclosingConditions(node: SyntaxNode): string {
  const parts: string[] = [];
  let child = node;
  for (let n = node.parent; n && n.type !== 'program'; child = n, n = n.parent) {
    if ((n.type === 'if_statement' || n.type === 'ternary_expression') && !n.childForFieldName('condition')?.equals(child)) parts.push(n.childForFieldName('condition')?.text ?? '');
    if (n.type === 'binary_expression' && n.childForFieldName('operator')?.type === '&&' && n.childForFieldName('right')?.equals(child)) parts.push(n.childForFieldName('left')?.text ?? '');
  }
  return parts.join(' ');
}
