// Blind set (more): Sails/Koa/Next-style configs that turn CSRF off.
'use strict';
const Koa = require('koa');
const CSRF = require('koa-csrf');

// config/security.js in a Sails app
module.exports.security = {
  // expect: csrf-disabled
  csrf: false,
};

module.exports.securityFixed = {
  // ok: csrf-disabled
  csrf: true,
};

const app = new Koa();
// expect: csrf-disabled
app.use(new CSRF({ excludedMethods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'] }));
// ok: csrf-disabled
app.use(new CSRF({ excludedMethods: ['GET', 'HEAD', 'OPTIONS'] }));
