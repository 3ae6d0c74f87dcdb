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

// NTLM defines its hashes: the NT hash is MD4 of the UTF-16LE password, the NTLM2 session response uses MD5. A client
// of the protocol cannot pick another algorithm (whether to speak NTLM at all is a design question, not this line's).
function ntlmPasswordHash(password) {
  // ok: weak-hash
  return createHash('md4').update(Buffer.from(password, 'utf16le')).digest();
}

function storedPasswordHash(password) {
  // expect: weak-hash
  return createHash('md4').update(Buffer.from(password, 'utf16le')).digest('hex');
}

// "SMB" in a name is as often a small or medium business as the file-sharing protocol: not a reason to stay quiet.
function storeSmbUserPassword(password) {
  // expect: weak-hash
  return createHash('md5').update(password).digest('hex');
}

module.exports.ntlm = { ntlmPasswordHash, storedPasswordHash, storeSmbUserPassword };
