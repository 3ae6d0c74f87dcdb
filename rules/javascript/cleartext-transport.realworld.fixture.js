// Real-world shapes for cleartext-transport: API clients, login posts and sockets over http/ws/ftp to remote hosts, and the https fixes.
const axios = require('axios');
const http = require('http');
const WebSocket = require('ws');
const ftp = require('basic-ftp');

// expect: cleartext-transport
const API_BASE = 'http://api.payments-provider.com/v1';
// ok: cleartext-transport
const API_BASE_FIXED = 'https://api.payments-provider.com/v1';

async function login(username, password) {
  // expect: cleartext-transport
  const res = await axios.post('http://auth.example-corp.io/oauth/token', { username, password });
  return res.data.access_token;
}

async function loginFixed(username, password) {
  // ok: cleartext-transport
  const res = await axios.post('https://auth.example-corp.io/oauth/token', { username, password });
  return res.data.access_token;
}

function sendTelemetry(payload) {
  // expect: cleartext-transport
  const req = http.request({ host: 'telemetry.vendor.net', port: 80, path: '/collect', method: 'POST' });
  req.end(JSON.stringify(payload));
}

function connectFeed(token) {
  // expect: cleartext-transport
  return new WebSocket(`ws://stream.market-data.com/feed?token=${token}`);
}

function connectFeedFixed(token) {
  // ok: cleartext-transport
  return new WebSocket(`wss://stream.market-data.com/feed?token=${token}`);
}

async function uploadBackup(file) {
  const client = new ftp.Client();
  // expect: cleartext-transport
  await client.access({ host: 'backup.example-hosting.com', user: 'backup', password: process.env.FTP_PASS, secure: false });
  await client.uploadFrom(file, 'backup.tgz');
}

async function fetchUser(id) {
  // expect: cleartext-transport
  const res = await fetch('http://users-service.prod.company.com/api/users/' + id);
  return res.json();
}

// Local and documentation hosts, namespaces and schemas stay quiet.
// ok: cleartext-transport
const LOCAL_API = 'http://localhost:3000/api';
// ok: cleartext-transport
const DEV_API = 'http://127.0.0.1:8080';
// ok: cleartext-transport
const SVG_NS = 'http://www.w3.org/2000/svg';
// ok: cleartext-transport
const SCHEMA = 'http://json-schema.org/draft-07/schema#';

// Install scripts that download binaries over plain HTTP (a man in the middle swaps the binary).
const https = require('https');
const request = require('request');
const { execSync } = require('child_process');

function downloadBinary(version, dest) {
  // expect: cleartext-transport
  const url = 'http://releases.acme-tools.io/cli/' + version + '/acme-linux-x64.tar.gz';
  return new Promise((resolve) => http.get(url, (res) => res.pipe(require('fs').createWriteStream(dest)).on('finish', resolve)));
}

function downloadBinaryFixed(version, dest) {
  // ok: cleartext-transport
  const url = 'https://releases.acme-tools.io/cli/' + version + '/acme-linux-x64.tar.gz';
  return new Promise((resolve) => https.get(url, (res) => res.pipe(require('fs').createWriteStream(dest)).on('finish', resolve)));
}

// expect: cleartext-transport
const DOWNLOAD_URL = 'http://cdn.acme-tools.io/phantom/';
function fetchRelease(file) {
  return request(DOWNLOAD_URL + file);
}

function installer() {
  // expect: cleartext-transport
  execSync('curl -sSL http://get.acme-tools.io/install.sh | sh');
  // ok: cleartext-transport
  execSync('curl -sSL https://get.acme-tools.io/install.sh | sh');
}

// Brokers and directories over their clear-text protocols.
const mqtt = require('mqtt');
const redis = require('redis');
const ldap = require('ldapjs');
// expect: cleartext-transport
const telemetryBus = mqtt.connect('mqtt://broker.acme-iot.com:1883', { username: 'device', password: process.env.MQTT_PASSWORD });
// ok: cleartext-transport
const telemetryBusFixed = mqtt.connect('mqtts://broker.acme-iot.com:8883', { username: 'device', password: process.env.MQTT_PASSWORD });
// expect: cleartext-transport
const cache = redis.createClient({ url: 'redis://cache.acme-iot.com:6379' });
// ok: cleartext-transport
const cacheLocal = redis.createClient({ url: 'redis://localhost:6379' });
// expect: cleartext-transport
const directory = ldap.createClient({ url: 'ldap://ldap.acme-iot.com:389' });
// ok: cleartext-transport
const directoryFixed = ldap.createClient({ url: 'ldaps://ldap.acme-iot.com:636' });

module.exports = { telemetryBus, telemetryBusFixed, cache, cacheLocal, directory, directoryFixed, API_BASE, API_BASE_FIXED, login, loginFixed, sendTelemetry, connectFeed, connectFeedFixed, uploadBackup, fetchUser, LOCAL_API, DEV_API, SVG_NS, SCHEMA };
