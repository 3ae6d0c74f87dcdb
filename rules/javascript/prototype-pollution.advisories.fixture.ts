// Blind set: prototype pollution in TypeScript libraries and Express handlers.
import express from 'express';
import _ from 'lodash';

type Dict = Record<string, unknown>;

export class ConfigStore {
  private data: Dict = {};

  set(key: string, value: unknown): void {
    const parts = key.split('.');
    let node: any = this.data;
    for (const part of parts.slice(0, -1)) {
      // expect: prototype-pollution
      node[part] = node[part] ?? {};
      node = node[part];
    }
    // expect: prototype-pollution
    node[parts[parts.length - 1]] = value;
  }

  setFixed(key: string, value: unknown): void {
    const parts = key.split('.');
    if (parts.includes('__proto__') || parts.includes('constructor') || parts.includes('prototype')) {
      throw new Error(`Refusing to set ${key}`);
    }
    let node: any = this.data;
    for (const part of parts.slice(0, -1)) {
      node[part] = node[part] ?? {};
      node = node[part];
    }
    // ok: prototype-pollution
    node[parts[parts.length - 1]] = value;
  }
}

export function mergeDefaults<T extends Dict>(defaults: T, overrides: Dict): T {
  const out: any = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      // expect: prototype-pollution
      out[key] = mergeDefaults(out[key] ?? {}, value as Dict);
    } else {
      // expect: prototype-pollution
      out[key] = value;
    }
  }
  return out;
}

export function unflatten(flat: Record<string, string>): Dict {
  const out: any = {};
  for (const path of Object.keys(flat)) {
    const keys = path.split('.');
    let cur = out;
    keys.slice(0, -1).forEach((k) => {
      // expect: prototype-pollution
      cur = cur[k] = cur[k] || {};
    });
    // expect: prototype-pollution
    cur[keys[keys.length - 1]] = flat[path];
  }
  return out;
}

export function unflattenFixed(flat: Record<string, string>): Dict {
  const out: any = Object.create(null);
  for (const path of Object.keys(flat)) {
    const keys = path.split('.');
    let cur = out;
    keys.slice(0, -1).forEach((k) => {
      cur = cur[k] = cur[k] || Object.create(null);
    });
    // ok: prototype-pollution
    cur[keys[keys.length - 1]] = flat[path];
  }
  return out;
}

const app = express();
app.use(express.json());
const settings: Dict = {};

app.post('/settings', (req, res) => {
  // expect: prototype-pollution, mass-assignment
  _.merge(settings, req.body);
  res.json(settings);
});

app.post('/settings/safe', (req, res) => {
  const { theme, language } = req.body;
  // ok: prototype-pollution
  _.merge(settings, { theme: String(theme), language: String(language) });
  res.json(settings);
});

app.put('/prefs', (req, res) => {
  const prefs: any = {};
  // expect: prototype-pollution
  _.set(prefs, req.body.path, req.body.value);
  res.json(prefs);
});

app.patch('/profile/:section', (req, res) => {
  const profile: any = { general: {}, privacy: {} };
  // expect: prototype-pollution
  profile[req.params.section][req.body.field] = req.body.value;
  res.json(profile);
});

app.patch('/profile2/:section', (req, res) => {
  const profile: any = { general: {}, privacy: {} };
  const allowed = ['general', 'privacy'];
  if (!allowed.includes(req.params.section) || !/^[a-z]+$/.test(req.body.field)) return res.sendStatus(400);
  // ok: prototype-pollution
  profile[req.params.section][req.body.field] = req.body.value;
  res.json(profile);
});
