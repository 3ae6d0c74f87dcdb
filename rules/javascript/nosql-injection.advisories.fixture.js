// Blind set: NoSQL injection with MongoDB/Mongoose in Express apps.
'use strict';
const express = require('express');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');

const User = mongoose.model('User', new mongoose.Schema({ username: String, password: String, token: String }));
const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  // expect: nosql-injection
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  res.json({ ok: !!user });
});

app.post('/login2', async (req, res) => {
  // ok: nosql-injection
  const user = await User.findOne({ username: String(req.body.username), password: String(req.body.password) });
  res.json({ ok: !!user });
});

app.get('/reset', async (req, res) => {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  // expect: nosql-injection
  const doc = await client.db().collection('resets').findOne({ token: req.query.token });
  res.json({ valid: !!doc });
});

app.get('/reset2', async (req, res) => {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  // ok: nosql-injection
  const doc = await client.db().collection('resets').findOne({ token: { $eq: String(req.query.token) } });
  res.json({ valid: !!doc });
});

app.get('/users', async (req, res) => {
  // expect: nosql-injection
  const users = await User.find(req.query).limit(50);
  res.json(users);
});

app.get('/users2', async (req, res) => {
  const filter = {};
  if (typeof req.query.username === 'string') filter.username = req.query.username;
  // ok: nosql-injection
  const users = await User.find(filter).limit(50);
  res.json(users);
});

app.get('/search', async (req, res) => {
  // expect: nosql-injection
  const users = await User.find({ $where: "this.username == '" + req.query.name + "'" });
  res.json(users);
});

app.delete('/sessions', async (req, res) => {
  // expect: nosql-injection
  await mongoose.connection.collection('sessions').deleteMany({ userId: req.body.userId });
  res.sendStatus(204);
});

app.post('/profile', async (req, res) => {
  const { email } = req.body;
  // expect: nosql-injection
  const user = await User.findOneAndUpdate({ email }, { $set: { lastSeen: new Date() } });
  res.json(user);
});

module.exports = app;
