// Blind set: XML external entities with libxmljs.
'use strict';
const express = require('express');
const libxmljs = require('libxmljs');

const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/import', (req, res) => {
  // expect: xxe
  const doc = libxmljs.parseXml(req.body, { noent: true });
  res.json({ items: doc.find('//item').length });
});

app.post('/import2', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ items: doc.find('//item').length });
});

function parseSvg(svgText) {
  // expect: xxe
  return libxmljs.parseXmlString(svgText, { noent: true, dtdload: true });
}

function parseSvgFixed(svgText) {
  // ok: xxe
  return libxmljs.parseXmlString(svgText);
}

module.exports = { app, parseSvg, parseSvgFixed };
