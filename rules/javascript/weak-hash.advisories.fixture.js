// Blind set: MD5/SHA-1 where security depends on the hash (signatures, tokens, integrity of downloads).
'use strict';
const crypto = require('crypto');

function signPayload(payload, secret) {
  // expect: weak-hash
  return crypto.createHash('md5').update(secret + JSON.stringify(payload)).digest('hex');
}

function signPayloadFixed(payload, secret) {
  // ok: weak-hash
  return crypto.createHmac('sha256', secret).update(JSON.stringify(payload)).digest('hex');
}

function webhookSignature(body, secret) {
  // expect: weak-hash
  return 'sha1=' + crypto.createHmac('sha1', secret).update(body).digest('hex');
}

function webhookSignatureFixed(body, secret) {
  // ok: weak-hash
  return 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
}

function verifyDownload(buffer, expectedChecksum) {
  // expect: weak-hash
  const actual = crypto.createHash('sha1').update(buffer).digest('hex');
  return actual === expectedChecksum;
}

function verifyDownloadFixed(buffer, expectedChecksum) {
  // ok: weak-hash
  const actual = crypto.createHash('sha256').update(buffer).digest('hex');
  return actual === expectedChecksum;
}

function resetTokenDigest(token) {
  // expect: weak-hash
  return crypto.createHash('md5').update(token).digest('hex');
}

function cacheKey(url) {
  // ok: weak-hash
  return crypto.createHash('md5').update(url).digest('hex');
}

module.exports = { signPayload, signPayloadFixed, webhookSignature, webhookSignatureFixed, verifyDownload, verifyDownloadFixed, resetTokenDigest, cacheKey };
