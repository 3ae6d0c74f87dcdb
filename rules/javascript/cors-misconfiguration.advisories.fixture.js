// Blind set: CORS reflecting any origin with credentials.
'use strict';
const express = require('express');
const cors = require('cors');

const app = express();

// expect: cors-misconfiguration
app.use(cors({ origin: true, credentials: true }));

const ALLOWED = ['https://app.example.com', 'https://admin.example.com'];
// ok: cors-misconfiguration
app.use(cors({ origin: ALLOWED, credentials: true }));

app.use(cors({
  // expect: cors-misconfiguration
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));

app.use(cors({
  // ok: cors-misconfiguration
  origin: (origin, callback) => callback(null, !origin || ALLOWED.includes(origin)),
  credentials: true,
}));

app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.includes(origin)) {
    // ok: cors-misconfiguration
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

module.exports = app;
