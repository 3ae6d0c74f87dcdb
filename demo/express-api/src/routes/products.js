// Product catalogue routes backed by MongoDB.
const express = require('express');
const { MongoClient } = require('mongodb');

const router = express.Router();
const client = new MongoClient(process.env.MONGO_URL);
const products = client.db('shop').collection('products');

router.get('/', async (req, res) => {
  const pattern = new RegExp(req.query.q, 'i');
  const items = await products.find({ name: pattern }).limit(50).toArray();
  res.json(items);
});

router.post('/lookup', async (req, res) => {
  const item = await products.findOne({ sku: req.body.sku });
  res.json(item);
});

router.get('/:id/preview', async (req, res) => {
  const item = await products.findOne({ slug: req.params.id });
  res.send(`<h1>${req.query.title}</h1><p>${item ? item.description : 'Not found'}</p>`);
});

module.exports = router;
