// Owns reading names as words: `dbPassword`, `DB_PASSWORD`, `dbpassword` and `x-api-key` all become lower-case word lists.
import type { SyntaxNode } from '../../api';
import { literalText } from './constant-strings';

/**
 * Words that glued-together lower-case names are cut into (`apikey` → api key, `dbpassword` → db password).
 * A name is only cut when every piece is one of these, so `bypass` or `tokenizer` stay whole.
 */
const segmentWords = new Set([
  'access', 'admin', 'api', 'app', 'auth', 'avatar', 'basic', 'bearer', 'bucket', 'cache', 'cert', 'checksum', 'client', 'code', 'color',
  'config', 'confirm', 'connection', 'consumer', 'content', 'cookie', 'cred', 'creds', 'credential', 'credentials', 'crypt', 'csrf', 'current', 'data', 'db',
  'default', 'digest', 'encrypt', 'encryption', 'env', 'etag', 'field', 'file', 'fingerprint', 'gravatar', 'hash', 'header', 'hmac', 'id', 'input',
  'jwt', 'key', 'label', 'login', 'master', 'mongo', 'my', 'mysql', 'name', 'new', 'old', 'otp', 'pass', 'passphrase', 'passwd', 'password',
  'path', 'pg', 'postgres', 'private', 'public', 'pwd', 'redis', 'refresh', 'reset', 'root', 'salt', 'secret', 'service', 'session',
  'sign', 'signature', 'signing', 'smtp', 'string', 'super', 'token', 'type', 'url', 'user', 'username', 'verify', 'webhook',
]);

/** `getUserPassword` → get user password; `API_KEY` → api key; `apikey` → api key; `x-api-key` → x api key. */
export function wordsOf(name: string): string[] {
  return explicitWordsOf(name).flatMap((word) => segment(word) ?? [word]);
}

/** Words as the author separated them (camelCase, `_`, `-`, `.`, `/`), without cutting glued words: `supersecret` stays one word. */
export function explicitWordsOf(name: string): string[] {
  return name
    .replace(/^#/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Cuts a glued word into known words, longest first; undefined when it cannot be cut completely. */
function segment(word: string): string[] | undefined {
  if (segmentWords.has(word) || word.length < 5) return undefined;
  const cut = (rest: string): string[] | undefined => {
    if (rest === '') return [];
    for (let end = rest.length; end >= 2; end--) {
      const head = rest.slice(0, end);
      if (!segmentWords.has(head)) continue;
      const tail = cut(rest.slice(end));
      if (tail) return [head, ...tail];
    }
    return undefined;
  };
  const pieces = cut(word);
  return pieces && pieces.length > 1 ? pieces : undefined;
}

/** The name a node spells: identifiers, properties, `#private` fields, string keys (`'x-api-key'`), member expressions (last property). */
export function nameOf(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'identifier':
    case 'property_identifier':
    case 'shorthand_property_identifier':
    case 'shorthand_property_identifier_pattern':
    case 'type_identifier':
      return node.text;
    case 'private_property_identifier':
      return node.text.replace(/^#/, '');
    case 'string':
      return literalText(node);
    case 'computed_property_name':
      return literalText(node.namedChildren[0]);
    case 'member_expression':
      return nameOf(node.childForFieldName('property'));
    case 'subscript_expression':
      return literalText(node.childForFieldName('index'));
    case 'this':
      return undefined;
    default:
      return undefined;
  }
}

