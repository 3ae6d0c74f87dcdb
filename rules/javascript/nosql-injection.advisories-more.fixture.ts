// Blind set (more): NestJS services, $regex from input, $where templates, update operators.
import { Controller, Get, Post, Body, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Router } from 'express';

interface UserDoc { email: string; name: string; age: number }

@Controller('users')
export class UsersController {
  constructor(@InjectModel('User') private readonly users: Model<UserDoc>) {}

  @Post('login')
  async login(@Body() body: { email: string; password: string }) {
    // expect: nosql-injection
    return this.users.findOne({ email: body.email, password: body.password });
  }

  @Post('login-safe')
  async loginSafe(@Body() body: { email: string; password: string }) {
    // ok: nosql-injection
    return this.users.findOne({ email: { $eq: String(body.email) }, password: { $eq: String(body.password) } });
  }

  @Get('search')
  async search(@Query('q') q: string) {
    // expect: nosql-injection
    return this.users.find({ name: { $regex: q, $options: 'i' } });
  }
}

export const router = Router();

router.get('/older', async (req, res) => {
  const db = req.app.locals.db;
  // expect: nosql-injection
  const docs = await db.collection('users').find({ $where: `this.age > ${req.query.age}` }).toArray();
  res.json(docs);
});

router.get('/older2', async (req, res) => {
  const db = req.app.locals.db;
  // ok: nosql-injection
  const docs = await db.collection('users').find({ age: { $gt: Number(req.query.age) } }).toArray();
  res.json(docs);
});

router.post('/users/:id', async (req, res) => {
  const db = req.app.locals.db;
  // expect: mass-assignment
  // todo-expect: nosql-injection
  await db.collection('users').updateOne({ _id: req.params.id }, req.body);
  res.sendStatus(204);
});
