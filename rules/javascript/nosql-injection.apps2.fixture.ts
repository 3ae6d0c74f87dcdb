// src/users/users.service.ts and an Express router using the native MongoDB driver.
import express from 'express';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL as string);
const users = client.db('app').collection('users');
const router = express.Router();

// Vulnerable: $where with a string.
router.get('/users/by-name', async (req, res) => {
  // expect: nosql-injection
  const list = await users.find({ $where: `this.name == '${req.query.name}'` }).toArray();
  res.json(list);
});

// Vulnerable: the query object as the filter.
router.get('/users', async (req, res) => {
  // expect: nosql-injection
  const list = await users.find(req.query).toArray();
  res.json(list);
});

// Fixed: fields picked and cast.
router.get('/users2', async (req, res) => {
  const filter = { role: String(req.query.role ?? 'user') };
  // ok: nosql-injection
  const list = await users.find(filter).toArray();
  res.json(list);
});

// Vulnerable: password check with the body value (object operators).
router.post('/auth', async (req, res) => {
  const { email, password } = req.body;
  // expect: nosql-injection
  const user = await users.findOne({ email, password });
  res.json({ ok: !!user });
});

// Fixed: typeof checks before the query.
router.post('/auth2', async (req, res) => {
  const { email, password } = req.body;
  if (typeof email !== 'string' || typeof password !== 'string') return res.sendStatus(400);
  // ok: nosql-injection
  const user = await users.findOne({ email, password });
  res.json({ ok: !!user });
});

// Vulnerable: update with the body as the update document.
router.put('/users/:id', async (req, res) => {
  // expect: mass-assignment
  await users.updateOne({ _id: req.params.id }, req.body);
  res.sendStatus(204);
});

export default router;
