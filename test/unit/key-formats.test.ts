// Proves both languages recognise provider keys from the one shared table (rules/lib/key-formats.ts), and reject filler alike.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyFormats } from '../../rules/lib/key-formats';
import { findKnownCredential } from '../../rules/javascript/lib/credential-formats';
import { findKeyFormat } from '../../rules/python/lib/secret-values';

/** A deterministic pseudo-random string over `alphabet`: made-up keys, never real ones. */
function randomText(length: number, alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[(state >>> 12) % alphabet.length];
  }
  return out;
}

const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = '0123456789abcdef';
const r = (n: number, alphabet = alnum, seed = n): string => randomText(n, alphabet, seed * 7919);

const samples: Record<string, string> = {
  'an AWS access key ID': `AKIA${r(16, upper)}`,
  'a GitHub token': `ghp_${r(36)}`,
  'a GitHub fine-grained token': `github_pat_${r(60)}`,
  'a GitLab token': `glpat-${r(20)}`,
  'a Slack token': `xoxb-${r(12, '0123456789')}-${r(24)}`,
  'a Discord webhook URL': `https://discord.com/api/webhooks/${r(18, '0123456789', 27)}/${r(68, alnum, 28)}`,
  'a Slack webhook URL': `https://hooks.slack.com/services/T${r(9, upper)}/B${r(9, upper, 3)}/${r(24)}`,
  'a Stripe live secret key': `sk_live_${r(24)}`,
  'a Stripe test secret key': `sk_test_${r(24)}`,
  'a Stripe webhook signing secret': `whsec_${r(32)}`,
  'an Anthropic API key': `sk-ant-api03-${r(48)}`,
  'an OpenAI API key': `sk-proj-${r(48)}`,
  'a Google API key': `AIza${r(35)}`,
  'a Google OAuth client secret': `GOCSPX-${r(28)}`,
  'a SendGrid API key': `SG.${r(22)}.${r(43)}`,
  'an npm access token': `npm_${r(36)}`,
  'a PyPI token': `pypi-AgEIcHlwaS5vcmc${r(60)}`,
  'a Hugging Face token': `hf_${r(34)}`,
  'a Telegram bot token': `${r(9, '123456789')}:AA${r(33)}`,
  'a Mailgun API key': `key-${r(32, '0123456789abcdef')}`,
  'a Mailchimp API key': `${r(32, hex, 5)}-us14`,
  'a Square access token': `sq0atp-${r(22, alnum, 6)}`,
  'a Shopify access token': `shpat_${r(32, hex, 7)}`,
  'a DigitalOcean token': `dop_v1_${r(64, hex, 8)}`,
  'a Twilio API key': `SK${r(32, hex, 9)}`,
  'a Discord bot token': `MT${r(22, alnum, 10)}.${r(6, alnum, 11)}.${r(27, alnum, 12)}`,
  'a Postman API key': `PMAK-${r(24, hex, 13)}-${r(34, hex, 31)}`,
  'a Linear API key': `lin_api_${r(40, alnum, 15)}`,
  'a Notion integration token': `ntn_${r(46, alnum, 16)}`,
  'a New Relic key': `NRAK-${r(27, upper, 17)}`,
  'a Facebook access token': `EAAB${r(80, alnum, 18)}`,
  'a Dropbox access token': `sl.${r(140, alnum, 19)}`,
  'a Firebase Cloud Messaging server key': `AAAA${r(7, alnum, 20)}:APA91b${r(134, alnum, 21)}`,
  'a Databricks token': `dapi${r(32, hex, 22)}`,
  'an Atlassian API token': `ATATT3${r(186, alnum, 23)}`,
  'a Doppler token': `dp.pt.${r(43, alnum, 24)}`,
  'a Groq API key': `gsk_${r(52, alnum, 25)}`,
  'a Replicate API token': `r8_${r(37, alnum, 26)}`,
};

describe('key formats', () => {
  it('has a sample for every format', () => {
    assert.deepEqual(Object.keys(samples).sort(), keyFormats.map((f) => f.label).sort());
  });

  for (const [label, key] of Object.entries(samples)) {
    it(`JavaScript and Python both recognise ${label}`, () => {
      assert.equal(findKnownCredential(`const k = '${key}';`)?.label, label);
      assert.equal(findKeyFormat(key)?.what, label);
    });
  }

  it('rejects filler in both languages', () => {
    for (const filler of ['sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AKIAIOSFODNN7EXAMPLE', 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'sk_live_your_key_here_0000000000']) {
      assert.equal(findKnownCredential(filler), undefined, filler);
      assert.equal(findKeyFormat(filler), undefined, filler);
    }
  });
});
