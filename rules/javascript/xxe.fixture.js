const express = require('express');
const libxmljs = require('libxmljs');
const libxml2 = require('libxmljs2');
const { DOMParser } = require('@xmldom/xmldom');
const xml2js = require('xml2js');

const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/import', (req, res) => {
  // expect: xxe
  const doc = libxmljs.parseXml(req.body, { noent: true });
  res.json({ root: doc.root().name() });
});

app.post('/feed', (req, res) => {
  const xml = req.body.toString();
  // expect: xxe
  const doc = libxmljs.parseXmlString(xml, { noent: true, nocdata: true });
  res.json(doc.find('//item').map((n) => n.text()));
});

function parseInvoice(xmlText) {
  // expect: xxe
  return libxml2.parseXml(xmlText, { noent: true, noblanks: true });
}

app.post('/soap', (req, res) => {
  const options = { dtdload: true, dtdvalid: true };
  // expect: xxe
  const doc = libxmljs.parseXml(req.body, options);
  res.send(doc.toString());
});

function loadSvg(buffer) {
  // expect: xxe
  return libxmljs.parseXmlString(buffer.toString('utf8'), { noent: 1 });
}

async function parseUpload(file) {
  const text = await file.text();
  // expect: xxe
  return libxmljs.parseXmlAsync(text, { noent: true });
}

app.post('/config', (req, res) => {
  // expect: xxe
  const cfg = libxmljs.parseXml(req.body, { noent: true, huge: true });
  res.json({ ok: !!cfg });
});

class FeedReader {
  parse(raw) {
    // expect: xxe
    return libxmljs.parseXml(raw, { dtdload: true });
  }
}

app.post('/rss', (req, res) => {
  // expect: xxe
  const doc = libxml2.parseXmlString(String(req.body), { noent: true });
  res.json(doc.childNodes().length);
});

app.post('/sitemap', (req, res) => {
  const body = req.body;
  // expect: xxe
  const doc = libxmljs.parseXml(body, { noent: true, nonet: true });
  res.json(doc.find('//loc').length);
});

function parseDescriptor(descriptor) {
  // expect: xxe
  return libxmljs.parseXml(descriptor, { dtdvalid: true });
}

app.post('/kml', (req, res) => {
  // expect: xxe
  res.json(libxmljs.parseXmlString(req.body, { noent: true }).root().name());
});

// ---- negatives ----

app.post('/import-safe', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXml(req.body);
  res.json({ root: doc.root().name() });
});

app.post('/import-explicit', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  res.json({ root: doc.root().name() });
});

// ok: xxe
const TEMPLATE = libxmljs.parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', { noent: true });

app.post('/dom', (req, res) => {
  // ok: xxe
  const doc = new DOMParser().parseFromString(req.body, 'text/xml');
  res.json(doc.documentElement.nodeName);
});

app.post('/xml2js', async (req, res) => {
  // ok: xxe
  const data = await xml2js.parseStringPromise(req.body);
  res.json(data);
});

function parseLocal(text) {
  // ok: xxe
  return libxmljs.parseXml(text, { noblanks: true });
}

describe('parser', () => {
  it('expands entities', () => {
    const xml = '<x/>';
    // ok: xxe
    libxmljs.parseXml(xml, { noent: true });
  });
});

app.post('/html', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseHtml(req.body);
  res.json(doc.root().name());
});

function parseJson(text) {
  // ok: xxe
  return JSON.parse(text, { noent: true });
}

app.post('/other-parser', (req, res) => {
  // ok: xxe
  const doc = parser.parseXml(req.body, { noent: true });
  res.json(doc);
});

app.post('/nonet', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXmlString(req.body, { nonet: true, noblanks: true });
  res.json(doc.root().name());
});

app.post('/falsey', (req, res) => {
  // ok: xxe
  const doc = libxmljs.parseXml(req.body, { noent: 0 });
  res.json(doc.root().name());
});
