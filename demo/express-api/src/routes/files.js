// Invoice downloads and thumbnail generation.
const { exec } = require('child_process');
const express = require('express');
const path = require('path');

const router = express.Router();
const INVOICES = path.join(__dirname, '..', '..', 'invoices');

router.get('/invoices', (req, res) => {
  res.sendFile(path.join(INVOICES, req.query.name));
});

router.post('/thumbnail', (req, res) => {
  exec(`convert uploads/${req.body.file} -resize 200x200 thumbs/${req.body.file}`, (err) => {
    if (err) return res.status(500).json({ error: 'conversion failed' });
    res.json({ ok: true });
  });
});

module.exports = router;
