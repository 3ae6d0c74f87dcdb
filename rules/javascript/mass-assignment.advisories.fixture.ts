// Blind set: mass assignment with Mongoose, Sequelize and Prisma.
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { User } from './models/user';
import { Account } from './models/account';

const prisma = new PrismaClient();
export const router = Router();

router.post('/register', async (req, res) => {
  // expect: mass-assignment
  const user = await User.create(req.body);
  res.status(201).json(user);
});

router.post('/register2', async (req, res) => {
  const { email, name, password } = req.body;
  // ok: mass-assignment
  const user = await User.create({ email, name, password });
  res.status(201).json(user);
});

router.put('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  // expect: mass-assignment
  Object.assign(user, req.body);
  await user.save();
  res.json(user);
});

router.patch('/users/:id', async (req, res) => {
  // expect: mass-assignment
  const user = await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(user);
});

router.patch('/users2/:id', async (req, res) => {
  const { name, bio } = req.body;
  // ok: mass-assignment
  const user = await User.findByIdAndUpdate(req.params.id, { name, bio }, { new: true });
  res.json(user);
});

router.put('/accounts/:id', async (req, res) => {
  // expect: mass-assignment
  await Account.update({ ...req.body }, { where: { id: req.params.id } });
  res.sendStatus(204);
});

router.put('/profile', async (req, res) => {
  // expect: mass-assignment
  const profile = await prisma.profile.update({ where: { userId: req.user.id }, data: req.body });
  res.json(profile);
});

router.put('/profile2', async (req, res) => {
  // ok: mass-assignment
  const profile = await prisma.profile.update({ where: { userId: req.user.id }, data: { displayName: req.body.displayName } });
  res.json(profile);
});
