// Real-world shapes of server-side request forgery (proxies, webhooks, previews; Express, Next.js, Lambda, libraries) each followed by its fix.
const express = require('express');
const axios = require('axios');
const http = require('http');
const https = require('https');
const got = require('got');
const Wreck = require('@hapi/wreck');
const ssrfFilter = require('ssrf-req-filter');

const app = express();
app.use(express.json());
const ALLOWED_HOSTS = ['images.example.com', 'cdn.example.com'];

// 1. An image proxy.
app.get('/proxy', async (req, res) => {
  // expect: ssrf
  const response = await axios.get(req.query.url, { responseType: 'stream' });
  response.data.pipe(res);
});
app.get('/proxy-fixed', async (req, res) => {
  const target = new URL(String(req.query.url));
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.includes(target.hostname)) return res.status(400).end();
  // ok: ssrf
  const response = await axios.get(target.toString(), { responseType: 'stream' });
  response.data.pipe(res);
});

// 2. Webhook test button: the server calls a URL the user typed.
app.post('/webhooks/test', async (req, res) => {
  const { webhookUrl } = req.body;
  // expect: ssrf
  const r = await fetch(webhookUrl, { method: 'POST', body: JSON.stringify({ ping: true }) });
  res.json({ status: r.status });
});

// 3. Link preview built from a template.
app.get('/preview', async (req, res) => {
  // expect: ssrf
  const page = await got(`${req.query.site}/oembed?format=json`).json();
  res.json(page);
});

// 4. http.get with a host from the request.
app.get('/status', (req, res) => {
  // expect: ssrf
  https.get(`https://${req.query.host}/health`, (r) => res.sendStatus(r.statusCode));
});
app.get('/status-fixed', (req, res) => {
  const host = req.query.host;
  if (!ALLOWED_HOSTS.includes(host)) return res.sendStatus(400);
  // ok: ssrf
  https.get(`https://${host}/health`, (r) => res.sendStatus(r.statusCode));
});

// 5. A Next.js route handler fetching a URL from the query string.
export async function GET(request) {
  const { searchParams } = new URL(request.url);
  const target = searchParams.get('url');
  // expect: ssrf
  const upstream = await fetch(target);
  return new Response(upstream.body);
}

// 6. AWS Lambda fetching from the event.
exports.handler = async (event) => {
  // expect: ssrf
  const { data } = await axios({ url: event.queryStringParameters.feed, method: 'get' });
  return { statusCode: 200, body: JSON.stringify(data) };
};

// 7. A fixed API base with a path segment from input is not SSRF of the host.
app.get('/users/:id', async (req, res) => {
  // ok: ssrf
  const { data } = await axios.get(`https://api.example.com/users/${encodeURIComponent(req.params.id)}`);
  res.json(data);
});


// 8. hapi with Wreck.
const hapiProxy = {
  method: 'GET',
  path: '/fetch',
  handler: async (request) => {
    // expect: ssrf
    const { payload } = await Wreck.get(request.query.target);
    return payload;
  },
};

// 9. A fix that filters private addresses with an agent.
app.get('/proxy-agent', async (req, res) => {
  const url = String(req.query.url);
  // ok: ssrf
  const response = await axios.get(url, { httpAgent: ssrfFilter(url), httpsAgent: ssrfFilter(url) });
  res.send(response.data);
});

// 10. A socket message naming a feed to poll.
function registerFeeds(wss) {
  wss.on('connection', (ws) => {
    ws.on('message', async (data) => {
      const { feedUrl } = JSON.parse(data);
      // expect: ssrf
      const feed = await got(feedUrl).text();
      ws.send(feed);
    });
  });
}
module.exports = { hapiProxy, registerFeeds, app };
