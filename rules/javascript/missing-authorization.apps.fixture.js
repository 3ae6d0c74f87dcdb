'use strict';
// routes/admin.js and routes/users.js of an Express app with auth middleware.
const express = require('express');
const router = express.Router();
const { isAuthenticated, isAdmin } = require('../middleware/auth');
const User = require('../models/user');

router.get('/users', isAuthenticated, isAdmin, async (req, res) => {
  res.json(await User.find({}));
});

router.post('/users/:id/role', isAuthenticated, isAdmin, async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { role: String(req.body.role) });
  res.sendStatus(204);
});

// Vulnerable: the delete route forgot the middleware.
// expect: missing-authorization
router.delete('/users/:id', async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

// Fixed.
// ok: missing-authorization
router.delete('/users2/:id', isAuthenticated, isAdmin, async (req, res) => {
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

// Vulnerable: password reset of any account, no auth.
// expect: missing-authorization
router.post('/users/:id/password', async (req, res) => {
  const user = await User.findById(req.params.id);
  user.password = req.body.password;
  await user.save();
  res.sendStatus(204);
});

// Vulnerable: mass assignment on profile update (role can be sent).
router.put('/profile', isAuthenticated, async (req, res) => {
  // expect: mass-assignment
  const user = await User.findByIdAndUpdate(req.user.id, req.body, { new: true });
  res.json(user);
});

// Fixed: picked fields.
router.put('/profile2', isAuthenticated, async (req, res) => {
  const { displayName, bio } = req.body;
  // ok: mass-assignment
  const user = await User.findByIdAndUpdate(req.user.id, { displayName, bio }, { new: true });
  res.json(user);
});

// Vulnerable: register copies the body into the model.
router.post('/register', async (req, res) => {
  // expect: mass-assignment
  const user = new User({ ...req.body });
  await user.save();
  res.status(201).json({ id: user.id });
});

// Vulnerable: Object.assign onto the loaded document.
router.patch('/account', isAuthenticated, async (req, res) => {
  const user = await User.findById(req.user.id);
  // expect: mass-assignment
  Object.assign(user, req.body);
  await user.save();
  res.json(user);
});

module.exports = router;
