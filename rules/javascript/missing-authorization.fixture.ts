// Fixture for missing-authorization: Express, Fastify and NestJS route modules and a Next.js route file, where one state-changing route lacks what its siblings use.
import express, { type Request, type Response, type NextFunction } from 'express';
import passport from 'passport';
import Fastify from 'fastify';
import { Controller, Get, Post, Put, Patch, Delete, Body, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { getServerSession } from 'next-auth';
import { NextResponse } from 'next/server';
import { requireAuth, requireRole, isAdmin } from './middleware/auth';
import * as projects from './controllers/projects';
import { Post as PostModel, Comment, Order, Product, Invoice } from './models';

// ---- Express router: products (CRUD, auth on the writes) ----
const productRouter = express.Router();

// ok: missing-authorization
productRouter.get('/', async (_req, res) => res.json(await Product.find()));
// ok: missing-authorization
productRouter.get('/:id', async (req, res) => res.json(await Product.findById(req.params.id)));
// ok: missing-authorization
productRouter.post('/', requireAuth, requireRole('admin'), async (req, res) => {
  res.status(201).json(await Product.create({ name: req.body.name, price: req.body.price }));
});
// ok: missing-authorization
productRouter.put('/:id', requireAuth, requireRole('admin'), async (req, res) => {
  res.json(await Product.findByIdAndUpdate(req.params.id, { name: req.body.name }, { new: true }));
});
// expect: missing-authorization
productRouter.delete('/:id', async (req, res) => {
  await Product.findByIdAndDelete(req.params.id);
  res.sendStatus(204);
});
// expect: missing-authorization
productRouter.patch('/:id/price', async (req, res) => {
  res.json(await Product.findByIdAndUpdate(req.params.id, { price: req.body.price }, { new: true }));
});

// ---- Express app: orders, with passport on most routes ----
const app = express();
app.use(express.json());

// ok: missing-authorization
app.get('/api/orders', passport.authenticate('jwt', { session: false }), async (req, res) => {
  res.json(await Order.find({ user: (req.user as { id: string }).id }));
});
// ok: missing-authorization
app.post('/api/orders', passport.authenticate('jwt', { session: false }), async (req, res) => {
  res.status(201).json(await Order.create({ items: req.body.items, user: (req.user as { id: string }).id }));
});
// expect: missing-authorization
app.post('/api/orders/:id/refund', async (req, res) => {
  const order = await Order.findByIdAndUpdate(req.params.id, { status: 'refunded' });
  res.json(order);
});
// expect: missing-authorization
app.delete('/api/orders/:id', (req, res, next) => {
  Order.deleteOne({ _id: req.params.id }).then(() => res.sendStatus(204), next);
});
// Signing in and webhooks are public by nature.
// ok: missing-authorization
app.post('/api/auth/login', async (req, res) => res.json({ token: 'issued-elsewhere' }));
// ok: missing-authorization
app.post('/api/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => res.sendStatus(200));
// An inline check counts.
// ok: missing-authorization
app.put('/api/orders/:id/address', async (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'Sign in first' });
  res.json(await Order.findByIdAndUpdate(req.params.id, { address: req.body.address }));
});

// ---- Express router: posts, router-wide auth registered too late ----
const postRouter = express.Router();

// expect: missing-authorization
postRouter.post('/', async (req, res) => res.status(201).json(await PostModel.create({ title: req.body.title, body: req.body.body })));
postRouter.use(requireAuth);
// ok: missing-authorization
postRouter.put('/:id', async (req, res) => res.json(await PostModel.findByIdAndUpdate(req.params.id, { title: req.body.title })));
// ok: missing-authorization
postRouter.delete('/:id', async (req, res) => res.json(await PostModel.findByIdAndDelete(req.params.id)));

// ---- Express router: chained routes, handlers from a controller module ----
const projectRouter = express.Router();
// ok: missing-authorization
projectRouter.route('/').get(requireAuth, projects.list).post(requireAuth, projects.create);
// expect: missing-authorization
projectRouter.route('/:id').get(requireAuth, projects.show).delete(projects.remove);

// ---- Express router: comments, admin middleware by name ----
const commentRouter = express.Router();
// ok: missing-authorization
commentRouter.get('/', async (_req, res) => res.json(await Comment.find()));
// ok: missing-authorization
commentRouter.post('/', requireAuth, async (req, res) => res.status(201).json(await Comment.create({ text: req.body.text })));
// ok: missing-authorization
commentRouter.delete('/:id', isAdmin, async (req, res) => res.json(await Comment.findByIdAndDelete(req.params.id)));
// ok: missing-authorization
commentRouter.put('/:id/hide', isAdmin, async (req, res) => res.json(await Comment.findByIdAndUpdate(req.params.id, { hidden: true })));
// expect: missing-authorization
commentRouter.put('/:id/pin', async (req, res) => res.json(await Comment.findByIdAndUpdate(req.params.id, { pinned: true })));

