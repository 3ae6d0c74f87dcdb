// Blind set: LDAP filter injection in login helpers.
'use strict';
const ldap = require('ldapjs');
const express = require('express');

const client = ldap.createClient({ url: process.env.LDAP_URL });

function findUser(username, cb) {
  // expect: ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: '(uid=' + username + ')', scope: 'sub' }, cb);
}

function escapeFilter(value) {
  return String(value).replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

function findUserFixed(username, cb) {
  // ok: ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: '(uid=' + escapeFilter(username) + ')', scope: 'sub' }, cb);
}

const app = express();
app.post('/login', (req, res) => {
  // expect: ldap-injection
  const opts = { filter: `(&(objectClass=person)(mail=${req.body.email}))`, scope: 'sub' };
  // todo-expect: ldap-injection
  client.search('dc=example,dc=com', opts, (err, result) => res.json({ ok: !err }));
});

app.post('/bind', (req, res) => {
  // expect: ldap-injection
  client.bind('cn=' + req.body.user + ',ou=people,dc=example,dc=com', req.body.password, (err) => res.json({ ok: !err }));
});

module.exports = { findUser, findUserFixed, app };
