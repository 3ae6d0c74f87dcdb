// Real-world shapes of SQL injection (drivers, ORMs, query builders; Express, Koa, NestJS, libraries) each followed by its fix.
import express from 'express';
import Router from '@koa/router';
import mysql from 'mysql';
import { Pool } from 'pg';
import { Sequelize, QueryTypes } from 'sequelize';
import knexFactory from 'knex';
import { PrismaClient, Prisma } from '@prisma/client';
import { Controller, Get, Query, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
declare const mysqlPool: any;

const app = express();
const router = new Router();
const connection = mysql.createConnection({ host: 'localhost' });
const pool = new Pool();
const sequelize = new Sequelize('sqlite::memory:');
const knex = knexFactory({ client: 'pg' });
const prisma = new PrismaClient();

// 1. Express + mysql, id concatenated.
app.get('/users/:id', (req, res) => {
  // expect: sql-injection
  connection.query('SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => res.json(rows));
});
app.get('/users-fixed/:id', (req, res) => {
  // ok: sql-injection
  connection.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));
});

// 2. A data-access library function with pg and a template literal.
export async function ordersOf(userId: string, status: string) {
  // expect: sql-injection
  const { rows } = await pool.query(`SELECT * FROM orders WHERE user_id = '${userId}' AND status = '${status}'`);
  return rows;
}
export async function ordersOfFixed(userId: string, status: string) {
  // ok: sql-injection
  const { rows } = await pool.query('SELECT * FROM orders WHERE user_id = $1 AND status = $2', [userId, status]);
  return rows;
}

// 3. Sequelize raw query with a LIKE search, statement spread over lines.
app.get('/search', async (req, res) => {
  const results = await sequelize.query(
    // expect: sql-injection
    `SELECT id, title FROM products WHERE title LIKE '%${req.query.q}%'`,
    { type: QueryTypes.SELECT },
  );
  res.json(results);
});
app.get('/search-fixed', async (req, res) => {
  const results = await sequelize.query(
    // ok: sql-injection
    'SELECT id, title FROM products WHERE title LIKE :q',
    { replacements: { q: `%${req.query.q}%` }, type: QueryTypes.SELECT },
  );
  res.json(results);
});

// 4. knex whereRaw in a repository class.
export class UserRepository {
  findByName(name: string) {
    // expect: sql-injection
    return knex('users').whereRaw(`lower(name) = lower('${name}')`).first();
  }
  findByNameFixed(name: string) {
    // ok: sql-injection
    return knex('users').whereRaw('lower(name) = lower(?)', [name]).first();
  }
}

// 5. Koa: ORDER BY from the query string.
router.get('/posts', async (ctx) => {
  const sort = ctx.query.sort;
  // expect: sql-injection
  ctx.body = await pool.query(`SELECT * FROM posts ORDER BY ${sort} DESC`);
});
router.get('/posts-fixed', async (ctx) => {
  const sort = ['created_at', 'title'].includes(String(ctx.query.sort)) ? ctx.query.sort : 'created_at';
  // ok: sql-injection
  ctx.body = await pool.query(`SELECT * FROM posts ORDER BY ${sort} DESC`);
});

// 6. A statement built across lines with +=, run later.
export function updateEmail(db: any, id: string, email: string) {
  let sql = 'UPDATE users SET ';
  // expect: sql-injection
  sql += "email = '" + email + "'";
  // expect: sql-injection
  sql += ' WHERE id = ' + id;
  return db.run(sql);
}
export function updateEmailFixed(db: any, id: string, email: string) {
  // ok: sql-injection
  return db.run('UPDATE users SET email = ? WHERE id = ?', [email, id]);
}

// 7. Prisma's unsafe raw query.
export async function countByTenant(tenant: string) {
  // expect: sql-injection
  return prisma.$queryRawUnsafe(`SELECT count(*) FROM "Invoice" WHERE tenant = '${tenant}'`);
}
export async function countByTenantFixed(tenant: string) {
  // ok: sql-injection
  return prisma.$queryRaw`SELECT count(*) FROM "Invoice" WHERE tenant = ${tenant}`;
}

// 8. NestJS controller with TypeORM.
@Controller('reports')
export class ReportsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  list(@Query('from') from: string) {
    // expect: sql-injection
    return this.dataSource.query(`SELECT * FROM reports WHERE created_at >= '${from}'`);
  }

  @Get(':id')
  one(@Param('id') id: string) {
    // ok: sql-injection
    return this.dataSource.query('SELECT * FROM reports WHERE id = $1', [id]);
  }

  byAuthor(author: string) {
    return this.dataSource
      .createQueryBuilder()
      .select('r')
      .from('reports', 'r')
      // expect: sql-injection
      .where(`r.author = '${author}'`)
      .getMany();
  }

  byAuthorFixed(author: string) {
    return this.dataSource
      .createQueryBuilder()
      .select('r')
      .from('reports', 'r')
      // ok: sql-injection
      .where('r.author = :author', { author })
      .getMany();
  }
}

// 9. mysql.escape: the fix in older code bases.
app.post('/login', (req, res) => {
  const { user } = req.body;
  // ok: sql-injection
  connection.query('SELECT * FROM accounts WHERE user = ' + mysql.escape(user), (err, rows) => res.json(rows));
});

// 10. hapi: the payload into a query.
export const hapiRoute = {
  method: 'POST',
  path: '/notes',
  handler: async (request: any) => {
    // expect: sql-injection
    return pool.query(`INSERT INTO notes (body) VALUES ('${request.payload.body}')`);
  },
};
export const hapiRouteFixed = {
  method: 'POST',
  path: '/notes-fixed',
  handler: async (request: any) => {
    // ok: sql-injection
    return pool.query('INSERT INTO notes (body) VALUES ($1)', [request.payload.body]);
  },
};

// 11. A Lambda behind API Gateway.
export const handler = async (event: any) => {
  const { email } = JSON.parse(event.body);
  // expect: sql-injection
  const [rows] = await mysqlPool.query("SELECT id FROM subscribers WHERE email = '" + email + "'");
  return { statusCode: 200, body: JSON.stringify(rows) };
};

// 12. A Next.js API route.
export default async function apiHandler(req: any, res: any) {
  // expect: sql-injection
  const result = await pool.query(`DELETE FROM sessions WHERE token = '${req.cookies.session}'`);
  res.status(200).json({ deleted: result.rowCount });
}

// 13. Escaping quotes by hand is the fix some projects shipped: still not a parameter.
export async function findByTitle(title: string) {
  // expect: sql-injection
  return pool.query("SELECT * FROM books WHERE title = '" + title.replace(/'/g, "''") + "'");
}

// 14. A query wrapper, and a route handing it SQL built from the request.
async function runQuery(text: string) {
  const { rows } = await pool.query(text);
  return rows;
}
app.get('/invoices', async (req, res) => {
  // expect: sql-injection
  res.json(await runQuery(`SELECT * FROM invoices WHERE customer = '${req.query.customer}'`));
});
async function runQueryFixed(text: string, values: unknown[]) {
  const { rows } = await pool.query(text, values);
  return rows;
}
app.get('/invoices-fixed', async (req, res) => {
  // ok: sql-injection
  res.json(await runQueryFixed('SELECT * FROM invoices WHERE customer = $1', [req.query.customer]));
});
