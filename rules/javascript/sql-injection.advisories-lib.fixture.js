// Blind set (more): sqlite, mssql, Sequelize literal, knex raw in a repository layer.
'use strict';
const sqlite3 = require('sqlite3');
const sql = require('mssql');
const { Sequelize } = require('sequelize');
const express = require('express');

const db = new sqlite3.Database('app.db');
const app = express();

app.get('/notes', (req, res) => {
  // expect: sql-injection
  db.all("SELECT * FROM notes WHERE owner = '" + req.query.owner + "'", (err, rows) => res.json(rows));
});

app.get('/notes2', (req, res) => {
  // ok: sql-injection
  db.all('SELECT * FROM notes WHERE owner = ?', [req.query.owner], (err, rows) => res.json(rows));
});

app.post('/rename', async (req, res) => {
  const request = new sql.Request();
  // expect: sql-injection
  await request.query(`UPDATE files SET name = '${req.body.name}' WHERE id = ${req.body.id}`);
  res.sendStatus(204);
});

app.post('/rename2', async (req, res) => {
  const request = new sql.Request();
  request.input('name', sql.NVarChar, req.body.name);
  request.input('id', sql.Int, req.body.id);
  // ok: sql-injection
  await request.query('UPDATE files SET name = @name WHERE id = @id');
  res.sendStatus(204);
});

function postsWithLikes(PostModel, userId) {
  return PostModel.findAll({
    attributes: {
      // expect: sql-injection
      include: [[Sequelize.literal(`(SELECT COUNT(*) FROM likes WHERE likes.postId = Post.id AND likes.userId = ${userId})`), 'liked']],
    },
  });
}

function postsWithLikesFixed(PostModel, sequelize, userId) {
  return PostModel.findAll({
    attributes: {
      // ok: sql-injection
      include: [[Sequelize.literal(`(SELECT COUNT(*) FROM likes WHERE likes.postId = Post.id AND likes.userId = ${sequelize.escape(userId)})`), 'liked']],
    },
  });
}

class UserRepository {
  constructor(knex) { this.knex = knex; }

  search(term, orderBy) {
    // todo-expect: sql-injection
    return this.knex('users').where('name', 'like', `%${term}%`).orderByRaw(orderBy);
  }

  searchFixed(term, orderBy) {
    const column = ['name', 'created_at'].includes(orderBy) ? orderBy : 'name';
    // ok: sql-injection
    return this.knex('users').where('name', 'like', `%${term}%`).orderBy(column);
  }

  byIds(ids) {
    // expect: sql-injection
    return this.knex.raw(`SELECT * FROM users WHERE id IN (${ids})`);
  }

  byIdsFixed(ids) {
    // ok: sql-injection
    return this.knex.raw(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  }
}

// paging helper
function paginate(baseSql, page, size) {
  // todo-expect: sql-injection
  return `${baseSql} LIMIT ${size} OFFSET ${(page - 1) * size}`;
}

function paginateFixed(baseSql, page, size) {
  // ok: sql-injection
  return `${baseSql} LIMIT ${parseInt(size, 10)} OFFSET ${(parseInt(page, 10) - 1) * parseInt(size, 10)}`;
}

module.exports = { app, postsWithLikes, postsWithLikesFixed, UserRepository, paginate, paginateFixed };
