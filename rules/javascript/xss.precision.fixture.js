// Shapes a reviewer would not report as XSS: tagged templates escape their parts, comparisons build no markup.
import { html } from 'lit';

export function avatar(src, alt) {
  // ok: xss
  return html`<img class="avatar" src="${src}" alt="${alt}">`;
}

export function isLink(kind) {
  // ok: xss
  return kind === 'a href="';
}

export function badge(label) {
  // expect: xss
  return '<span title="' + label + '">' + 'new' + '</span>';
}
