import express from 'express';
import mysql from 'mysql2';
import knexFactory from 'knex';
import { Sequelize, QueryTypes } from 'sequelize';
import { PrismaClient } from '@prisma/client';

const app = express();
const connection = mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' });
const knex = knexFactory({ client: 'mysql2' });
const sequelize = new Sequelize(process.env.DATABASE_URL);
const prisma = new PrismaClient();
const USERS_TABLE = 'users';

app.get('/users', (req, res) => {
  // expect: sql-injection
  connection.query('SELECT * FROM users WHERE name = ?', [req.query.name], (err, rows) => {
    res.json(rows);
  });
});

app.get('/products/search', (req, res) => {
  const term = req.query.q;
  // expect: sql-injection
  const sql = "SELECT id, title FROM products WHERE title LIKE '%" + term + "%'";
  connection.query(sql, (err, rows) => res.json(rows));
});

app.get('/orders', async (req, res) => {
  const { status, sort } = req.query;
  let query = 'SELECT * FROM orders WHERE 1=1';
  // expect: sql-injection
  if (status) query += ` AND status = '${status}'`;
  // expect: sql-injection
  if (sort) query += ' ORDER BY ' + sort;
  const [rows] = await connection.promise().query(query);
  res.json(rows);
});

app.delete('/items/:id', async (req, res) => {
  // expect: sql-injection
  await knex.raw('DELETE FROM items WHERE id = ?', [req.params.id]);
  res.sendStatus(204);
});

app.get('/report', async (req, res) => {
  const rows = await knex('sales')
    // expect: sql-injection
    .whereRaw('region = ?', [req.query.region])
    .select('*');
  res.json(rows);
});

export async function findUserByEmail(email: string) {
  // expect: sql-injection
  return sequelize.query(`SELECT * FROM users WHERE email = '${email}'`, { type: QueryTypes.SELECT });
}

export async function countRows(table: string) {
  // An identifier by name in a library function: escaping it is the caller's job, so only request data raises it.
  // ok: sql-injection
  const [rows] = await connection.promise().query(`SELECT COUNT(*) AS n FROM ${table}`);
  return rows;
}

export class UserRepository {
  constructor(private readonly db: any) {}

  async search(name: string) {
    // expect: sql-injection
    return this.db.query('SELECT * FROM users WHERE name LIKE ?', [`%${name}%`]);
  }

  async byRole(role: string) {
    return this.db
      .createQueryBuilder('user')
      // expect: sql-injection
      .where(`user.role = '${role}'`)
      .getMany();
  }
}

export async function rawPrisma(id: string) {
  // expect: sql-injection
  return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = '${id}'`);
}

app.post('/login', (req, res) => {
  const { username, password } = req.body;
  // expect: sql-injection
  const q = 'SELECT * FROM accounts WHERE username = "' + username + '" AND password = "' + password + '"';
  connection.query(q, (err, rows) => res.json({ ok: rows.length > 0 }));
});

export function deleteByIds(ids: string[]) {
  // expect: sql-injection
  return connection.promise().query(`DELETE FROM sessions WHERE id IN (${ids.join(',')})`);
}

// ---- negatives ----

app.get('/users/:id', (req, res) => {
  // ok: sql-injection
  connection.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));
});

app.get('/users/by-name', async (req, res) => {
  // ok: sql-injection
  const [rows] = await connection.promise().execute(`SELECT * FROM ${USERS_TABLE} WHERE name = ?`, [req.query.name]);
  res.json(rows);
});

export async function page(limit: number, offset: number) {
  // ok: sql-injection
  return connection.promise().query(`SELECT * FROM posts ORDER BY created_at DESC LIMIT ${limit} OFFSET ${offset}`);
}

app.get('/posts', async (req, res) => {
  const limit = parseInt(req.query.limit as string, 10) || 20;
  // ok: sql-injection
  const [rows] = await connection.promise().query(`SELECT * FROM posts LIMIT ${limit}`);
  res.json(rows);
});

export async function byIds(ids: number[]) {
  const marks = ids.map(() => '?').join(', ');
  // ok: sql-injection
  return connection.promise().query(`SELECT * FROM products WHERE id IN (${marks})`, ids);
}

export async function sorted(sort: string) {
  const column = ['name', 'price', 'created_at'].includes(sort) ? sort : 'name';
  // ok: sql-injection
  return connection.promise().query(`SELECT * FROM products ORDER BY ${column}`);
}

export async function escaped(name: string) {
  // ok: sql-injection
  return connection.promise().query('SELECT * FROM users WHERE name = ' + connection.escape(name));
}

export async function knexSafe(region: string) {
  // ok: sql-injection
  return knex('sales').whereRaw('region = ?', [region]);
}

export async function prismaTagged(email: string) {
  // ok: sql-injection
  return prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;
}

export function cacheGet(cache: Map<string, string>, key: string) {
  // ok: sql-injection
  return cache.get(`user:${key}`);
}

export async function allDone(tasks: Promise<unknown>[], label: string) {
  // ok: sql-injection
  return Promise.all(tasks.map((t) => t.then(() => `${label} select from done`)));
}

export async function apiCall(http: any, id: string) {
  // ok: sql-injection
  return http.get(`/api/select/from/${id}`);
}

export function logQuery(logger: any, table: string) {
  // ok: sql-injection
  logger.info(`SELECT * FROM ${table} took too long`);
}

export async function sequelizeSafe(email: string) {
  // ok: sql-injection
  return sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email }, type: QueryTypes.SELECT });
}

export async function validatedDirection(direction: string) {
  if (direction !== 'ASC' && direction !== 'DESC') throw new Error('bad direction');
  // ok: sql-injection
  return connection.promise().query(`SELECT * FROM posts ORDER BY created_at ${direction}`);
}

describe('users table', () => {
  it('finds seeded users', async () => {
    const name = 'alice';
    // ok: sql-injection
    await connection.promise().query(`SELECT * FROM users WHERE name = '${name}'`);
  });
});

export async function insertMany(rows: { name: string }[]) {
  const values = rows.map((_, i) => `($${i + 1})`).join(', ');
  // ok: sql-injection
  return connection.promise().query(`INSERT INTO tags (name) VALUES ${values}`, rows.map((r) => r.name));
}

interface Account {
  id: number;
  email: string;
}

// Type arguments on the call (`query<Row>(…)`), which the TypeScript grammar reads together with a leading `await`.
app.get('/accounts/:id', async (req, res) => {
  // expect: sql-injection
  const [rows] = await connection.promise().query<Account[]>('SELECT * FROM accounts WHERE id = ' + req.params.id);
  res.json(rows);
});

app.get('/accounts', async (req, res) => {
  // expect: sql-injection
  const found = await prisma.$queryRawUnsafe<Account[]>(`SELECT * FROM accounts WHERE email = '${req.query.email}'`);
  res.json(found);
});

app.get('/accounts/by-email', async (req, res) => {
  // ok: sql-injection
  const [rows] = await connection.promise().query<Account[]>('SELECT * FROM accounts WHERE email = ?', [req.query.email]);
  res.json(rows);
});
