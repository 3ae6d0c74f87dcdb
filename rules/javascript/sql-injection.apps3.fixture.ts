// src/repositories/*.ts: TypeORM, pg and mysql2 with both the vulnerable and the patched code.
import { Request, Response } from 'express';
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import format from 'pg-format';
import { AppDataSource } from '../data-source';

const pool = new Pool();
const conn = mysql.createPool({ uri: process.env.MYSQL_URL });

// Vulnerable: TypeORM query builder with an interpolated where.
export async function byEmail(req: Request, res: Response) {
  const user = await AppDataSource.getRepository('User')
    .createQueryBuilder('user')
    // expect: sql-injection
    .where(`user.email = '${req.query.email}'`)
    .getOne();
  res.json(user);
}

// Fixed: named parameter.
export async function byEmailSafe(req: Request, res: Response) {
  const user = await AppDataSource.getRepository('User')
    .createQueryBuilder('user')
    // ok: sql-injection
    .where('user.email = :email', { email: req.query.email })
    .getOne();
  res.json(user);
}

// Vulnerable: pg with a template literal.
export async function orders(req: Request, res: Response) {
  // expect: sql-injection
  const { rows } = await pool.query(`SELECT * FROM orders WHERE status = '${req.query.status}' LIMIT 50`);
  res.json(rows);
}

// Fixed: pg-format %L.
export async function ordersSafe(req: Request, res: Response) {
  // ok: sql-injection
  const { rows } = await pool.query(format('SELECT * FROM orders WHERE status = %L LIMIT 50', req.query.status));
  res.json(rows);
}

// Fixed: mysql2 escape.
export async function productsSafe(req: Request, res: Response) {
  // ok: sql-injection
  const [rows] = await conn.query('SELECT * FROM products WHERE category = ' + conn.escape(req.query.category));
  res.json(rows);
}

// Vulnerable: mysql2 execute with concatenated IN list.
export async function many(req: Request, res: Response) {
  const ids = String(req.query.ids);
  // expect: sql-injection
  const [rows] = await conn.execute('SELECT * FROM products WHERE id IN (' + ids + ')');
  res.json(rows);
}

// Fixed: numbers only, and placeholders.
export async function manySafe(req: Request, res: Response) {
  const ids = String(req.query.ids).split(',').map(Number).filter(Number.isInteger);
  // ok: sql-injection
  const [rows] = await conn.execute(`SELECT * FROM products WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  res.json(rows);
}

// Vulnerable: TypeORM raw query in a repository method (library-ish code: parameter from the service).
export class UserRepository {
  async search(term: string) {
    // expect: sql-injection
    return AppDataSource.query(`SELECT id, name FROM users WHERE name ILIKE '%${term}%'`);
  }
  async searchSafe(term: string) {
    // ok: sql-injection
    return AppDataSource.query('SELECT id, name FROM users WHERE name ILIKE $1', [`%${term}%`]);
  }
}
