// ok: typosquat-package
const axios = require('axios');
// ok: typosquat-package
const { debounce } = require('lodash');
// expect: typosquat-package
const express = require('express');
// expect: typosquat-package, undeclared-dependency
const dotenv = require('dotenv');
// expect: typosquat-package, undeclared-dependency
const crossEnv = require('cross-env');
// ok: typosquat-package
const { signPayload } = require('./sign-payload');
// ok: typosquat-package
const { createHmac } = require('node:crypto');

dotenv.config();

const app = express();
app.use(express.json());

app.post('/relay', debounce(async (req, res) => {
  const signature = createHmac('sha256', process.env.RELAY_SECRET).update(JSON.stringify(req.body)).digest('hex');
  await axios.post(process.env.RELAY_TARGET, signPayload(req.body), { headers: { 'x-signature': signature } });
  res.sendStatus(202);
}, 50));

async function loadFormatter() {
  // expect: typosquat-package, undeclared-dependency
  const { format } = await import('date-fns');
  return format;
}

module.exports = { app, loadFormatter, crossEnv };
