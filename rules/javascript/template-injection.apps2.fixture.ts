// src/mail/render.ts: email templates rendered for the admin UI.
import ejs from 'ejs';
import Handlebars from 'handlebars';
import { Request, Response } from 'express';
import fs from 'fs';

// Vulnerable: subject line template from the request.
export function preview(req: Request, res: Response) {
  const subject = req.body.subject as string;
  // expect: template-injection
  const html = ejs.render(`<h1>${subject}</h1><%- include('footer') %>`, { user: req.body.user }, { filename: 'mail.ejs' });
  res.send(html);
}

// Fixed: the subject is a value.
export function previewSafe(req: Request, res: Response) {
  // ok: template-injection
  const html = ejs.render('<h1><%= subject %></h1>', { subject: req.body.subject });
  res.send(html);
}

// Vulnerable: ejs.compile of a stored template the user edits.
export function compileCustom(req: Request, res: Response) {
  // expect: template-injection
  const fn = ejs.compile(req.body.body, { client: false });
  res.send(fn({ name: 'x' }));
}

// Fixed: the template comes from disk; user data is passed as context.
const tpl = Handlebars.compile(fs.readFileSync('templates/welcome.hbs', 'utf8'));
export function welcome(req: Request, res: Response) {
  // ok: template-injection
  res.send(tpl({ name: req.body.name }));
}
