const express = require('express');
const ldap = require('ldapjs');
const { filter: ldapFilter } = require('ldap-escape');

const app = express();
const client = ldap.createClient({ url: process.env.LDAP_URL });

app.post('/login', (req, res) => {
  const { username, password } = req.body;
  const opts = {
    // expect: ldap-injection
    filter: `(&(objectClass=person)(uid=${username}))`,
    scope: 'sub',
  };
  client.search('ou=people,dc=example,dc=com', opts, (err, result) => {
    result.on('end', () => res.sendStatus(200));
  });
});

app.get('/users/search', (req, res) => {
  client.search('dc=example,dc=com', {
    // expect: ldap-injection
    filter: '(cn=' + req.query.name + ')',
    scope: 'sub',
  }, (err, search) => search.on('end', () => res.end()));
});

function findByEmail(ldapClient, email) {
  return new Promise((resolve, reject) => {
    // expect: ldap-injection
    ldapClient.search('ou=users,dc=corp', { filter: `(mail=${email})`, scope: 'sub' }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

async function memberOf(group, user) {
  // expect: ldap-injection
  const filter = `(&(cn=${group})(member=uid=${user},ou=people,dc=example,dc=com))`;
  return client.search('ou=groups,dc=example,dc=com', { filter, scope: 'sub' });
}

app.post('/bind', (req, res) => {
  // expect: ldap-injection
  client.bind(`uid=${req.body.user},ou=people,dc=example,dc=com`, req.body.password, (err) => {
    res.sendStatus(err ? 401 : 200);
  });
});

app.get('/directory', (req, res) => {
  const dept = req.query.department;
  // expect: ldap-injection
  client.search('dc=example,dc=com', '(department=' + dept + ')', (err, r) => r.on('end', () => res.end()));
});

function lookup(uid) {
  // expect: ldap-injection
  return client.search('ou=people,dc=example,dc=com', { filter: '(uid=' + uid + ')' });
}

class Directory {
  constructor(c) { this.client = c; }
  byPhone(phone) {
    // expect: ldap-injection
    return this.client.search('dc=example,dc=com', { filter: `(telephoneNumber=${phone})`, attributes: ['cn'] });
  }
}

app.get('/or', (req, res) => {
  const { first, last } = req.query;
  // expect: ldap-injection
  const filter = `(|(givenName=${first})(sn=${last}))`;
  client.search('dc=example,dc=com', { filter }, () => res.end());
});

function authenticate(user, pass, done) {
  // expect: ldap-injection
  const dn = 'cn=' + user + ',ou=staff,dc=example,dc=com';
  client.bind(dn, pass, done);
}

app.get('/ou', (req, res) => {
  // expect: ldap-injection
  client.search('dc=example,dc=com', { filter: `(ou=${req.params.ou})` }, () => res.end());
});

async function groupsOf(login) {
  // expect: ldap-injection
  return client.search('ou=groups,dc=example,dc=com', { filter: `(memberUid=${login})`, scope: 'one' });
}

// ---- negatives ----

app.post('/login-safe', (req, res) => {
  const { username } = req.body;
  // ok: ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: ldapFilter`(uid=${username})`, scope: 'sub' }, () => res.end());
});

function escapeFilter(value) {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
app.get('/users/search-safe', (req, res) => {
  // ok: ldap-injection
  client.search('dc=example,dc=com', { filter: `(cn=${escapeFilter(req.query.name)})` }, () => res.end());
});

// ok: ldap-injection
client.search('dc=example,dc=com', { filter: '(objectClass=person)', scope: 'sub' }, () => {});

app.get('/by-id', (req, res) => {
  const id = parseInt(req.query.id, 10);
  // ok: ldap-injection
  client.search('dc=example,dc=com', { filter: `(employeeNumber=${id})` }, () => res.end());
});

function search(index, term) {
  // ok: ldap-injection
  return index.search(term, { limit: 10 });
}

app.get('/es', async (req, res) => {
  // ok: ldap-injection
  const hits = await elastic.search({ index: 'posts', q: `title:${req.query.q}` });
  res.json(hits);
});

const handler = function () { return this; };
// ok: ldap-injection
const bound = handler.bind({ name: 'x' });

app.post('/bind-admin', (req, res) => {
  // ok: ldap-injection
  client.bind(process.env.LDAP_BIND_DN, process.env.LDAP_BIND_PASSWORD, () => res.end());
});

const ATTR = 'uid';
// ok: ldap-injection
client.search('dc=example,dc=com', { filter: `(${ATTR}=admin)` }, () => {});

describe('ldap', () => {
  it('searches', () => {
    const user = 'bob';
    // ok: ldap-injection
    client.search('dc=example,dc=com', { filter: `(uid=${user})` });
  });
});

app.get('/fuse', (req, res) => {
  // ok: ldap-injection
  res.json(fuse.search(req.query.q));
});

app.get('/validated', (req, res) => {
  const user = req.query.user;
  if (!/^[a-z0-9_]+$/.test(user)) return res.sendStatus(400);
  // ok: ldap-injection
  client.search('dc=example,dc=com', { filter: `(uid=${user})` }, () => res.end());
});
