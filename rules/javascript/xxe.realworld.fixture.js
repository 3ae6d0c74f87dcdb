// Real-world shapes of XML external entity processing (libxmljs in upload and SOAP handlers, libraries) each followed by its fix.
const express = require('express');
const libxmljs = require('libxmljs');
const libxml = require('libxmljs2');

const app = express();
app.use(express.text({ type: 'application/xml' }));

// 1. An XML upload parsed with entity substitution.
app.post('/import', (req, res) => {
  // expect: xxe
  const doc = libxmljs.parseXml(req.body, { noent: true });
  res.json({ items: doc.find('//item').length });
});
app.post('/import-fixed', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ items: doc.find('//item').length });
});

// 2. A SOAP helper in a library, options spread over lines.
function parseEnvelope(xml) {
  return libxml.parseXmlString(xml, {
    // expect: xxe
    noent: true,
    noblanks: true,
  });
}
function parseEnvelopeFixed(xml) {
  return libxml.parseXmlString(xml, {
    // ok: xxe
    noblanks: true,
  });
}

// 3. DTD loading turned on for a feed validator.
app.post('/feed', (req, res) => {
  const options = { dtdload: true, dtdvalid: true };
  // expect: xxe
  const doc = libxmljs.parseXml(req.body, options);
  res.json({ valid: doc.validate });
});

module.exports = { parseEnvelope, parseEnvelopeFixed };
