'use strict';
// core/appHandler.js (DVNA style) and models/user.js: mysql, sequelize, knex and sqlite.
const mysql = require('mysql');
const { Sequelize, QueryTypes } = require('sequelize');
const knex = require('knex')({ client: 'pg' });
const sqlite3 = require('sqlite3');

const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'app' });
const sequelize = new Sequelize(process.env.DATABASE_URL);
const sdb = new sqlite3.Database('app.db');

// Vulnerable: product search.
module.exports.productSearch = function (req, res) {
  // expect: sql-injection
  const query = "SELECT * FROM products WHERE name LIKE '%" + req.body.name + "%'";
  db.query(query, function (err, rows) {
    res.render('app/products', { products: rows });
  });
};

// Fixed: placeholders.
module.exports.productSearchSafe = function (req, res) {
  // ok: sql-injection
  db.query('SELECT * FROM products WHERE name LIKE ?', ['%' + req.body.name + '%'], function (err, rows) {
    res.render('app/products', { products: rows });
  });
};

// Vulnerable: user lookup with sequelize raw query.
module.exports.userLookup = async function (req, res) {
  // expect: sql-injection
  const users = await sequelize.query("SELECT * FROM Users WHERE login = '" + req.query.login + "'", { type: QueryTypes.SELECT });
  res.json(users);
};

// Fixed: replacements.
module.exports.userLookupSafe = async function (req, res) {
  // ok: sql-injection
  const users = await sequelize.query('SELECT * FROM Users WHERE login = :login', { replacements: { login: req.query.login }, type: QueryTypes.SELECT });
  res.json(users);
};

// Vulnerable: knex.raw with a template literal, ordering from the query.
module.exports.listOrders = async function (req, res) {
  // expect: sql-injection
  const rows = await knex.raw(`SELECT * FROM orders WHERE user_id = ${req.user.id} ORDER BY ${req.query.sort}`);
  res.json(rows);
};

// Fixed: sort column from an allow-list, value bound.
const SORTS = { date: 'created_at', total: 'total' };
module.exports.listOrdersSafe = async function (req, res) {
  const col = SORTS[req.query.sort] || 'created_at';
  // ok: sql-injection
  const rows = await knex('orders').where('user_id', req.user.id).orderBy(col);
  res.json(rows);
};

// Vulnerable: knex whereRaw.
module.exports.findByEmail = async function (req, res) {
  // expect: sql-injection
  const user = await knex('users').whereRaw("email = '" + req.body.email + "'").first();
  res.json(user);
};

// Vulnerable: sqlite login (training app login bypass).
module.exports.login = function (req, res) {
  const { username, password } = req.body;
  // expect: sql-injection
  sdb.get(`SELECT * FROM users WHERE username = '${username}' AND password = '${password}'`, (err, row) => {
    if (row) res.redirect('/dashboard'); else res.status(401).send('invalid');
  });
};

// Fixed: bound parameters.
module.exports.loginSafe = function (req, res) {
  const { username, password } = req.body;
  // ok: sql-injection
  sdb.get('SELECT * FROM users WHERE username = ? AND password = ?', [username, password], (err, row) => {
    if (row) res.redirect('/dashboard'); else res.status(401).send('invalid');
  });
};

// Vulnerable: model helper building a query from its arguments (library code).
function deleteWhere(table, column, value) {
  // expect: sql-injection
  return db.query('DELETE FROM ' + table + ' WHERE ' + column + " = '" + value + "'");
}

// Vulnerable: sequelize literal in a where clause.
module.exports.search = async function (req, res) {
  const Product = sequelize.models.Product;
  // expect: sql-injection
  const rows = await Product.findAll({ where: Sequelize.literal(`description LIKE '%${req.query.q}%'`) });
  res.json(rows);
};

module.exports.deleteWhere = deleteWhere;
