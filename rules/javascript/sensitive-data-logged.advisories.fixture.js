// Blind set: passwords, tokens and secrets written to logs.
'use strict';
const express = require('express');
const logger = require('winston');

const app = express();
app.use(express.json());

app.post('/login', (req, res) => {
  const { username, password } = req.body;
  // expect: sensitive-data-logged
  console.log(`Login attempt for ${username} with password ${password}`);
  // ok: sensitive-data-logged
  console.log(`Login attempt for ${username}`);
  res.sendStatus(204);
});

app.post('/register', (req, res) => {
  // expect: sensitive-data-logged
  logger.info('register request', req.body);
  res.sendStatus(201);
});

app.post('/register2', (req, res) => {
  const { password, ...safe } = req.body;
  // ok: sensitive-data-logged
  logger.info('register request', safe);
  res.sendStatus(201);
});

function connect(config) {
  // expect: sensitive-data-logged
  console.debug('connecting with', config.apiKey);
}

function refresh(session) {
  // expect: sensitive-data-logged
  logger.debug('refreshed access token: ' + session.accessToken);
}

app.use((req, res, next) => {
  // expect: sensitive-data-logged
  console.log('headers', req.headers.authorization);
  next();
});

module.exports = { app, connect, refresh };
