// Blind set: server-side template injection (template source from input) in Express and mailers.
'use strict';
const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const _ = require('lodash');

const app = express();
app.use(express.json());

app.post('/preview', (req, res) => {
  // expect: template-injection
  res.send(ejs.render(req.body.template, { user: req.user }));
});

app.post('/preview2', (req, res) => {
  // ok: template-injection
  res.send(ejs.render('<p>Hello <%= name %></p>', { name: req.body.name }));
});

app.get('/greet', (req, res) => {
  // expect: template-injection
  const html = pug.render('p Hello ' + req.query.name);
  res.send(html);
});

app.get('/greet2', (req, res) => {
  // ok: template-injection
  const html = pug.render('p Hello #{name}', { name: req.query.name });
  res.send(html);
});

app.post('/cards', (req, res) => {
  // expect: template-injection
  const tpl = Handlebars.compile(req.body.layout);
  res.send(tpl({ date: new Date() }));
});

app.post('/notify', (req, res) => {
  // expect: template-injection
  const body = nunjucks.renderString(`Dear {{ name }}, ${req.body.message}`, { name: 'customer' });
  res.send(body);
});

app.post('/notify2', (req, res) => {
  // ok: template-injection
  const body = nunjucks.renderString('Dear {{ name }}, {{ message }}', { name: 'customer', message: req.body.message });
  res.send(body);
});

app.get('/banner', (req, res) => {
  // expect: template-injection
  const compiled = _.template('<div class="banner">' + req.query.text + '</div>');
  res.send(compiled({}));
});

// mailer library: subject template built from an option
function renderSubject(options, data) {
  // expect: template-injection
  return Handlebars.compile(options.subjectPrefix + ' {{title}}')(data);
}

function renderSubjectFixed(options, data) {
  // ok: template-injection
  return Handlebars.compile('{{prefix}} {{title}}')({ ...data, prefix: options.subjectPrefix });
}

module.exports = { app, renderSubject, renderSubjectFixed };
