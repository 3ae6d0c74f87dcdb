// Real-world shapes for weak-hash: MD5/SHA-1 guarding passwords, tokens and signatures, and the quiet cache-key uses.
const crypto = require('crypto');
const CryptoJS = require('crypto-js');
const md5 = require('md5');

// A user model from an old tutorial.
UserSchema.methods.setPassword = function (password) {
  // expect: weak-hash
  this.hash = crypto.createHash('md5').update(password).digest('hex');
};

UserSchema.methods.validPassword = function (password) {
  // expect: weak-hash
  return this.hash === md5(password);
};

// Webhook signatures.
function verifyWebhook(body, signatureHeader, secret) {
  // expect: weak-hash
  const expected = crypto.createHmac('sha1', secret).update(body).digest('hex');
  return signatureHeader === `sha1=${expected}`;
}

function verifyWebhookFixed(body, signatureHeader, secret) {
  // ok: weak-hash
  const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signatureHeader), Buffer.from(`sha256=${expected}`));
}

// An API key stored as a digest.
function hashApiKey(apiKey) {
  // expect: weak-hash
  return crypto.createHash('sha1').update(apiKey).digest('hex');
}

function hashApiKeyFixed(apiKey) {
  // ok: weak-hash
  return crypto.createHash('sha256').update(apiKey).digest('hex');
}

// Browser code hashing the password before it posts it.
function encryptPasswordForLogin(form) {
  // expect: weak-hash
  form.password = CryptoJS.MD5(form.password).toString();
  return form;
}

// Download integrity.
function checksumMatches(buffer, expectedChecksum) {
  // expect: weak-hash
  const actual = crypto.createHash('md5').update(buffer).digest('hex');
  return actual === expectedChecksum;
}

// Signed URLs.
function signUrl(url, secret) {
  // expect: weak-hash
  const signature = md5(url + secret);
  return `${url}&sig=${signature}`;
}

// Quiet: ETags, cache keys, gravatar, file names for assets.
function etagFor(body) {
  // ok: weak-hash
  return '"' + crypto.createHash('md5').update(body).digest('base64') + '"';
}

function cacheKey(query, params) {
  // ok: weak-hash
  return crypto.createHash('sha1').update(query + JSON.stringify(params)).digest('hex');
}

function gravatarUrl(email) {
  // ok: weak-hash
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}?d=identicon`;
}

function assetFileName(content, ext) {
  // ok: weak-hash
  const hash = crypto.createHash('md5').update(content).digest('hex').slice(0, 8);
  return `bundle.${hash}.${ext}`;
}

// Session id derived from user data.
function createSessionId(user) {
  // expect: weak-hash
  return crypto.createHash('md5').update(user.id + ':' + Date.now()).digest('hex');
}

// Password reset token made from the email and the time.
function resetToken(email) {
  // expect: weak-hash
  return crypto.createHash('sha1').update(email + Date.now().toString()).digest('hex');
}

function resetTokenFixed() {
  // ok: weak-hash
  return crypto.randomBytes(32).toString('hex');
}

// Signing with RSA-SHA1.
function signPayload(payload, privateKeyPem) {
  // expect: weak-hash
  const signer = crypto.createSign('RSA-SHA1');
  signer.update(payload);
  return signer.sign(privateKeyPem, 'base64');
}

function signPayloadFixed(payload, privateKeyPem) {
  // ok: weak-hash
  const signer = crypto.createSign('RSA-SHA256');
  signer.update(payload);
  return signer.sign(privateKeyPem, 'base64');
}

const UserSchema = { methods: {} };
