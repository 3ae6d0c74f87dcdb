// Real-world shapes for error-details-exposed: stacks and exception messages sent to the client, and the generic-response fixes.
const express = require('express');
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  try {
    res.json(await findUser(req.params.id));
  } catch (err) {
    // expect: error-details-exposed
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});

router.get('/users-fixed/:id', async (req, res) => {
  try {
    res.json(await findUser(req.params.id));
  } catch (err) {
    req.log.error({ err }, 'findUser failed');
    // ok: error-details-exposed
    res.status(500).json({ error: 'Internal server error' });
  }
});

router.post('/orders', async (req, res) => {
  try {
    res.json(await createOrder(req.body));
  } catch (e) {
    // expect: error-details-exposed
    res.status(500).send(e.toString());
  }
});

router.post('/import', async (req, res) => {
  try {
    await runImport(req.body);
    res.sendStatus(204);
  } catch (error) {
    // expect: error-details-exposed
    res.status(400).send({ message: 'Import failed', details: error });
  }
});

// The last-resort error middleware.
// eslint-disable-next-line no-unused-vars
function errorMiddleware(err, req, res, next) {
  // expect: error-details-exposed
  res.status(err.status || 500).send(`<pre>${err.stack}</pre>`);
}

function errorMiddlewareFixed(err, req, res, next) {
  console.error(err);
  // ok: error-details-exposed
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal Server Error' });
}

router.get('/health', async (req, res) => {
  try {
    await pingDb();
    res.send('ok');
  } catch (err) {
    // expect: error-details-exposed
    res.status(503).json({ status: 'down', error: err.message });
  }
});

// Validation errors written for the client: quiet.
router.post('/signup', async (req, res) => {
  const { error } = validateSignup(req.body);
  // ok: error-details-exposed
  if (error) return res.status(400).json({ error: error.details[0].message });
  res.sendStatus(201);
});

async function findUser() {}
async function createOrder() {}
async function runImport() {}
async function pingDb() {}
function validateSignup() { return {}; }
// Fastify
async function fastifyRoutes(fastify) {
  fastify.get('/reports/:id', async (request, reply) => {
    try {
      return await buildReport(request.params.id);
    } catch (err) {
      // expect: error-details-exposed
      reply.code(500).send({ error: err.message, stack: err.stack });
    }
  });
}

// Koa
async function koaErrors(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    // expect: error-details-exposed
    ctx.body = { message: err.message, stack: err.stack };
  }
}

async function koaErrorsFixed(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    // ok: error-details-exposed
    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };
  }
}

router.delete('/items/:id', (req, res) => {
  deleteItem(req.params.id)
    .then(() => res.sendStatus(204))
    // expect: error-details-exposed
    .catch((err) => res.status(500).send(err));
});

// Next.js route handler.
async function nextGet(NextResponse) {
  try {
    return NextResponse.json(await findUser());
  } catch (error) {
    // expect: error-details-exposed
    return NextResponse.json({ error: error.message }, { status: 500 });
  }
}

// A GraphQL server that formats every error with its stack.
const graphqlOptions = {
  // expect: error-details-exposed
  formatError: (err) => ({ message: err.message, stack: err.stack }),
};

const graphqlOptionsFixed = {
  // ok: error-details-exposed
  formatError: (err) => (process.env.NODE_ENV === 'production' ? { message: 'Internal server error' } : { message: err.message, stack: err.stack }),
};

async function buildReport() {}
async function deleteItem() {}
module.exports = { router, errorMiddleware, errorMiddlewareFixed, nextGet, graphqlOptions, graphqlOptionsFixed };
