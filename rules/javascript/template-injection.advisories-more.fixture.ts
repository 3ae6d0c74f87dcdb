// Blind set (more): template strings stored by users, mustache partials, ejs with user template file.
import Handlebars from 'handlebars';
import ejs from 'ejs';
import Mustache from 'mustache';
import type { Request, Response } from 'express';

export async function renderEmail(req: Request, res: Response) {
  const { subject, bodyTemplate } = req.body as { subject: string; bodyTemplate: string };
  // expect: template-injection
  const html = ejs.render(bodyTemplate, { user: (req as any).user, subject });
  res.send(html);
}

export async function renderEmailFixed(req: Request, res: Response) {
  const { subject } = req.body as { subject: string };
  // ok: template-injection
  const html = await ejs.renderFile('views/email.ejs', { user: (req as any).user, subject });
  res.send(html);
}

export function renderWidget(req: Request, res: Response) {
  // expect: template-injection
  const tpl = Handlebars.compile(`<div class="widget">${req.query.title}</div>`);
  res.send(tpl({}));
}

export function renderWidgetFixed(req: Request, res: Response) {
  const tpl = Handlebars.compile('<div class="widget">{{title}}</div>');
  // ok: template-injection
  res.send(tpl({ title: req.query.title }));
}

export function renderMustache(req: Request, res: Response) {
  // ok: template-injection
  res.send(Mustache.render('Hello {{name}}', { name: req.query.name }));
}
