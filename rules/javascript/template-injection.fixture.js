const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const _ = require('lodash');

const app = express();

app.post('/preview', (req, res) => {
  // expect: template-injection
  const html = ejs.render(req.body.template, { user: req.user });
  res.send(html);
});

app.get('/greeting', (req, res) => {
  const tpl = `<h1>Hello ${req.query.name}</h1>`;
  // expect: template-injection
  res.send(nunjucks.renderString(tpl, {}));
});

app.post('/email/preview', (req, res) => {
  const { subject, body } = req.body;
  // expect: template-injection
  const compiled = Handlebars.compile(body);
  res.json({ subject, html: compiled({ name: 'Ada' }) });
});

app.get('/card', (req, res) => {
  // expect: template-injection
  const fn = pug.compile('div.card ' + req.query.title);
  res.send(fn());
});

app.post('/notify', (req, res) => {
  // expect: template-injection
  const render = _.template(req.body.message);
  res.send(render({ user: req.user }));
});

app.get('/profile', (req, res) => {
  // expect: template-injection
  res.render('profile', req.query);
});

app.post('/search', (req, res) => {
  // expect: template-injection
  res.render('results', { ...req.body, results: [] });
});

app.get('/page/:name', (req, res) => {
  // expect: template-injection
  res.render(req.params.name);
});

app.get('/invoice', (req, res) => {
  const layout = req.query.layout;
  // expect: template-injection
  res.send(ejs.render(layout, { total: 42 }));
});

app.post('/render', async (req, res) => {
  const env = new nunjucks.Environment();
  // expect: template-injection
  res.send(nunjucks.renderString(req.body.source, { now: Date.now() }));
});

app.get('/banner', (req, res) => {
  // expect: template-injection
  res.send(pug.render(`p ${req.query.text}`));
});

app.post('/hbs', (req, res) => {
  const source = req.body.tpl;
  // expect: template-injection
  const template = Handlebars.compile(source, { noEscape: true });
  res.send(template({}));
});

// ---- negatives ----

app.get('/greeting-safe', (req, res) => {
  // ok: template-injection
  res.send(nunjucks.renderString('<h1>Hello {{ name }}</h1>', { name: req.query.name }));
});

app.get('/profile-safe', (req, res) => {
  // ok: template-injection
  res.render('profile', { name: req.query.name, tab: req.query.tab });
});

const TEMPLATES = { welcome: 'Hi <%= name %>', bye: 'Bye <%= name %>' };
app.get('/message/:kind', (req, res) => {
  // ok: template-injection
  res.send(ejs.render(TEMPLATES.welcome, { name: req.query.name }));
});

const cardTemplate = Handlebars.compile('<div class="card">{{title}}</div>');
app.get('/card-safe', (req, res) => {
  // ok: template-injection
  res.send(cardTemplate({ title: req.query.title }));
});

function compileTheme(source) {
  // A build tool compiling its own theme files.
  // ok: template-injection
  return Handlebars.compile(source);
}

app.get('/home', (req, res) => {
  // ok: template-injection
  res.render('home', { user: req.user });
});

app.get('/pages/:name', (req, res) => {
  const allowed = ['about', 'contact'];
  const name = req.params.name;
  if (!allowed.includes(name)) return res.sendStatus(404);
  // ok: template-injection
  res.render(name);
});

const fs = require('fs');
app.get('/report', (req, res) => {
  const tpl = fs.readFileSync('./views/report.ejs', 'utf8');
  // ok: template-injection
  res.send(ejs.render(tpl, { rows: req.query.rows }));
});

describe('templates', () => {
  it('renders', () => {
    const req = { body: { template: '<%= 1 %>' } };
    // ok: template-injection
    ejs.render(req.body.template);
  });
});

app.get('/lodash', (req, res) => {
  // ok: template-injection
  res.send(_.template('Hello <%- name %>')({ name: req.query.name }));
});

app.get('/pug-file', (req, res) => {
  // ok: template-injection
  res.send(pug.renderFile('views/card.pug', { title: req.query.title }));
});

app.get('/escape', (req, res) => {
  // ok: template-injection
  res.send(Handlebars.escapeExpression(req.query.text));
});
