// Blind set: SQL injection through Sequelize, Knex, TypeORM and Prisma raw APIs.
import { Request, Response, Router } from 'express';
import { QueryTypes, Sequelize } from 'sequelize';
import knexFactory from 'knex';
import { DataSource } from 'typeorm';
import { PrismaClient } from '@prisma/client';

const sequelize = new Sequelize(process.env.DATABASE_URL as string);
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
const prisma = new PrismaClient();
export const router = Router();

router.post('/login', async (req: Request, res: Response) => {
  const { email } = req.body;
  // expect: sql-injection
  const users = await sequelize.query(`SELECT * FROM users WHERE email = '${email}'`, { type: QueryTypes.SELECT });
  res.json(users);
});

router.post('/login2', async (req: Request, res: Response) => {
  const { email } = req.body;
  // ok: sql-injection
  const users = await sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email }, type: QueryTypes.SELECT });
  res.json(users);
});

router.get('/reports', async (req: Request, res: Response) => {
  // expect: sql-injection
  const rows = await knex('reports').whereRaw(`owner = '${req.query.owner}'`);
  res.json(rows);
});

router.get('/reports2', async (req: Request, res: Response) => {
  // ok: sql-injection
  const rows = await knex('reports').whereRaw('owner = ?', [String(req.query.owner)]);
  res.json(rows);
});

router.get('/stats', async (req: Request, res: Response) => {
  // expect: sql-injection
  const rows = await knex.raw('SELECT count(*) FROM events GROUP BY ' + req.query.groupBy);
  res.json(rows);
});

router.get('/members', async (req: Request, res: Response) => {
  const name = req.query.name as string;
  // expect: sql-injection
  const rows = await dataSource.getRepository('Member').createQueryBuilder('m').where(`m.name LIKE '%${name}%'`).getMany();
  res.json(rows);
});

router.get('/members2', async (req: Request, res: Response) => {
  const name = req.query.name as string;
  // ok: sql-injection
  const rows = await dataSource.getRepository('Member').createQueryBuilder('m').where('m.name LIKE :name', { name: `%${name}%` }).getMany();
  res.json(rows);
});

router.get('/posts/:id', async (req: Request, res: Response) => {
  // expect: sql-injection
  const post = await prisma.$queryRawUnsafe(`SELECT * FROM "Post" WHERE id = ${req.params.id}`);
  res.json(post);
});

router.get('/posts2/:id', async (req: Request, res: Response) => {
  // ok: sql-injection
  const post = await prisma.$queryRaw`SELECT * FROM "Post" WHERE id = ${req.params.id}`;
  res.json(post);
});

export async function countBy(table: string, column: string, value: string): Promise<number> {
  // expect: sql-injection
  const [row] = await sequelize.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = '${value}'`, { type: QueryTypes.SELECT });
  return Number((row as { n: number }).n);
}
