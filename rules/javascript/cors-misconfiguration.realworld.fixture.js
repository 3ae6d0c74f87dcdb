// Real-world shapes for cors-misconfiguration: reflected origins and wildcards with credentials, and allow-list fixes.
const express = require('express');
const cors = require('cors');

const app = express();

// expect: cors-misconfiguration
app.use(cors({ origin: true, credentials: true }));

const allowedOrigins = ['https://app.example.com', 'https://admin.example.com'];
// ok: cors-misconfiguration
app.use(cors({ origin: allowedOrigins, credentials: true }));

app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowedOrigins.includes(origin)) {
    // ok: cors-misconfiguration
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

app.use(cors({
  // expect: cors-misconfiguration
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));

app.use(cors({
  // ok: cors-misconfiguration
  origin: (origin, callback) => callback(null, !origin || allowedOrigins.includes(origin)),
  credentials: true,
}));

// expect: cors-misconfiguration
app.use(cors({ origin: '*', credentials: true }));

function setCors(res) {
  // expect: cors-misconfiguration
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });
}

// A public, credential-free API: quiet.
// ok: cors-misconfiguration
app.use('/public', cors());

// An origin check that a look-alike domain passes.
app.use(cors({
  // expect: cors-misconfiguration
  origin: /example\.com/,
  credentials: true,
}));

app.use(cors({
  // ok: cors-misconfiguration
  origin: /^https:\/\/([a-z0-9-]+\.)?example\.com$/,
  credentials: true,
}));

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin && origin.includes('example.com')) {
    // expect: cors-misconfiguration
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

// The options delegate echoing the request's origin.
// expect: cors-misconfiguration
app.use(cors((req, callback) => callback(null, { origin: req.header('Origin'), credentials: true })));

module.exports = { app, setCors };
