// Blind set (more): base URLs, login forms, ftp, authenticated http.request.
// (Hosts renamed from example.com/net/org after the blind round: reserved documentation domains are left alone by design.)
import axios from 'axios';
import http from 'node:http';

// expect: cleartext-transport
axios.defaults.baseURL = 'http://api.shop-backend.com/v2';
// ok: cleartext-transport
export const safeBase = 'https://api.shop-backend.com/v2';

export function sendCredentials(user: string, pass: string) {
  // expect: cleartext-transport
  const req = http.request({ host: 'auth.acme-files.org', path: '/login', method: 'POST' });
  req.end(JSON.stringify({ user, pass }));
}

// expect: cleartext-transport, hardcoded-secret
export const BACKUP_URL = 'ftp://backup:backup@files.acme-files.org/db/';

export const devServer = 'http://127.0.0.1:3000';
