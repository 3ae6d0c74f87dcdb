// Real-world shapes for missing-authorization: one state-changing route in a router whose siblings authenticate, across Express, Fastify and Koa.
const express = require('express');
const Router = require('@koa/router');
const { requireAuth, requireAdmin } = require('./middleware/auth');

const router = express.Router();

// ok: missing-authorization
router.get('/invoices', requireAuth, async (req, res) => res.json(await Invoice.find({ owner: req.user.id })));
// ok: missing-authorization
router.post('/invoices', requireAuth, async (req, res) => res.json(await Invoice.create({ ...pick(req.body), owner: req.user.id })));
// expect: missing-authorization
router.delete('/invoices/:id', async (req, res) => {
  await Invoice.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});
// ok: missing-authorization
router.put('/invoices/:id', requireAuth, async (req, res) => {
  await Invoice.updateOne({ _id: req.params.id, owner: req.user.id }, pick(req.body));
  res.sendStatus(204);
});

const adminRouter = express.Router();
adminRouter.use(requireAuth);
// ok: missing-authorization
adminRouter.post('/users/:id/ban', requireAdmin, async (req, res) => res.json(await User.ban(req.params.id)));
// ok: missing-authorization
adminRouter.post('/users/:id/promote', requireAdmin, async (req, res) => res.json(await User.promote(req.params.id)));

async function routes(fastify) {
  // ok: missing-authorization
  fastify.get('/settings', { preHandler: [fastify.authenticate] }, async (request) => Settings.get(request.user.id));
  // ok: missing-authorization
  fastify.put('/settings', { preHandler: [fastify.authenticate] }, async (request) => Settings.put(request.user.id, request.body));
  // expect: missing-authorization
  fastify.delete('/settings/:key', async (request) => Settings.remove(request.params.key));
}

const koaRouter = new Router({ prefix: '/api/projects' });
// ok: missing-authorization
koaRouter.get('/', jwtAuth, async (ctx) => { ctx.body = await Project.list(ctx.state.user); });
// ok: missing-authorization
koaRouter.post('/', jwtAuth, async (ctx) => { ctx.body = await Project.create(ctx.state.user, ctx.request.body); });
// expect: missing-authorization
koaRouter.post('/:id/archive', async (ctx) => { ctx.body = await Project.archive(ctx.params.id); });
// ok: missing-authorization
koaRouter.delete('/:id', jwtAuth, async (ctx) => {
  ctx.body = await Project.remove(ctx.state.user, ctx.params.id);
});

// A products router written with route() chains.
const productRouter = express.Router();
// ok: missing-authorization
productRouter.route('/').get(getProducts).post(requireAuth, requireAdmin, createProduct);
// expect: missing-authorization
productRouter.route('/:id').get(getProductById).delete(deleteProduct).put(requireAuth, requireAdmin, updateProduct);
// ok: missing-authorization
productRouter.route('/:id/reviews').post(requireAuth, createProductReview);

function pick(x) { return x; }
const jwtAuth = requireAuth;
const Invoice = {}; const User = {}; const Settings = {}; const Project = {};
const getProducts = pick; const createProduct = pick; const getProductById = pick; const deleteProduct = pick; const updateProduct = pick; const createProductReview = pick;
module.exports = { router, adminRouter, routes, koaRouter, productRouter };
