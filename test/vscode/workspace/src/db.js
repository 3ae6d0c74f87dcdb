// Database access for the API (mysql2 pool).
const mysql = require('mysql2');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: 'shop' });

function findUserByEmail(email) {
  return pool.promise().query('SELECT * FROM users WHERE email = ?', [email]).then(([rows]) => rows[0]);
}

module.exports = { pool, findUserByEmail };
