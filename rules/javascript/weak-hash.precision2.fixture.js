// A certificate thumbprint identifies a certificate (a JWT x5t header is the SHA-1 of its DER bytes by definition):
// an identifier, like a key fingerprint, not a digest anything trusts.
const { createHash, createSign } = require('node:crypto');

function clientAssertionHeader(certificateDer, keyId) {
  // ok: weak-hash
  const thumbprint = createHash('sha1').update(certificateDer).digest('base64url');
  return { alg: 'RS256', typ: 'JWT', kid: keyId, x5t: thumbprint };
}

function signRelease(manifestBytes, privateKey) {
  // expect: weak-hash
  const signer = createSign('RSA-SHA1');
  signer.update(manifestBytes);
  return signer.sign(privateKey, 'base64');
}

// A digest that decides whether an uploaded file is trusted is still the hazard.
function isKnownGoodUpload(uploadBytes, allowedDigests) {
  // expect: weak-hash
  const integrityDigest = createHash('sha1').update(uploadBytes).digest('hex');
  return allowedDigests.includes(integrityDigest);
}

module.exports = { clientAssertionHeader, signRelease, isKnownGoodUpload };
