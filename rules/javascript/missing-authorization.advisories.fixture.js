// Blind set: state-changing routes without the authorization middleware their siblings use.
'use strict';
const express = require('express');
const { requireAuth, requireAdmin } = require('./middleware/auth');

const router = express.Router();

router.get('/posts', (req, res) => res.json([]));
router.post('/posts', requireAuth, (req, res) => res.status(201).json(req.body));
router.put('/posts/:id', requireAuth, (req, res) => res.json(req.body));
// expect: missing-authorization
router.delete('/posts/:id', (req, res) => res.sendStatus(204));

// ok: missing-authorization
router.delete('/drafts/:id', requireAuth, (req, res) => res.sendStatus(204));

const admin = express.Router();
admin.post('/users/:id/role', requireAuth, requireAdmin, (req, res) => res.sendStatus(204));
admin.get('/users', requireAuth, requireAdmin, (req, res) => res.json([]));
// todo-expect: missing-authorization
admin.post('/users/:id/ban', requireAuth, (req, res) => res.sendStatus(204));
// expect: missing-authorization
admin.put('/settings', (req, res) => res.json(req.body));
// ok: missing-authorization
admin.put('/settings2', requireAuth, requireAdmin, (req, res) => res.json(req.body));

module.exports = { router, admin };
