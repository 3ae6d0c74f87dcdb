// Blind set: development error pages and debug switches left on.
'use strict';
const express = require('express');
const errorhandler = require('errorhandler');
const { ApolloServer } = require('apollo-server-express');

const app = express();

// expect: debug-enabled
app.use(errorhandler());

if (process.env.NODE_ENV === 'development') {
  // ok: debug-enabled
  app.use(errorhandler());
}

// expect: debug-enabled
const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: {}, debug: true });
// ok: debug-enabled
const serverFixed = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: {}, debug: process.env.NODE_ENV !== 'production' });

app.use((err, req, res, next) => {
  res.status(500);
  // expect: error-details-exposed
  // todo-expect: debug-enabled
  res.render('error', { message: err.message, error: err });
});

module.exports = { app, server, serverFixed };
