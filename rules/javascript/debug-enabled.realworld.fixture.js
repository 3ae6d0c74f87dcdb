// Real-world shapes for debug-enabled: development error pages and debug switches left on in production code, and the guarded fixes.
const express = require('express');
const errorhandler = require('errorhandler');

const app = express();

// expect: debug-enabled
app.use(errorhandler());

if (process.env.NODE_ENV === 'development') {
  // ok: debug-enabled
  app.use(errorhandler());
}

// expect: debug-enabled
app.set('env', 'development');

// expect: debug-enabled
app.use(errorhandler({ dumpExceptions: true, showStack: true }));

const { ApolloServer } = require('apollo-server-express');
const server = new ApolloServer({
  typeDefs: null,
  resolvers: {},
  // expect: debug-enabled
  debug: true,
});

const serverFixed = new ApolloServer({
  typeDefs: null,
  resolvers: {},
  // ok: debug-enabled
  debug: process.env.NODE_ENV !== 'production',
});

// Express 2/3 era error handler.
// expect: debug-enabled
app.use(express.errorHandler({ dumpExceptions: true, showStack: true }));

// A server script forcing the development mode.
// expect: debug-enabled
process.env.NODE_ENV = 'development';

const next = require('next');
// expect: debug-enabled
const nextApp = next({ dev: true });
// ok: debug-enabled
const nextAppFixed = next({ dev: process.env.NODE_ENV !== 'production' });

module.exports = { app, server, serverFixed };
