// Real-world shapes of mass assignment (Mongoose, Sequelize, Prisma, TypeORM; Express, Koa, NestJS) each followed by its fix.
import express from 'express';
import mongoose from 'mongoose';
import { PrismaClient } from '@prisma/client';
import _ from 'lodash';
import knex from 'knex';
import { Body, Controller, Param, Patch } from '@nestjs/common';

const app = express();
app.use(express.json());
const User = mongoose.model('User');
const prisma = new PrismaClient();
declare const Account: any;
declare const projectRepository: any;

// 1. Sign-up creates the user from the whole body (isAdmin: true rides along).
app.post('/signup', async (req, res) => {
  // expect: mass-assignment
  const user = await User.create(req.body);
  res.status(201).json(user);
});
app.post('/signup-fixed', async (req, res) => {
  const { name, email, password } = req.body;
  // ok: mass-assignment
  const user = await User.create({ name, email, password });
  res.status(201).json(user);
});

// 2. Sequelize update of the current user.
app.put('/account', async (req, res) => {
  // expect: mass-assignment
  await Account.update(req.body, { where: { id: req.user.id } });
  res.sendStatus(204);
});
app.put('/account-fixed', async (req, res) => {
  const { displayName, locale } = req.body;
  // ok: mass-assignment
  await Account.update({ displayName, locale }, { where: { id: req.user.id } });
  res.sendStatus(204);
});

// 3. TypeORM: merge the body into a loaded entity.
app.patch('/projects/:id', async (req, res) => {
  const project = await projectRepository.findOneBy({ id: Number(req.params.id) });
  // expect: mass-assignment
  projectRepository.merge(project, req.body);
  res.json(await projectRepository.save(project));
});

// 4. Prisma with the body as data.
app.patch('/posts/:id', async (req, res) => {
  // expect: mass-assignment
  const post = await prisma.post.update({ where: { id: Number(req.params.id) }, data: req.body });
  res.json(post);
});
app.patch('/posts-fixed/:id', async (req, res) => {
  const { title, content } = req.body;
  // ok: mass-assignment
  const post = await prisma.post.update({ where: { id: Number(req.params.id) }, data: { title, content } });
  res.json(post);
});

// 5. Spread of the body into the record.
app.post('/orders', async (req, res) => {
  // expect: mass-assignment
  const order = await prisma.order.create({ data: { ...req.body, userId: req.user.id } });
  res.json(order);
});

// 6. NestJS controller passing an untyped body through.
@Controller('accounts')
export class AccountsController {
  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: any) {
    // expect: mass-assignment
    return prisma.account.update({ where: { id }, data: body });
  }
}

// 7. lodash merge of the body into the user document.
app.patch('/me/profile', async (req, res) => {
  const user = await User.findById(req.user.id);
  // expect: mass-assignment, prototype-pollution
  _.merge(user, req.body);
  await user.save();
  res.json(user);
});
app.patch('/me/profile-fixed', async (req, res) => {
  const user = await User.findById(req.user.id);
  // ok: mass-assignment
  Object.assign(user, _.pick(req.body, ['displayName', 'bio']));
  await user.save();
  res.json(user);
});

// 8. Koa: insert the body as a row.
async function koaCreate(ctx: any) {
  // expect: mass-assignment
  ctx.body = await knex('users').insert(ctx.request.body).returning('*');
}

// 8. lodash's older name for assign, on a settings document.
app.put('/me/settings', async (req, res) => {
  const settings = await Settings.findOne({ owner: req.user.id });
  // expect: mass-assignment
  _.extend(settings, req.body);
  await settings.save();
  res.json(settings);
});
