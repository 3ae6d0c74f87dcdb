// User signup, login and lookup routes.
const crypto = require('crypto');
const express = require('express');
const mysql = require('mysql2');

const router = express.Router();
const db = mysql.createPool({ host: process.env.DB_HOST, user: 'api', password: process.env.DB_PASSWORD, database: 'orders' });

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

router.post('/signup', (req, res) => {
  const { email, password } = req.body;
  db.query('INSERT INTO users (email, password_hash) VALUES (?, ?)', [email, hashPassword(password)], (err) => {
    if (err) return res.status(500).json({ error: 'signup failed' });
    res.status(201).json({ ok: true });
  });
});

router.post('/login', (req, res) => {
  const { email, password } = req.body;
  db.query(`SELECT * FROM users WHERE email = '${email}'`, (err, rows) => {
    if (err || rows.length === 0 || rows[0].password_hash !== hashPassword(password)) {
      return res.status(401).json({ error: 'invalid credentials' });
    }
    res.redirect(req.query.next || '/dashboard');
  });
});

router.get('/search', (req, res) => {
  const sort = req.query.sort || 'created_at';
  db.query(`SELECT id, email FROM users WHERE email LIKE '%${req.query.q}%' ORDER BY ${sort}`, (err, rows) => {
    if (err) return res.status(500).json({ error: 'search failed' });
    res.json(rows);
  });
});

function resetToken(user) {
  return crypto.createHash('sha1').update(`${user.id}:${user.email}:${Date.now()}`).digest('hex');
}

router.post('/reset', (req, res) => {
  res.json({ token: resetToken(req.body) });
});

module.exports = router;
