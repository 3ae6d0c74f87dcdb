// Blind set (more): NestJS guards on siblings, Express app-level routes, passport.authenticate.
import { Controller, Delete, Get, Param, Post, Put, UseGuards, Body } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import express from 'express';
import passport from 'passport';
import { isAuthenticated, isOwner } from './auth';

@Controller('invoices')
export class InvoicesController {
  @Get()
  list() { return []; }

  @Post()
  @UseGuards(AuthGuard('jwt'))
  create(@Body() body: unknown) { return body; }

  @Put(':id')
  @UseGuards(AuthGuard('jwt'))
  update(@Param('id') id: string, @Body() body: unknown) { return { id, body }; }

  @Delete(':id')
  // expect: missing-authorization
  remove(@Param('id') id: string) { return { id }; }

  // ok: missing-authorization
  @Delete('drafts/:id')
  @UseGuards(AuthGuard('jwt'))
  removeDraft(@Param('id') id: string) { return { id }; }
}

export const app = express();
app.get('/api/items', (req, res) => res.json([]));
app.post('/api/items', isAuthenticated, (req, res) => res.status(201).end());
app.put('/api/items/:id', isAuthenticated, isOwner, (req, res) => res.end());
// expect: missing-authorization
app.delete('/api/items/:id', (req, res) => res.status(204).end());
// expect: missing-authorization
app.patch('/api/items/:id/publish', (req, res) => res.end());

const api = express.Router();
api.post('/keys', passport.authenticate('bearer', { session: false }), (req, res) => res.end());
// expect: missing-authorization
api.delete('/keys/:id', (req, res) => res.end());
// ok: missing-authorization
api.delete('/keys2/:id', passport.authenticate('bearer', { session: false }), (req, res) => res.end());
