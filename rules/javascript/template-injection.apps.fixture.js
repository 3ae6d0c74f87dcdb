'use strict';
// routes/render.js: server-side templates built from request data (ejs, pug, handlebars, nunjucks, lodash).
const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const _ = require('lodash');
const router = express.Router();

// Vulnerable: greeting template built from the name.
router.get('/hello', (req, res) => {
  // expect: template-injection
  res.send(ejs.render('<h1>Hello ' + req.query.name + '</h1>'));
});

// Fixed: the name is data.
router.get('/hello2', (req, res) => {
  // ok: template-injection
  res.send(ejs.render('<h1>Hello <%= name %></h1>', { name: req.query.name }));
});

// Vulnerable: pug compile of the body.
router.post('/card', (req, res) => {
  // expect: template-injection
  const fn = pug.compile(`div.card\n  p ${req.body.message}`);
  res.send(fn({}));
});

// Vulnerable: handlebars with a user-supplied template (email designer).
router.post('/email/preview', (req, res) => {
  // expect: template-injection
  const tpl = Handlebars.compile(req.body.template);
  res.send(tpl({ user: req.user }));
});

// Vulnerable: nunjucks renderString.
router.get('/page', (req, res) => {
  // expect: template-injection
  res.send(nunjucks.renderString('Page: ' + req.query.title, {}));
});

// Fixed.
router.get('/page2', (req, res) => {
  // ok: template-injection
  res.send(nunjucks.renderString('Page: {{ title }}', { title: req.query.title }));
});

// Vulnerable: lodash template with a body string.
router.post('/notify', (req, res) => {
  // expect: template-injection
  const compiled = _.template(req.body.format);
  res.send(compiled({ name: 'x' }));
});

// Vulnerable: ejs render with the query object as options (ejs options injection).
router.get('/view', (req, res) => {
  // expect: template-injection
  res.render('index', req.query);
});

// Fixed: only picked values.
router.get('/view2', (req, res) => {
  // ok: template-injection
  res.render('index', { title: String(req.query.title || '') });
});

module.exports = router;
