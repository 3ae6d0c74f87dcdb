// Real-world shapes for jwt-verification-disabled: decode used as verify, no algorithm pinning, alg none, and the fixes.
const jwt = require('jsonwebtoken');
const jose = require('jose');

function authenticate(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  // expect: jwt-verification-disabled
  const payload = jwt.decode(token);
  if (!payload) return res.sendStatus(401);
  req.user = payload;
  next();
}

function authenticateFixed(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    // ok: jwt-verification-disabled
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

function verifyToken(token, publicKey) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, publicKey);
}

function verifyTokenFixed(token, publicKey) {
  // ok: jwt-verification-disabled
  return jwt.verify(token, publicKey, { algorithms: ['RS256'] });
}

function verifyAnyAlg(token, key) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, key, { algorithms: ['none', 'HS256', 'RS256'] });
}

function signUnsigned(user) {
  // expect: jwt-verification-disabled
  return jwt.sign({ sub: user.id }, null, { algorithm: 'none' });
}

function checkExpiry(token, secret) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, secret, { ignoreExpiration: true, algorithms: ['HS256'] });
}

async function requireUser(req, res, next) {
  const token = req.cookies.access_token;
  // expect: jwt-verification-disabled
  const claims = jose.decodeJwt(token);
  if (claims.exp * 1000 < Date.now()) return res.sendStatus(401);
  req.user = { id: claims.sub, role: claims.role };
  next();
}

async function joseVerify(token, secret) {
  // ok: jwt-verification-disabled
  const { payload } = await jose.jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
  return payload.sub;
}

// Reading the header only to pick a key, before a verify: quiet.
function pickKid(token) {
  // ok: jwt-verification-disabled
  const { header } = jwt.decode(token, { complete: true });
  return header.kid;
}

const { expressjwt } = require('express-jwt');
// expect: jwt-verification-disabled
const requireJwt = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256', 'none'] });
// ok: jwt-verification-disabled
const requireJwtFixed = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] });

function verifyCallback(req, res, next) {
  const token = req.headers['x-access-token'];
  // expect: jwt-verification-disabled
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, decoded) => {
    req.userId = decoded.id;
    next();
  });
}

function verifyCallbackFixed(req, res, next) {
  const token = req.headers['x-access-token'];
  // ok: jwt-verification-disabled
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, decoded) => {
    if (err) return res.status(401).send({ message: 'Unauthorized!' });
    req.userId = decoded.id;
    next();
  });
}

const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
passport.use(new JwtStrategy({
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET,
  // expect: jwt-verification-disabled
  ignoreExpiration: true,
}, (payload, done) => done(null, payload)));

// expect: jwt-verification-disabled
const legacyJwt = expressjwt({ secret: process.env.JWT_SECRET });

// Algorithm confusion: HMAC accepted next to RSA with the public key.
function verifyMixed(token, publicKey) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, publicKey, { algorithms: ['RS256', 'HS256'] });
}

module.exports = { authenticate, authenticateFixed, verifyToken, verifyTokenFixed, verifyAnyAlg, signUnsigned, checkExpiry, joseDecode, joseVerify, pickKid };
