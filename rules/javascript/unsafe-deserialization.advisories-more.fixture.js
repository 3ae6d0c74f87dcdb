// Blind set (more): js-yaml 3 load vs safeLoad, serialize-to-js, funcster, cryo.
'use strict';
const yaml = require('js-yaml');
const { deserialize } = require('serialize-to-js');
const funcster = require('funcster');
const Cryo = require('cryo');
const express = require('express');

const app = express();
app.use(express.text());

app.post('/yaml', (req, res) => {
  // expect: unsafe-deserialization
  const doc = yaml.load(req.body);
  res.json(doc);
});

app.post('/yaml2', (req, res) => {
  // ok: unsafe-deserialization
  const doc = yaml.safeLoad(req.body);
  res.json(doc);
});

app.post('/state', (req, res) => {
  // expect: unsafe-deserialization
  const state = deserialize(req.body);
  res.json(state);
});

app.post('/job', (req, res) => {
  // expect: unsafe-deserialization
  const job = funcster.deepDeserialize(JSON.parse(req.body));
  res.json(job);
});

app.post('/cryo', (req, res) => {
  // expect: unsafe-deserialization
  const obj = Cryo.parse(req.body);
  res.json(obj);
});

module.exports = app;
