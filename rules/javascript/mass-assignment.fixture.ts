import express from 'express';
import { PrismaClient } from '@prisma/client';
import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import User from './models/user';
import { Product, Order } from './models';

const app = express();
const prisma = new PrismaClient();

app.post('/users', async (req, res) => {
  // expect: mass-assignment
  const user = await User.create(req.body);
  res.status(201).json(user);
});

app.put('/users/:id', async (req, res) => {
  // expect: mass-assignment
  const user = await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(user);
});

app.patch('/profile', async (req, res) => {
  const user = await User.findById(req.user.id);
  // expect: mass-assignment
  Object.assign(user, req.body);
  await user.save();
  res.json(user);
});

app.post('/products', async (req, res) => {
  // expect: mass-assignment
  const product = new Product(req.body);
  await product.save();
  res.json(product);
});

app.post('/orders', async (req, res) => {
  // expect: mass-assignment
  const order = await prisma.order.create({ data: req.body });
  res.json(order);
});

app.patch('/posts/:id', async (req, res) => {
  const post = await prisma.post.update({
    where: { id: Number(req.params.id) },
    // expect: mass-assignment
    data: { ...req.body, updatedAt: new Date() },
  });
  res.json(post);
});

app.put('/accounts/:id', async (req, res) => {
  await db.collection('accounts').updateOne(
    { _id: req.params.id },
    // expect: mass-assignment
    { $set: req.body },
  );
  res.sendStatus(204);
});

app.post('/register', async (req, res) => {
  const data = req.body;
  // expect: mass-assignment
  const account = await Account.create({ ...data, createdBy: 'signup' });
  res.json(account);
});

app.put('/items/:id', async (req, res) => {
  // expect: mass-assignment
  await knex('items').where({ id: req.params.id }).update(req.body);
  res.sendStatus(204);
});

app.post('/members', async (req, res) => {
  // expect: mass-assignment
  const member = Member.build(req.body);
  await member.save();
  res.json(member);
});

@Controller('users')
export class UsersController {
  constructor(private readonly usersService: any, private readonly userRepository: any) {}

  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: any) {
    // expect: mass-assignment
    return this.userRepository.update(id, body);
  }

  @Post()
  async create(@Body() body) {
    // expect: mass-assignment
    return this.userRepository.save(body);
  }
}

app.post('/api/settings', async (req, res) => {
  const settings = await Settings.findOne({ userId: req.user.id });
  // expect: mass-assignment
  settings.set(req.body);
  await settings.save();
  res.json(settings);
});

// ---- negatives ----

app.post('/users-safe', async (req, res) => {
  const { name, email, password } = req.body;
  // ok: mass-assignment
  const user = await User.create({ name, email, password });
  res.status(201).json(user);
});

app.put('/users-safe/:id', async (req, res) => {
  // ok: mass-assignment
  const user = await User.findByIdAndUpdate(req.params.id, { name: req.body.name, bio: req.body.bio });
  res.json(user);
});

app.post('/products-picked', async (req, res) => {
  // ok: mass-assignment
  const product = new Product(_.pick(req.body, ['title', 'price']));
  res.json(await product.save());
});

app.post('/validated', async (req, res) => {
  const data = createUserSchema.parse(req.body);
  // ok: mass-assignment
  res.json(await prisma.user.create({ data }));
});

app.post('/copy', (req, res) => {
  // ok: mass-assignment
  const copy = Object.assign({}, req.body);
  res.json(copy);
});

app.post('/echo', (req, res) => {
  // ok: mass-assignment
  res.json(req.body);
});

app.post('/hash', (req, res) => {
  // ok: mass-assignment
  const digest = crypto.createHash('sha256').update(JSON.stringify(req.body)).digest('hex');
  res.json({ digest });
});

app.post('/errors', (req, res) => {
  // ok: mass-assignment
  throw new Error(req.body);
});

app.post('/cache', (req, res) => {
  // ok: mass-assignment
  cache.set(req.body);
  res.sendStatus(204);
});

class CreateUserDto {
  name!: string;
  email!: string;
}

@Controller('accounts')
export class AccountsController {
  constructor(private readonly repo: any) {}

  @Post()
  async create(@Body() dto: CreateUserDto) {
    // ok: mass-assignment
    return this.repo.save(dto);
  }
}

describe('users api', () => {
  it('creates', async () => {
    const req = { body: { name: 'x' } };
    // ok: mass-assignment
    await User.create(req.body);
  });
});

app.post('/state', (req, res) => {
  // ok: mass-assignment
  const params = new URLSearchParams(req.body);
  res.json({ query: params.toString() });
});
