// src/orders/orders.controller.ts (NestJS): guards on every mutating route but one.
import { Body, Controller, Delete, Get, Param, Post, Put, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from '../auth/roles.guard';
import { Roles } from '../auth/roles.decorator';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  findAll() {
    return this.orders.findAll();
  }

  @Post()
  @UseGuards(AuthGuard('jwt'))
  create(@Body() dto: { item: string; qty: number }) {
    // expect: mass-assignment
    return this.orders.create(dto);
  }

  @Put(':id')
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles('admin')
  update(@Param('id') id: string, @Body() dto: { qty: number }) {
    return this.orders.update(id, dto);
  }

  // Vulnerable: the delete route has no guard.
  @Delete(':id')
  // expect: missing-authorization
  remove(@Param('id') id: string) {
    return this.orders.remove(id);
  }

  // Fixed.
  @Delete('v2/:id')
  @UseGuards(AuthGuard('jwt'), RolesGuard)
  @Roles('admin')
  // ok: missing-authorization
  removeSafe(@Param('id') id: string) {
    return this.orders.remove(id);
  }
}
