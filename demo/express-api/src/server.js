// Entry point of the orders API: middleware, auth and route mounting.
const express = require('express');
const jwt = require('jsonwebtoken');
const users = require('./routes/users');
const products = require('./routes/products');
const files = require('./routes/files');

const app = express();
app.use(express.json());

const JWT_SECRET = 'c2VjcmV0LWtleS1mb3ItYWNtZS1vcmRlcnMtYXBp';

function requireAuth(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    req.user = jwt.verify(token, JWT_SECRET);
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

app.use('/users', users);
app.use('/products', requireAuth, products);
app.use('/files', requireAuth, files);

app.listen(process.env.PORT || 3000, () => console.log('orders API listening'));

module.exports = { app, JWT_SECRET };
