'use strict';
// app/data/allocations-dao.js and routes/session.js (NodeGoat style), with mongoose.
const express = require('express');
const mongoose = require('mongoose');
const router = express.Router();
const User = mongoose.model('User');

function AllocationsDAO(db) {
  const allocations = db.collection('allocations');

  // Vulnerable: $where built from the threshold.
  this.getByUserIdAndThreshold = function (userId, threshold, callback) {
    const parsedUserId = parseInt(userId, 10);
    const searchCriteria = function () {
      if (threshold) {
        // expect: nosql-injection
        return { $where: `this.userId == ${parsedUserId} && this.stocks > '${threshold}'` };
      }
      return { userId: parsedUserId };
    };
    allocations.find(searchCriteria()).toArray(callback);
  };

  // Fixed: numeric threshold and a plain query operator.
  this.getByUserIdAndThresholdSafe = function (userId, threshold, callback) {
    const parsedUserId = parseInt(userId, 10);
    const parsedThreshold = parseInt(threshold, 10);
    if (!(parsedThreshold >= 0 && parsedThreshold <= 99)) return callback(new Error('bad threshold'));
    // ok: nosql-injection
    allocations.find({ userId: parsedUserId, stocks: { $gt: parsedThreshold } }).toArray(callback);
  };
}

// Vulnerable: login with the body fields as the query (operator injection {"$ne": null}).
router.post('/login', async (req, res) => {
  // expect: nosql-injection
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  if (!user) return res.status(401).send('invalid');
  res.json({ id: user.id });
});

// Fixed: values forced to strings.
router.post('/login2', async (req, res) => {
  // ok: nosql-injection
  const user = await User.findOne({ username: String(req.body.username), password: String(req.body.password) });
  if (!user) return res.status(401).send('invalid');
  res.json({ id: user.id });
});

// Vulnerable: the whole body as a filter.
router.post('/users/search', async (req, res) => {
  // expect: nosql-injection
  const users = await User.find(req.body);
  res.json(users);
});

// Vulnerable: query-string filter passed to deleteMany.
router.delete('/users', async (req, res) => {
  // expect: nosql-injection
  await User.deleteMany({ role: req.query.role });
  res.sendStatus(204);
});

// Fixed: mongo-sanitize.
const sanitize = require('mongo-sanitize');
router.delete('/users2', async (req, res) => {
  // ok: nosql-injection
  await User.deleteMany({ role: sanitize(req.query.role) });
  res.sendStatus(204);
});

// Vulnerable: token reset lookup.
router.get('/reset/:token', async (req, res) => {
  // expect: nosql-injection
  const u = await User.findOne({ resetToken: req.query.token });
  res.json({ ok: !!u });
});

module.exports = { AllocationsDAO, router };
