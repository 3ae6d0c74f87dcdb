// ok: vulnerable-dependency
import express from 'express';
// expect: vulnerable-dependency
import { template } from 'lodash';
// expect: vulnerable-dependency
import parseArgs from 'minimist';
// ok: vulnerable-dependency
import type { Opts } from 'minimist';
// ok: vulnerable-dependency
import { z } from 'zod';

const options: Opts = { string: ['port'] };
const args = parseArgs(process.argv.slice(2), options);
const Report = z.object({ title: z.string() });

const app = express();
app.get('/report', (_req, res) => {
  const report = Report.parse({ title: 'Monthly' });
  res.send(template('<h1><%- title %></h1>')(report));
});
app.listen(Number(args.port ?? 8080));
