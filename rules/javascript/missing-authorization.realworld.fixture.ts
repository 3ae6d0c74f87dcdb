// Real-world shapes for missing-authorization in TypeScript: a NestJS controller whose methods carry guards but one, a Next.js route file, and a typed Express router.
import { Body, Controller, Delete, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard, Roles } from './roles';
import express from 'express';
import { requireAuth } from './auth';
import { orders } from './orders';

declare const users: { find(): unknown; update(id: string, dto: unknown): unknown; remove(id: string): unknown; create(dto: unknown): unknown };

@Controller('users')
export class UsersController {
  @UseGuards(AuthGuard('jwt'))
  @Get()
  // ok: missing-authorization
  findAll() {
    return users.find();
  }

  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles('admin')
  @Patch(':id')
  // ok: missing-authorization
  update(@Param('id') id: string, @Body() dto: unknown) {
    return users.update(id, dto);
  }

  @Delete(':id')
  // expect: missing-authorization
  remove(@Param('id') id: string) {
    return users.remove(id);
  }
}

// A typed Express router: TypeScript's type arguments on the registration calls.
const ordersRouter = express.Router();

ordersRouter.post<{ id: string }>('/orders/:id/cancel', requireAuth, async (req, res) => {
  res.json(await orders.cancel(req.params.id));
});

ordersRouter.put<{ id: string }>('/orders/:id', requireAuth, async (req, res) => {
  res.json(await orders.update(req.params.id, req.body));
});

// expect: missing-authorization
ordersRouter.delete<{ id: string }>('/orders/:id', async (req, res) => {
  res.json(await orders.remove(req.params.id));
});
