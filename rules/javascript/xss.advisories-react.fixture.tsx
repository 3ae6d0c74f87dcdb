// Blind set (more browser): javascript: URLs in href, outerHTML, Vue-less DOM helpers.
import React from 'react';

export function Profile({ website, name }: { website: string; name: string }) {
  // todo-expect: xss
  return <a href={website}>{name}</a>;
}

export function ProfileFixed({ website, name }: { website: string; name: string }) {
  const safe = /^https?:\/\//i.test(website) ? website : '#';
  // ok: xss
  return <a href={safe}>{name}</a>;
}

export function renderRow(table: HTMLTableElement, row: { name: string; email: string }): void {
  const tr = table.insertRow();
  // expect: xss
  tr.innerHTML = `<td>${row.name}</td><td>${row.email}</td>`;
}

export function renderRowFixed(table: HTMLTableElement, row: { name: string; email: string }): void {
  const tr = table.insertRow();
  // ok: xss
  tr.insertCell().textContent = row.name;
  tr.insertCell().textContent = row.email;
}

export function replaceBadge(el: HTMLElement, label: string): void {
  // expect: xss
  el.outerHTML = '<span class="badge">' + label + '</span>';
}

export function onMessage(event: MessageEvent): void {
  // expect: xss
  document.querySelector('#output')!.innerHTML = event.data.html;
}
