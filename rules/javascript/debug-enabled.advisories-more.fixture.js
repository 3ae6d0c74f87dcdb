// Blind set (more): legacy express errorHandler with stacks, GraphQL debug, inspector flags.
'use strict';
const express = require('express');
const { graphqlHTTP } = require('express-graphql');

const app = express();
// expect: debug-enabled
app.use(express.errorHandler({ dumpExceptions: true, showStack: true }));

// expect: error-details-exposed
// todo-expect: debug-enabled
app.use('/graphql', graphqlHTTP({ schema: null, graphiql: true, customFormatErrorFn: (err) => ({ message: err.message, stack: err.stack }) }));
// ok: debug-enabled
app.use('/graphql2', graphqlHTTP({ schema: null, graphiql: process.env.NODE_ENV !== 'production' }));

module.exports = app;
