// A local merge that spreads cannot write into Object.prototype; a library deep merge of request data can.
const express = require('express');
const deepmerge = require('deepmerge');

const app = express();
const defaults = { theme: 'light', pageSize: 20 };
const merge = (a, b) => ({ ...a, ...b });

app.post('/prefs', (req, res) => {
  // ok: prototype-pollution
  const prefs = merge(defaults, req.body);
  res.json(prefs);
});

app.post('/settings', (req, res) => {
  // expect: prototype-pollution
  const settings = deepmerge(defaults, req.body);
  res.json(settings);
});
