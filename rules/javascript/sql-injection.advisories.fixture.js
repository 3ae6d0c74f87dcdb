// Blind set: SQL injection in query builders, ORM raw queries and Express handlers.
'use strict';
const express = require('express');
const mysql = require('mysql');
const { Pool } = require('pg');

const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' });
const pool = new Pool();
const app = express();

app.get('/users/:id', (req, res) => {
  // expect: sql-injection
  db.query('SELECT * FROM users WHERE id = ' + req.params.id, (err, rows) => res.json(rows));
});

app.get('/users2/:id', (req, res) => {
  // ok: sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [req.params.id], (err, rows) => res.json(rows));
});

app.get('/products', async (req, res) => {
  const { q } = req.query;
  // expect: sql-injection
  const { rows } = await pool.query(`SELECT * FROM products WHERE name ILIKE '%${q}%'`);
  res.json(rows);
});

app.get('/products2', async (req, res) => {
  const { q } = req.query;
  // ok: sql-injection
  const { rows } = await pool.query('SELECT * FROM products WHERE name ILIKE $1', [`%${q}%`]);
  res.json(rows);
});

app.get('/orders', async (req, res) => {
  const sort = req.query.sort || 'created_at';
  // expect: sql-injection
  const { rows } = await pool.query('SELECT * FROM orders ORDER BY ' + sort + ' DESC');
  res.json(rows);
});

const SORTABLE = { created: 'created_at', total: 'total' };
app.get('/orders2', async (req, res) => {
  const sort = SORTABLE[req.query.sort] || 'created_at';
  // ok: sql-injection
  const { rows } = await pool.query('SELECT * FROM orders ORDER BY ' + sort + ' DESC');
  res.json(rows);
});

// query builder library: where clause from a filter object
function buildWhere(filters) {
  const clauses = Object.keys(filters).map((key) => `${key} = '${filters[key]}'`);
  // todo-expect: sql-injection
  return clauses.length ? ' WHERE ' + clauses.join(' AND ') : '';
}

function buildWhereFixed(filters) {
  const clauses = Object.keys(filters).map((key) => `${mysql.escapeId(key)} = ${mysql.escape(filters[key])}`);
  // ok: sql-injection
  return clauses.length ? ' WHERE ' + clauses.join(' AND ') : '';
}

class Model {
  constructor(table, conn) { this.table = table; this.conn = conn; }

  findBy(column, value) {
    // expect: sql-injection
    return this.conn.query(`SELECT * FROM ${this.table} WHERE ${column} = '${value}'`);
  }

  findByFixed(column, value) {
    // ok: sql-injection
    return this.conn.query(`SELECT * FROM ?? WHERE ?? = ?`, [this.table, column, value]);
  }

  deleteIn(ids) {
    // expect: sql-injection
    return this.conn.query('DELETE FROM ' + this.table + ' WHERE id IN (' + ids.join(',') + ')');
  }

  deleteInFixed(ids) {
    // ok: sql-injection
    return this.conn.query('DELETE FROM ?? WHERE id IN (?)', [this.table, ids.map(Number)]);
  }
}

module.exports = { app, buildWhere, buildWhereFixed, Model };
