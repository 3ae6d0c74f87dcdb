// Real-world shapes for csrf-disabled: framework switches and middleware options that turn CSRF checks off, and the fixed settings.
const { ApolloServer } = require('@apollo/server');
const lusca = require('lusca');
const csrf = require('csurf');
const CSRF = require('koa-csrf');

const apollo = new ApolloServer({
  typeDefs: null,
  resolvers: {},
  // expect: csrf-disabled
  csrfPrevention: false,
});

const apolloFixed = new ApolloServer({
  typeDefs: null,
  resolvers: {},
  // ok: csrf-disabled
  csrfPrevention: true,
});

// expect: csrf-disabled
app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN', xssProtection: true }));
// ok: csrf-disabled
app.use(lusca({ csrf: true, xframe: 'SAMEORIGIN', xssProtection: true }));

// Sails: config/security.js
module.exports.security = {
  cors: { allRoutes: false },
  // expect: csrf-disabled
  csrf: false,
};

// expect: csrf-disabled
koaApp.use(new CSRF({ excludedMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'] }));
// ok: csrf-disabled
koaApp.use(new CSRF({ excludedMethods: ['GET', 'HEAD', 'OPTIONS'] }));

// expect: csrf-disabled
const csrfProtection = csrf({ cookie: true, ignoreMethods: ['GET', 'POST'] });
// ok: csrf-disabled
const csrfProtectionFixed = csrf({ cookie: true });

// Strapi / Koa middleware config.
module.exports.middleware = {
  security: {
    // expect: csrf-disabled
    csrf: { enabled: false },
  },
};

module.exports.others = { apollo, apolloFixed, csrfProtection, csrfProtectionFixed };
const app = { use() {} };
const koaApp = { use() {} };
