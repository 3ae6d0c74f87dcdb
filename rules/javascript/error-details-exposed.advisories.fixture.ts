// Blind set: stack traces and exception messages sent to the client.
import express, { NextFunction, Request, Response } from 'express';

const app = express();

app.get('/orders/:id', async (req: Request, res: Response) => {
  try {
    res.json(await loadOrder(req.params.id));
  } catch (err) {
    // expect: error-details-exposed
    res.status(500).send((err as Error).stack);
  }
});

app.get('/orders2/:id', async (req: Request, res: Response) => {
  try {
    res.json(await loadOrder(req.params.id));
  } catch (err) {
    console.error(err);
    // ok: error-details-exposed
    res.status(500).json({ error: 'Internal server error' });
  }
});

app.post('/upload', async (req: Request, res: Response) => {
  try {
    await store(req.body);
    res.sendStatus(201);
  } catch (e: any) {
    // expect: error-details-exposed
    res.status(500).json({ error: e.message, stack: e.stack });
  }
});

app.post('/import', async (req: Request, res: Response) => {
  try {
    await store(req.body);
    res.sendStatus(201);
  } catch (error) {
    // expect: error-details-exposed
    res.status(500).json({ error });
  }
});

app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // expect: error-details-exposed
  res.status(500).send(`<pre>${err.stack}</pre>`);
});

app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  const id = Date.now().toString(36);
  console.error(id, err);
  // ok: error-details-exposed
  res.status(500).json({ error: 'Something went wrong', id });
});

async function loadOrder(id: string) { return { id }; }
async function store(body: unknown) { return body; }

export default app;
