// Keeps package.json `contributes.configuration` and the server's settings (`defaultSettings` in shared/protocol.ts) equal, so they cannot drift.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { knownRuleIds } from '../../server/engine';
import { validateSettings } from '../../server/lsp/settings';
import { clientOnlySettings, defaultSettings, settingsSection } from '../../shared/protocol';
import { repoRoot } from './lsp-client';

interface PropertySchema {
  type: string;
  default: unknown;
  enum?: unknown[];
  additionalProperties?: { enum?: unknown[] };
  items?: { type: string };
}

const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const properties: Record<string, PropertySchema> = packageJson.contributes?.configuration?.properties ?? {};
/**
 * The server's settings as VS Code names them: a group of settings (a non-empty object default such as
 * `dependencies`) is spelled `skeptic.dependencies.checkRegistry`; an object-valued setting (`rules`, default `{}`) is one key.
 */
function leafSettings(value: Record<string, unknown>, prefix: string): [string, unknown][] {
  return Object.entries(value).flatMap(([k, v]): [string, unknown][] =>
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 ? leafSettings(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));
}
const serverSettings = leafSettings(defaultSettings as unknown as Record<string, unknown>, '');
const serverKeys = serverSettings.map(([k]) => `${settingsSection}.${k}`);
const clientKeys = clientOnlySettings.map((k) => `${settingsSection}.${k}`);

describe('settings schema', () => {
  it('package.json declares exactly the server settings plus the client-only ones', () => {
    assert.deepEqual(Object.keys(properties).sort(), [...serverKeys, ...clientKeys].sort());
  });

  it("package.json defaults and types are the server's", () => {
    const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer|number' : typeof value);
    for (const [key, value] of serverSettings) {
      const schema = properties[`${settingsSection}.${key}`];
      assert.deepEqual(schema.default, value, `${key} default`);
      assert.ok(jsonType(value).split('|').includes(schema.type), `${key}: package.json type ${schema.type} fits ${JSON.stringify(value)}`);
    }
  });

  it('every value package.json allows, the server accepts, and it rejects what package.json does not allow', () => {
    const severities = properties[`${settingsSection}.rules`].additionalProperties?.enum ?? [];
    const [anyRule] = knownRuleIds;
    for (const severity of severities) {
      assert.deepEqual(validateSettings({ rules: { [anyRule]: severity } }, knownRuleIds).problems, [], `rules value ${String(severity)}`);
    }
    assert.equal(validateSettings({ rules: { [anyRule]: 'loud' } }, knownRuleIds).problems.length, 1);
    // What VS Code answers for the section: dotted keys nested into objects.
    const defaults: Record<string, unknown> = {};
    for (const [key] of serverSettings) {
      const parts = key.split('.');
      let at = defaults;
      for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1]] = properties[`${settingsSection}.${key}`].default;
    }
    assert.deepEqual(validateSettings(defaults, knownRuleIds), { settings: defaultSettings, problems: [] });
    assert.equal(validateSettings({ ...defaults, trace: { server: 'verbose' } }, knownRuleIds).problems.length, 0, 'client-only settings are not the server\'s problem');
  });
});
