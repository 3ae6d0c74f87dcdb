// Real-world shapes for missing-authorization in TypeScript: a NestJS controller whose methods carry guards but one, and a Next.js route file.
import { Body, Controller, Delete, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard, Roles } from './roles';

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
