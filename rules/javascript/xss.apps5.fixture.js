'use strict';
// More patched forms: a blog app's routes, a CLI helper and library utilities.
const express = require('express');
const sanitizeHtml = require('sanitize-html');
const { execFileSync, execSync } = require('child_process');
const mongoose = require('mongoose');
const crypto = require('crypto');
const app = express();
const Post = mongoose.model('Post');

// Fixed: sanitize-html before rendering the post body.
app.get('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  // ok: xss
  res.send(`<article>${sanitizeHtml(post.body)}</article>`);
});

// Vulnerable: the comment preview sends the body field as HTML.
app.post('/posts/:id/preview', (req, res) => {
  // expect: xss
  res.send(`<article class="preview">${req.body.content}</article>`);
});

// Fixed: plain-text response type.
app.post('/posts/:id/echo', (req, res) => {
  // ok: xss
  res.type('text/plain').send(req.body.content);
});

// Fixed: encodeURIComponent in a link.
app.get('/share', (req, res) => {
  // ok: xss
  res.send('<a href="/search?q=' + encodeURIComponent(req.query.q) + '">search again</a>');
});

// Vulnerable: NoSQL: $regex operator object from the query string (?title[$regex]=.*).
app.get('/posts', async (req, res) => {
  // expect: nosql-injection
  const posts = await Post.find({ title: req.query.title });
  res.json(posts);
});

// Fixed: explicit string cast.
app.get('/posts2', async (req, res) => {
  // ok: nosql-injection
  const posts = await Post.find({ title: String(req.query.title) });
  res.json(posts);
});

// Fixed: mongoose sanitizeFilter option.
app.get('/posts3', async (req, res) => {
  // ok: nosql-injection
  const posts = await Post.find(mongoose.sanitizeFilter({ title: req.query.title }));
  res.json(posts);
});

// CLI helper: the version tag comes from package.json (not attacker data), quoted anyway.
function tag(version) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error('bad version');
  // ok: command-injection
  execSync(`git tag v${version}`);
}

// Vulnerable: npm-publish helper running a user-provided registry option through the shell.
function publish(options) {
  // expect: command-injection
  execSync('npm publish --registry ' + options.registry + ' --tag ' + options.tag, { stdio: 'inherit' });
}

// Fixed.
function publishSafe(options) {
  // ok: command-injection
  execFileSync('npm', ['publish', '--registry', options.registry, '--tag', options.tag], { stdio: 'inherit' });
}

// Fixed: constant-time comparison of an HMAC (sha256 is fine for integrity).
function verifySignature(body, signature, secret) {
  // ok: weak-hash
  const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(String(signature)));
}

// Not security: md5 of file contents for a cache key (ETag).
function etag(buf) {
  // ok: weak-hash
  return '"' + crypto.createHash('md5').update(buf).digest('hex') + '"';
}

// Vulnerable: md5 of the password with a static salt.
function hashPassword(password) {
  // expect: weak-hash
  return crypto.createHash('md5').update('s4lt' + password).digest('hex');
}

// Fixed: scrypt.
function hashPasswordSafe(password) {
  const salt = crypto.randomBytes(16);
  // ok: weak-password-hash
  return salt.toString('hex') + ':' + crypto.scryptSync(password, salt, 64).toString('hex');
}

// Not security: a random colour and a shuffled list.
function randomColor() {
  // ok: insecure-random
  return '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
}

// Vulnerable: OTP from Math.random.
function sendOtp(user) {
  // expect: insecure-random
  const otp = Math.floor(100000 + Math.random() * 900000);
  return sms(user.phone, `Your code is ${otp}`);
}

// Fixed.
function sendOtpSafe(user) {
  // ok: insecure-random
  const otp = crypto.randomInt(100000, 1000000);
  return sms(user.phone, `Your code is ${otp}`);
}

function sms() {}
module.exports = { app, tag, publish, publishSafe, verifySignature, etag, hashPassword, hashPasswordSafe, randomColor, sendOtp, sendOtpSafe };
