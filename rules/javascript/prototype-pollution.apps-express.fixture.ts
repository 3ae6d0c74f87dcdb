// server/routes/profile.ts — an Express app that stores user preferences.
import express, { Request, Response } from 'express';
import _ from 'lodash';

const router = express.Router();
const preferences: Record<string, any> = {};

// Vulnerable: body keys assigned by name into a shared object.
router.post('/prefs/:user', (req: Request, res: Response) => {
  const prefs = preferences[req.params.user] || (preferences[req.params.user] = {});
  const { section, key, value } = req.body;
  // expect: prototype-pollution
  prefs[section][key] = value;
  res.json(prefs);
});

// Fixed: a Map per user, no object keys from the body.
const prefMaps = new Map<string, Map<string, unknown>>();
router.post('/prefs2/:user', (req: Request, res: Response) => {
  const m = prefMaps.get(req.params.user) ?? new Map<string, unknown>();
  // ok: prototype-pollution
  m.set(`${req.body.section}.${req.body.key}`, req.body.value);
  prefMaps.set(req.params.user, m);
  res.json(Object.fromEntries(m));
});

// Vulnerable: lodash merge of the request body into the app settings.
router.put('/settings', (req: Request, res: Response) => {
  const settings = { theme: 'light' };
  // expect: prototype-pollution, mass-assignment
  _.merge(settings, req.body);
  res.json(settings);
});

// Vulnerable: lodash set with a path from the query.
router.patch('/settings', (req: Request, res: Response) => {
  const settings = {};
  // expect: prototype-pollution
  _.set(settings, req.query.path as string, req.body.value);
  res.json(settings);
});

// Fixed: only allow-listed paths.
const ALLOWED = new Set(['theme', 'lang', 'notifications.email']);
router.patch('/settings2', (req: Request, res: Response) => {
  const settings = {};
  const p = String(req.query.path);
  if (!ALLOWED.has(p)) return res.status(400).end();
  // ok: prototype-pollution
  _.set(settings, p, req.body.value);
  res.json(settings);
});

// Vulnerable: Object.assign on a nested key named by the client.
router.post('/cart/:id', (req: Request, res: Response) => {
  const carts: any = {};
  const item = req.body.item;
  // expect: prototype-pollution
  carts[req.params.id][item.name] = item.qty;
  res.json(carts);
});

export default router;
