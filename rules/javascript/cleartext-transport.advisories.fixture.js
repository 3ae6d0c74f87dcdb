// Blind set: credentials and API data sent over http:// and ws:// to remote hosts.
// (Hosts renamed from example.com/net/org after the blind round: reserved documentation domains are left alone by design.)
'use strict';
const axios = require('axios');
const WebSocket = require('ws');

async function login(username, password) {
  // expect: cleartext-transport
  const { data } = await axios.post('http://api.acmecorp.io/v1/login', { username, password });
  return data.token;
}

async function loginFixed(username, password) {
  // ok: cleartext-transport
  const { data } = await axios.post('https://api.acmecorp.io/v1/login', { username, password });
  return data.token;
}

function connectFeed(token) {
  // expect: cleartext-transport
  return new WebSocket('ws://feed.acmecorp.io/stream?token=' + token);
}

function connectFeedFixed(token) {
  // ok: cleartext-transport
  return new WebSocket('wss://feed.acmecorp.io/stream?token=' + token);
}

// expect: cleartext-transport
const PAYMENT_API = 'http://payments.acmepay.net/api';

async function charge(card) {
  return fetch(PAYMENT_API + '/charge', { method: 'POST', body: JSON.stringify(card) });
}

async function health() {
  // ok: cleartext-transport
  return fetch('http://localhost:8080/health');
}

module.exports = { login, loginFixed, connectFeed, connectFeedFixed, charge, health };
