// ok: unknown-package
const express = require('express');
// expect: unknown-package
const { sanitizeMarkup } = require('markup-sanitizer-pro');
// ok: unknown-package
const { formatCents } = require('./money');
// ok: unknown-package
const { readFile } = require('node:fs/promises');
// ok: unknown-package
const retry = require('async-retry');
// ok: unknown-package
const { post } = require('@acme/ledger');

const app = express();

app.post('/notes', express.text(), async (req, res) => {
  const template = await readFile('notes.html', 'utf8');
  const saved = await retry(() => store(sanitizeMarkup(req.body)), { retries: 3 });
  await post('notes', saved.total);
  res.send(template.replace('{{total}}', formatCents(saved.total)));
});

async function store(note) {
  // expect: unknown-package
  const { createClient } = await import('@cloudkit-labs/notes-db');
  return createClient().insert(note);
}

// expect: unknown-package
module.exports = { app, exporter: require('json-exporter-helper/stream') };
