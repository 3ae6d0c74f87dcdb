const express = require('express');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');

const User = mongoose.model('User');
const Product = require('./models/product');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const db = client.db('shop');

app.post('/login', async (req, res) => {
  const user = await User.findOne({
    // expect: nosql-injection
    username: req.body.username,
    // expect: nosql-injection
    password: req.body.password,
  });
  res.json({ ok: !!user });
});

app.post('/api/auth', async (req, res) => {
  const { email, password } = req.body;
  // expect: nosql-injection
  const account = await db.collection('accounts').findOne({ email, password });
  res.json(account ? { token: sign(account) } : { error: 'invalid' });
});

app.get('/products', async (req, res) => {
  // expect: nosql-injection
  const products = await Product.find(req.query);
  res.json(products);
});

app.get('/search', async (req, res) => {
  // expect: nosql-injection
  const items = await Product.find({ $where: `this.name.indexOf('${req.query.q}') !== -1` });
  res.json(items);
});

app.post('/reset', async (req, res) => {
  const token = req.body.token;
  // expect: nosql-injection
  const user = await User.findOneAndUpdate({ resetToken: token }, { $unset: { resetToken: 1 } });
  res.json({ ok: !!user });
});

app.delete('/sessions', async (req, res) => {
  // expect: nosql-injection
  await db.collection('sessions').deleteMany({ userId: req.query.user });
  res.sendStatus(204);
});

app.get('/orders', async (req, res) => {
  const filter = req.body.filter;
  // expect: nosql-injection
  const orders = await db.collection('orders').find(filter).toArray();
  res.json(orders);
});

app.post('/api/verify', async (req, res) => {
  const code = req.body.code;
  const user = await User.findOne({
    $or: [
      // expect: nosql-injection
      { phoneCode: code },
      // expect: nosql-injection
      { emailCode: code },
    ],
  });
  res.json({ ok: !!user });
});

app.get('/count', async (req, res) => {
  // expect: nosql-injection
  const n = await Product.countDocuments({ category: req.query.category });
  res.json({ n });
});

function findByAge(minAge) {
  // expect: nosql-injection
  return User.find({ $where: 'this.age > ' + minAge });
}

class UserService {
  async byName(req) {
    // expect: nosql-injection
    return this.userModel.findOne({ name: req.query.name });
  }
}

app.post('/api/unsubscribe', async (req, res) => {
  // expect: nosql-injection
  await db.collection('subscribers').updateOne({ email: req.body.email }, { $set: { active: false } });
  res.sendStatus(204);
});

// ---- negatives ----

app.post('/login-safe', async (req, res) => {
  const user = await User.findOne({
    // ok: nosql-injection
    username: String(req.body.username),
    // ok: nosql-injection
    password: { $eq: req.body.password },
  });
  res.json({ ok: !!user });
});

app.get('/users/:id', async (req, res) => {
  // ok: nosql-injection
  const user = await User.findOne({ _id: req.params.id });
  res.json(user);
});

app.post('/login-checked', async (req, res) => {
  const { username, password } = req.body;
  if (typeof username !== 'string' || typeof password !== 'string') return res.sendStatus(400);
  // ok: nosql-injection
  const user = await User.findOne({ username, password });
  res.json({ ok: !!user });
});

app.get('/list', async (req, res) => {
  const users = [{ name: 'a' }, { name: 'b' }];
  // ok: nosql-injection
  const match = users.find((u) => u.name === req.query.name);
  res.json(match);
});

const _ = require('lodash');
app.get('/lodash', (req, res) => {
  // ok: nosql-injection
  res.json(_.find(catalog, { sku: req.query.sku }));
});

app.get('/active', async (req, res) => {
  // ok: nosql-injection
  const users = await User.find({ active: true, role: 'member' });
  res.json(users);
});

app.get('/page', async (req, res) => {
  const page = parseInt(req.query.page, 10) || 1;
  // ok: nosql-injection
  const items = await Product.find({ page }).limit(20);
  res.json(items);
});

function byCategory(category) {
  // ok: nosql-injection
  return Product.find({ category });
}

app.get('/tags', async (req, res) => {
  const tag = `${req.query.tag}`;
  // ok: nosql-injection
  res.json(await Product.find({ tags: tag }));
});

app.get('/by-slug/:slug', async (req, res) => {
  // ok: nosql-injection
  res.json(await Product.findOne({ slug: req.params.slug }));
});

app.post('/validated', async (req, res) => {
  const { error, value } = schema.validate(req.body);
  if (error) return res.status(400).json(error);
  // ok: nosql-injection
  res.json(await User.findOne({ email: value.email }));
});

describe('users', () => {
  it('finds by name', async () => {
    const req = { body: { name: 'x' } };
    // ok: nosql-injection
    await User.findOne({ name: req.body.name });
  });
});

app.get('/where', async (req, res) => {
  // ok: nosql-injection
  res.json(await Product.find({ $where: 'this.stock > 0' }));
});
