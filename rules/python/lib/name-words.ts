// Owns splitting identifiers, keys and header names into lowercase words: `hashUserPassword`, `AWS_SECRET_KEY`, `X-Api-Key`.

/** `hashUserPassword` → hash, user, password; `API_KEY` → api, key; `X-Api-Key` → x, api, key. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
