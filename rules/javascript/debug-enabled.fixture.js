// Fixture for debug-enabled: Express and GraphQL servers, a Next.js custom server and an Electron main process, with development switches left on.
const express = require('express');
const errorhandler = require('errorhandler');
const next = require('next');
const { ApolloServer } = require('@apollo/server');
const { app: electronApp, BrowserWindow } = require('electron');

const app = express();

// ---- Development behaviour in production code paths: reported. ----

// expect: debug-enabled
app.use(errorhandler());

// expect: debug-enabled
app.use(express.errorHandler({ dumpExceptions: true, showStack: true }));

// expect: debug-enabled
app.set('env', 'development');

// expect: debug-enabled
app.set('showStackError', true);

// expect: debug-enabled
app.enable('verbose errors');

// expect: debug-enabled
process.env.NODE_ENV = 'development';

// expect: debug-enabled
const nextApp = next({ dev: true });

const apollo = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
  // expect: debug-enabled
  includeStacktraceInErrorResponses: true,
});

const legacyApollo = new ApolloServer({
  typeDefs: 'type Query { ping: String }',
  // expect: debug-enabled
  debug: true,
});

function createWindow() {
  const win = new BrowserWindow({ width: 1200, height: 800 });
  win.loadFile('index.html');
  // expect: debug-enabled
  win.webContents.openDevTools();
  return win;
}

// ---- Development-only or switched off: quiet. ----

if (process.env.NODE_ENV === 'development') {
  // ok: debug-enabled
  app.use(errorhandler());
}

if (app.get('env') === 'development') {
  // ok: debug-enabled
  app.use(errorhandler({ log: true }));
}

// ok: debug-enabled
const devAware = next({ dev: process.env.NODE_ENV !== 'production' });

const quietApollo = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  // ok: debug-enabled
  includeStacktraceInErrorResponses: false,
});

const envApollo = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  // ok: debug-enabled
  includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production',
});

function createDevWindow() {
  const win = new BrowserWindow({ width: 1200, height: 800 });
  // ok: debug-enabled
  if (!electronApp.isPackaged) win.webContents.openDevTools();
  return win;
}

// ok: debug-enabled
app.set('env', process.env.NODE_ENV || 'production');

// ok: debug-enabled
app.set('trust proxy', true);

// A logger option, not a debug mode.
const logger = require('pino')({
  // ok: debug-enabled
  debug: true,
});

// ok: debug-enabled
const isDevelopment = process.env.NODE_ENV === 'development';

describe('error pages', () => {
  it('shows stacks in tests', () => {
    // ok: debug-enabled
    const testApp = express().use(errorhandler());
    expect(testApp).toBeDefined();
  });
});

module.exports = { app, nextApp, apollo, legacyApollo, createWindow, devAware, quietApollo, envApollo, createDevWindow, logger, isDevelopment };
