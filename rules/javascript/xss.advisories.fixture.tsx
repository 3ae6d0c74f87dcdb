// Blind set: XSS in browser code: innerHTML, dangerouslySetInnerHTML, document.write, jQuery html().
import React from 'react';
import DOMPurify from 'dompurify';
import $ from 'jquery';

export function Comment({ body, author }: { body: string; author: string }) {
  return (
    <div className="comment">
      <b>{author}</b>
      {/* expect: xss */}
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </div>
  );
}

export function CommentFixed({ body, author }: { body: string; author: string }) {
  return (
    <div className="comment">
      <b>{author}</b>
      {/* ok: xss */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(body) }} />
    </div>
  );
}

export function showToast(message: string): void {
  const el = document.createElement('div');
  el.className = 'toast';
  // expect: xss
  el.innerHTML = '<span class="icon"></span>' + message;
  document.body.appendChild(el);
}

export function showToastFixed(message: string): void {
  const el = document.createElement('div');
  el.className = 'toast';
  const text = document.createElement('span');
  // ok: xss
  text.textContent = message;
  el.appendChild(text);
  document.body.appendChild(el);
}

export function renderError(): void {
  const params = new URLSearchParams(window.location.search);
  // expect: xss
  document.getElementById('error')!.innerHTML = params.get('error') ?? '';
}

export function renderErrorFixed(): void {
  const params = new URLSearchParams(window.location.search);
  // ok: xss
  document.getElementById('error')!.textContent = params.get('error') ?? '';
}

export function trackingPixel(): void {
  // expect: xss
  document.write('<img src="/t.gif?ref=' + document.referrer + '&page=' + location.hash.slice(1) + '">');
}

export function flash(): void {
  const msg = new URLSearchParams(location.search).get('msg');
  // expect: xss
  $('#flash').html(msg as string);
  // ok: xss
  $('#flash-safe').text(msg as string);
}

export function tooltip(target: HTMLElement, title: string): void {
  // expect: xss
  target.insertAdjacentHTML('beforeend', `<div class="tip">${title}</div>`);
}

export function Preview({ html }: { html: string }) {
  // todo-expect: xss
  return <iframe srcDoc={html} />;
}
