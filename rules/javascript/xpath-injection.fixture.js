const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const libxmljs = require('libxmljs');

const app = express();
const usersXml = new DOMParser().parseFromString(require('fs').readFileSync('users.xml', 'utf8'), 'text/xml');
const catalog = libxmljs.parseXml(require('fs').readFileSync('catalog.xml', 'utf8'));

app.post('/login', (req, res) => {
  const { user, pass } = req.body;
  // expect: xpath-injection
  const nodes = xpath.select(`//user[name='${user}' and password='${pass}']`, usersXml);
  res.json({ ok: nodes.length > 0 });
});

app.get('/user', (req, res) => {
  // expect: xpath-injection
  const node = xpath.select1("//user[@id='" + req.query.id + "']", usersXml);
  res.json({ name: node && node.textContent });
});

app.get('/books', (req, res) => {
  // expect: xpath-injection
  const books = catalog.find(`//book[author='${req.query.author}']`);
  res.json(books.map((b) => b.text()));
});

function findByTitle(doc, title) {
  // expect: xpath-injection
  return doc.get("//book[title='" + title + "']");
}

function highlight(term) {
  // expect: xpath-injection
  const result = document.evaluate(`//p[contains(text(), '${term}')]`, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  return result.snapshotLength;
}

app.get('/price', (req, res) => {
  const sku = req.query.sku;
  // expect: xpath-injection
  const expr = `/catalog/item[@sku="${sku}"]/price`;
  res.json(xpath.select(expr, usersXml).map((n) => n.textContent));
});

app.get('/role', (req, res) => {
  // expect: xpath-injection
  res.json(xpath.evaluate(`//user[name='${req.query.name}']/role`, usersXml, null, xpath.XPathResult.ANY_TYPE, null));
});

function byCategory(root, category) {
  // expect: xpath-injection
  return root.find("//product[category='" + category + "']");
}

app.get('/starts', (req, res) => {
  // expect: xpath-injection
  const nodes = xpath.select(`//city[starts-with(name, '${req.query.prefix}')]`, usersXml);
  res.json(nodes.length);
});

function userByEmail(xmlDoc, email) {
  // expect: xpath-injection
  return xmlDoc.get(`/users/user[email='${email}']`);
}

app.get('/dept', (req, res) => {
  const dept = req.query.dept;
  // expect: xpath-injection
  res.json(xpath.select("//employee[department='" + dept + "']/name", usersXml).length);
});

function groupMembers(doc, group) {
  // expect: xpath-injection
  return doc.find(`//group[@name="${group}"]/member`);
}

// ---- negatives ----

app.get('/all', (req, res) => {
  // ok: xpath-injection
  res.json(xpath.select('//user/name', usersXml).length);
});

app.get('/by-index', (req, res) => {
  const n = parseInt(req.query.n, 10);
  // ok: xpath-injection
  res.json(xpath.select(`//user[${n}]/name`, usersXml).length);
});

app.get('/validated', (req, res) => {
  const id = req.query.id;
  if (!/^[0-9a-f-]+$/.test(id)) return res.sendStatus(400);
  // ok: xpath-injection
  res.json(xpath.select(`//user[@id='${id}']`, usersXml).length);
});

function childNamed(doc, tag) {
  // ok: xpath-injection
  return doc.get(`//${tag}`);
}

app.get('/map', (req, res) => {
  // ok: xpath-injection
  res.json(cache.get(`user[${req.query.id}]`));
});

app.get('/array', (req, res) => {
  // ok: xpath-injection
  res.json(users.find((u) => u.name === req.query.name));
});

const KIND = 'book';
// ok: xpath-injection
const books = catalog.find(`//${KIND}[price > 10]`);

describe('xpath', () => {
  it('selects', () => {
    const name = 'ada';
    // ok: xpath-injection
    xpath.select(`//user[name='${name}']`, usersXml);
  });
});

function escapeXPathLiteral(value) {
  return value.includes("'") ? `concat('${value.split("'").join(`', "'", '`)}')` : `'${value}'`;
}
app.get('/escaped', (req, res) => {
  // ok: xpath-injection
  res.json(xpath.select(`//user[name=${escapeXPathLiteral(req.query.name)}]`, usersXml).length);
});

app.get('/mongo', async (req, res) => {
  // ok: xpath-injection
  res.json(await db.find({ name: req.query.name }));
});

app.get('/selectById', (req, res) => {
  // ok: xpath-injection
  res.json(document.querySelector(`[data-id='${CSS.escape(req.query.id)}']`));
});

app.get('/url', (req, res) => {
  // ok: xpath-injection
  res.json(http.get(`/users/user[1]`));
});
