// Real-world shapes of NoSQL operator injection (Mongoose, the MongoDB driver; Express, Koa, Fastify) each followed by its fix.
const express = require('express');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');
const sanitize = require('mongo-sanitize');

const app = express();
const User = mongoose.model('User');
const Post = mongoose.model('Post');

// 1. The classic login: { "password": { "$ne": null } } logs in as anyone.
app.post('/login', async (req, res) => {
  // expect: nosql-injection
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  res.json({ ok: !!user });
});
app.post('/login-fixed', async (req, res) => {
  // ok: nosql-injection
  const user = await User.findOne({ username: String(req.body.username), password: String(req.body.password) });
  res.json({ ok: !!user });
});

// 2. Destructured body fields.
app.post('/reset', async (req, res) => {
  const { email, token } = req.body;
  // expect: nosql-injection
  const user = await User.findOne({ email, resetToken: token });
  res.json({ found: !!user });
});
app.post('/reset-fixed', async (req, res) => {
  const { email, token } = req.body;
  if (typeof email !== 'string' || typeof token !== 'string') return res.status(400).end();
  // ok: nosql-injection
  const user = await User.findOne({ email, resetToken: token });
  res.json({ found: !!user });
});

// 3. The whole query string as a filter.
app.get('/posts', async (req, res) => {
  // expect: nosql-injection
  const posts = await Post.find(req.query).limit(20);
  res.json(posts);
});
app.get('/posts-fixed', async (req, res) => {
  // ok: nosql-injection
  const posts = await Post.find({ author: String(req.query.author) }).limit(20);
  res.json(posts);
});

// 4. $where with a JavaScript string built from input.
app.get('/search', async (req, res) => {
  // expect: nosql-injection
  const items = await Post.find({ $where: `this.title.indexOf('${req.query.q}') !== -1` });
  res.json(items);
});
app.get('/search-fixed', async (req, res) => {
  // ok: nosql-injection
  const items = await Post.find({ title: { $regex: String(req.query.q).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') } });
  res.json(items);
});

// 5. The MongoDB driver in a Koa handler.
async function koaDelete(ctx) {
  const db = (await MongoClient.connect('mongodb://localhost')).db('app');
  // expect: nosql-injection
  await db.collection('sessions').deleteMany({ user: ctx.request.body.user });
  ctx.status = 204;
}
async function koaDeleteFixed(ctx) {
  const db = (await MongoClient.connect('mongodb://localhost')).db('app');
  // ok: nosql-injection
  await db.collection('sessions').deleteMany({ user: sanitize(ctx.request.body.user) });
  ctx.status = 204;
}

// 6. Fastify handler updating by a body field.
function routes(fastify) {
  fastify.post('/verify', async (request, reply) => {
    // expect: nosql-injection
    const result = await User.updateOne({ verifyCode: request.body.code }, { $set: { verified: true } });
    return reply.send(result);
  });
  fastify.post('/verify-fixed', async (request, reply) => {
    // ok: nosql-injection
    const result = await User.updateOne({ verifyCode: `${request.body.code}` }, { $set: { verified: true } });
    return reply.send(result);
  });
}


// 7. $regex from the query string: operators aside, a pattern the server runs (ReDoS) and that matches everything.
app.get('/users/search', async (req, res) => {
  // expect: nosql-injection
  const users = await User.find({ name: { $regex: req.query.name, $options: 'i' } });
  res.json(users);
});

// 8. An aggregation whose $match stage is the client's.
app.post('/stats', async (req, res) => {
  // expect: nosql-injection
  const stats = await Post.aggregate([{ $match: req.body.filter }, { $group: { _id: '$author', n: { $sum: 1 } } }]);
  res.json(stats);
});
app.post('/stats-fixed', async (req, res) => {
  // ok: nosql-injection
  const stats = await Post.aggregate([{ $match: { author: String(req.body.author) } }, { $group: { _id: '$author', n: { $sum: 1 } } }]);
  res.json(stats);
});

// 9. Body copied to a local first.
app.post('/api/login', async (req, res) => {
  const body = req.body;
  // expect: nosql-injection
  const account = await User.findOne({ email: body.email, password: body.password }).lean();
  res.json({ ok: !!account });
});

// 10. The criteria object built by a helper, then handed to find (NodeGoat's allocations).
app.get('/allocations/:userId', async (req, res) => {
  const { threshold } = req.query;
  const userId = parseInt(req.params.userId, 10);
  const searchCriteria = () => {
    if (threshold) {
      // expect: nosql-injection
      return { $where: `this.userId == ${userId} && this.stocks > '${threshold}'` };
    }
    return { userId };
  };
  res.json(await Post.find(searchCriteria()));
});
app.get('/allocations-fixed/:userId', async (req, res) => {
  const threshold = parseInt(req.query.threshold, 10);
  const userId = parseInt(req.params.userId, 10);
  // ok: nosql-injection
  const criteria = Number.isNaN(threshold) ? { userId } : { userId, stocks: { $gt: threshold } };
  res.json(await Post.find(criteria));
});
module.exports = { koaDelete, koaDeleteFixed, routes };