// ---- Users router: creating an account is the sign-up, public by design ----
const userRouter = express.Router();
// ok: missing-authorization
userRouter.post('/', async (req, res) => res.status(201).json({ email: req.body.email }));
// ok: missing-authorization
userRouter.patch('/:id', requireAuth, async (req, res) => res.json({ id: req.params.id }));
// ok: missing-authorization
userRouter.delete('/:id', requireAuth, isAdmin, async (req, res) => res.json({ id: req.params.id }));

// ---- Public and admin routers in one file: each router is compared with itself ----
const adminCommentRouter = express.Router();
// ok: missing-authorization
adminCommentRouter.delete('/:id', isAdmin, async (req, res) => res.json(await Comment.findByIdAndDelete(req.params.id)));
// ok: missing-authorization
adminCommentRouter.put('/:id/restore', isAdmin, async (req, res) => res.json(await Comment.findByIdAndUpdate(req.params.id, { deleted: false })));
const contactRouter = express.Router();
// ok: missing-authorization
contactRouter.post('/messages', async (req, res) => res.status(202).json({ queued: true }));
// ok: missing-authorization
contactRouter.delete('/messages/:id', async (req, res) => res.sendStatus(204));

// ---- Routes registered in a setup function ----
export function registerInvoiceRoutes(api: express.Router): void {
  // ok: missing-authorization
  api.get('/invoices', requireAuth, async (_req: Request, res: Response) => res.json(await Invoice.find()));
  // ok: missing-authorization
  api.post('/invoices', requireAuth, async (req: Request, res: Response) => res.json(await Invoice.create({ lines: req.body.lines })));
  // expect: missing-authorization
  api.post('/invoices/:id/void', async (req: Request, res: Response) => res.json(await Invoice.findByIdAndUpdate(req.params.id, { void: true })));
}

// ---- Fastify ----
const fastify = Fastify();
// ok: missing-authorization
fastify.get('/api/teams', { onRequest: [fastify.authenticate] }, async () => ({ teams: [] }));
// ok: missing-authorization
fastify.post('/api/teams', { onRequest: [fastify.authenticate] }, async (request) => ({ created: request.body }));
// expect: missing-authorization
fastify.delete('/api/teams/:id', async (request) => ({ deleted: (request.params as { id: string }).id }));

// ---- NestJS ----
@Controller('users')
export class UsersController {
  @Get()
  @UseGuards(AuthGuard('jwt'))
  findAll() {
    return [];
  }

  // ok: missing-authorization
  @Post()
  @UseGuards(AuthGuard('jwt'))
  create(@Body() body: unknown) {
    return body;
  }

  @Delete(':id')
  // expect: missing-authorization
  remove(@Param('id') id: string) {
    return { id };
  }

  @Patch(':id')
  // expect: missing-authorization
  update(@Param('id') id: string, @Body() body: unknown) {
    return { id, body };
  }
}

@UseGuards(AuthGuard('jwt'))
@Controller('billing')
export class BillingController {
  @Post('charge')
  // ok: missing-authorization
  charge(@Body() body: unknown) {
    return body;
  }

  @Put('plan')
  // ok: missing-authorization
  changePlan(@Body() body: unknown) {
    return body;
  }
}

@Controller('newsletter')
export class NewsletterController {
  @Get('issues')
  @UseGuards(AuthGuard('jwt'))
  issues() {
    return [];
  }

  @Post('issues')
  @UseGuards(AuthGuard('jwt'))
  publish(@Body() body: unknown) {
    return body;
  }

  @Public()
  @Post('preview')
  // ok: missing-authorization
  preview(@Body() body: unknown) {
    return body;
  }
}

// ---- Next.js route handlers (app/api/notes/route.ts) ----
export async function GET() {
  const session = await getServerSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  return NextResponse.json([]);
}

// expect: missing-authorization
export async function DELETE(request: Request) {
  const { id } = await request.json();
  return NextResponse.json({ deleted: id });
}

// ok: missing-authorization
export async function PATCH(request: Request) {
  const session = await getServerSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  return NextResponse.json(await request.json());
}

declare function Public(): MethodDecorator;
declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: unknown, reply: unknown) => Promise<void>;
  }
}
export { userRouter, app, productRouter, postRouter, projectRouter, commentRouter, adminCommentRouter, contactRouter };
export type { NextFunction };
