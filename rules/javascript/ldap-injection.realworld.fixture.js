// Real-world shapes of LDAP filter injection (ldapjs login and directory search) each followed by its fix.
const express = require('express');
const ldap = require('ldapjs');
const { filter: ldapFilter } = require('ldap-escape');

const app = express();
app.use(express.json());
const client = ldap.createClient({ url: 'ldap://directory.internal' });

// 1. Login: find the user's entry by uid.
app.post('/login', (req, res) => {
  const { username } = req.body;
  // expect: ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: `(uid=${username})`, scope: 'sub' }, (err, result) => {
    result.on('searchEntry', (entry) => res.json(entry.object));
  });
});
app.post('/login-fixed', (req, res) => {
  const { username } = req.body;
  // ok: ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: ldapFilter`(uid=${username})`, scope: 'sub' }, (err, result) => {
    result.on('searchEntry', (entry) => res.json(entry.object));
  });
});

// 2. Directory search with options built first.
app.get('/directory', (req, res) => {
  const opts = {
    // expect: ldap-injection
    filter: '(&(objectClass=person)(cn=*' + req.query.q + '*))',
    scope: 'sub',
    attributes: ['cn', 'mail'],
  };
  client.search('dc=example,dc=com', opts, (err, result) => result.on('end', () => res.end()));
});

// 3. A library helper taking the group name from its caller.
function membersOf(group, cb) {
  // expect: ldap-injection
  client.search('ou=groups,dc=example,dc=com', { filter: '(&(objectClass=groupOfNames)(cn=' + group + '))' }, cb);
}
function membersOfFixed(group, cb) {
  const safe = new ldap.EqualityFilter({ attribute: 'cn', value: group });
  // ok: ldap-injection
  client.search('ou=groups,dc=example,dc=com', { filter: new ldap.AndFilter({ filters: [safe] }) }, cb);
}

module.exports = { membersOf, membersOfFixed };
