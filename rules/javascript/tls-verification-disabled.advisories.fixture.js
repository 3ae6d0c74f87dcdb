// Blind set: TLS certificate verification turned off in clients and agents.
'use strict';
const https = require('https');
const tls = require('tls');
const axios = require('axios');
const request = require('request');

// expect: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ok: tls-verification-disabled
const agentFixed = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_BUNDLE });

function client(options) {
  // expect: tls-verification-disabled
  return axios.create({ baseURL: options.url, httpsAgent: new https.Agent({ rejectUnauthorized: options.strict || false }) });
}

// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

function fetchStatus(url, cb) {
  // expect: tls-verification-disabled
  request({ url, strictSSL: false, json: true }, cb);
}

function fetchStatusFixed(url, cb) {
  // ok: tls-verification-disabled
  request({ url, strictSSL: true, json: true }, cb);
}

function connect(host, port) {
  // expect: tls-verification-disabled
  return tls.connect({ host, port, rejectUnauthorized: false, checkServerIdentity: () => undefined });
}

function connectFixed(host, port) {
  // ok: tls-verification-disabled
  return tls.connect({ host, port, servername: host });
}

module.exports = { agent, agentFixed, client, fetchStatus, fetchStatusFixed, connect, connectFixed };
