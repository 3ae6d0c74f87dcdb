// Real-world shapes of server-side template injection (EJS, Pug, Handlebars, Nunjucks, lodash) each followed by its fix.
const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const _ = require('lodash');

const app = express();
app.use(express.json());

// 1. A preview endpoint rendering a template the user wrote.
app.post('/preview', (req, res) => {
  // expect: template-injection
  res.send(ejs.render(req.body.template, { user: req.user }));
});
app.post('/preview-fixed', (req, res) => {
  // ok: template-injection
  res.send(ejs.render('<p>Hello <%= name %></p>', { name: req.body.name }));
});

// 2. Pug: the greeting is spliced into the template source.
app.get('/hello', (req, res) => {
  // expect: template-injection
  const html = pug.render('h1 Hello ' + req.query.name);
  res.send(html);
});
app.get('/hello-fixed', (req, res) => {
  // ok: template-injection
  const html = pug.render('h1 Hello #{name}', { name: req.query.name });
  res.send(html);
});

// 3. Handlebars: an e-mail template from the request.
app.post('/mail/preview', (req, res) => {
  const source = req.body.body;
  // expect: template-injection
  const template = Handlebars.compile(source);
  res.send(template({ name: 'Ada' }));
});

// 4. Nunjucks renderString with a template literal.
app.get('/page', (req, res) => {
  // expect: template-injection
  res.send(nunjucks.renderString(`<h1>${req.query.title}</h1>{{ body }}`, { body: 'x' }));
});
app.get('/page-fixed', (req, res) => {
  // ok: template-injection
  res.send(nunjucks.renderString('<h1>{{ title }}</h1>{{ body }}', { title: req.query.title, body: 'x' }));
});

// 5. lodash template in a notification library: the message text is the caller's (a view engine's adapter does the same on purpose).
function formatNotification(message, data) {
  // todo-expect: template-injection
  return _.template(message)(data);
}
function formatNotificationFixed(data) {
  // ok: template-injection
  return _.template('Hello <%- name %>')(data);
}

// 6. A library building a Pug template around the caller's text.
function badge(label) {
  // expect: template-injection
  return pug.render('span.badge ' + label);
}
function badgeFixed(label) {
  // ok: template-injection
  return pug.render('span.badge= label', { label });
}

// 7. Template file by name: the safe shape renders a fixed file with data.
app.get('/report', (req, res) => {
  // ok: template-injection
  ejs.renderFile('views/report.ejs', { title: req.query.title }, (err, html) => res.send(html));
});

module.exports = { formatNotification, formatNotificationFixed, badge, badgeFixed };
