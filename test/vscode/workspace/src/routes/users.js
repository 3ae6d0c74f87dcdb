// User routes of the API.
const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: 'shop' });

const router = express.Router();

router.get('/users/search', (req, res) => {
  pool.query(`SELECT id, name FROM users WHERE name = '${req.query.name}'`, (err, rows) => {
    if (err) return res.status(500).json({ error: 'lookup failed' });
    res.json(rows);
  });
});

router.delete('/users/:id', (req, res) => {
  pool.query(`DELETE FROM users WHERE id = '${req.params.id}'`, (err) => {
    if (err) return res.status(500).json({ error: 'delete failed' });
    res.status(204).end();
  });
});

module.exports = router;
