// Owns recognising provider credentials by their shape alone, in the strings of any language: the key formats, and the checks that tell a live key from filler.
import type { Confidence } from '../api';

export interface KeyFormat {
  /** What was found, with its article: 'an AWS access key ID'. */
  readonly label: string;
  readonly pattern: RegExp;
  readonly confidence: Confidence;
  /** Test-mode keys reach no live data or money. */
  readonly testKey?: boolean;
  /** Bits per character a real key of this format has at least: filler such as `sk-aaaabbbb…` has far fewer. */
  readonly minEntropy: number;
  /** A further check on the matched text. */
  readonly accept?: (match: string) => boolean;
}

/** Ordered: more specific prefixes first (Anthropic's `sk-ant-` before OpenAI's `sk-`). */
export const keyFormats: readonly KeyFormat[] = [
  { label: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{50,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Slack token', pattern: /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/, confidence: 'high', minEntropy: 3 },
  { label: 'a Discord webhook URL', pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Stripe live secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{16,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Stripe test secret key', pattern: /\b[sr]k_test_[0-9A-Za-z]{16,}/, confidence: 'medium', testKey: true, minEntropy: 3.5 },
  { label: 'a Stripe webhook signing secret', pattern: /\bwhsec_[A-Za-z0-9]{24,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'an Anthropic API key', pattern: /\bsk-ant-[a-z]+\d*-[A-Za-z0-9_-]{20,}/, confidence: 'high', minEntropy: 3.5 },
  {
    label: 'an OpenAI API key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?(?!ant-)[A-Za-z0-9_-]{20,}/, confidence: 'high', minEntropy: 3.8,
    accept: (m) => /\d/.test(m) && /[A-Za-z]{2}/.test(m.slice(3)),
  },
  // Google API keys also identify Firebase web apps, where they are public by design: medium confidence.
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/, confidence: 'medium', minEntropy: 3.5 },
  { label: 'a Google OAuth client secret', pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'an npm access token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/, confidence: 'high', minEntropy: 3 },
  { label: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Telegram bot token', pattern: /\b\d{8,10}:AA[0-9A-Za-z_-]{33}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a Mailgun API key', pattern: /\bkey-[0-9a-f]{32}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a Mailchimp API key', pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a Square access token', pattern: /\b(?:sq0atp|sq0csp|EAAA)[0-9A-Za-z_-]{22,60}\b/, confidence: 'high', minEntropy: 3.5, accept: (m) => !m.startsWith('EAAA') || m.length >= 60 },
  { label: 'a Shopify access token', pattern: /\bshp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a DigitalOcean token', pattern: /\bdo[opr]_v1_[0-9a-f]{64}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a Twilio API key', pattern: /\bSK[0-9a-f]{32}\b/, confidence: 'medium', minEntropy: 3 },
  { label: 'a Discord bot token', pattern: /\b[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Postman API key', pattern: /\bPMAK-[0-9a-f]{24}-[0-9a-f]{34}\b/, confidence: 'high', minEntropy: 3 },
  { label: 'a Linear API key', pattern: /\blin_api_[A-Za-z0-9]{40}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Notion integration token', pattern: /\b(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{46})\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a New Relic key', pattern: /\bNR(?:AK|II|JS)-[A-Za-z0-9]{27}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Facebook access token', pattern: /\bEAA(?:B|C|G)[0-9A-Za-z]{60,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Dropbox access token', pattern: /\bsl\.[A-Za-z0-9_-]{130,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Firebase Cloud Messaging server key', pattern: /\bAAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Databricks token', pattern: /\bdapi[0-9a-f]{32}(?:-\d)?\b/, confidence: 'high', minEntropy: 3 },
  { label: 'an Atlassian API token', pattern: /\bATATT3[A-Za-z0-9_=-]{180,}/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Doppler token', pattern: /\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Groq API key', pattern: /\bgsk_[A-Za-z0-9]{48,}\b/, confidence: 'high', minEntropy: 3.5 },
  { label: 'a Replicate API token', pattern: /\br8_[A-Za-z0-9]{37}\b/, confidence: 'high', minEntropy: 3.5 },
];

/**
 * Text every format above contains (a pattern source, to combine with a language's own hints): one cheap test for
 * every prefix, so most strings, and a rule's triggers whole units, cost a single regex.
 */
export const keyFormatHint = 'AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abeoprs]-|hooks\\.slack|api\\/webhooks|k_live_|k_test_|whsec_|sk-|AIza|GOCSPX-|SG\\.|npm_|pypi-|hf_|:AA|key-|[0-9a-f]{32}-us\\d|sq0|EAA|shp|_v1_|SK[0-9a-f]{32}|[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.|PMAK-|lin_api_|secret_|ntn_|NR(?:AK|II|JS)-|sl\\.|APA91b|dapi|ATATT3|dp\\.|gsk_|r8_';

/** Documentation examples and filler that match a format without being a key. */
const filler = /example|x{4,}|0{8}|1234567890|abcdefghij|(.)\1{7}|\.\.\.|your|here/i;

/**
 * The first key format found in the text with a match that reads as a live key (random enough, not filler), or
 * undefined. `reject` lets a language rule out matches of its own (a Python f-string hole inside the match).
 */
export function findKeyFormat(text: string, reject?: (match: string) => boolean): KeyFormat | undefined {
  for (const format of keyFormats) {
    const match = format.pattern.exec(text);
    if (!match || reject?.(match[0])) continue;
    if (filler.test(match[0]) || entropyOf(match[0]) < format.minEntropy || (format.accept && !format.accept(match[0]))) continue;
    return format;
  }
  return undefined;
}

/** Shannon entropy in bits per character: real keys are near 5, `sk-aaaabbbb…` filler far lower. */
export function entropyOf(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}
