// components/Comment.tsx of a Next.js app.
import React from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';

type Props = { comment: { author: string; body: string; html?: string } };

// Vulnerable: markdown rendered with raw HTML.
export function Comment({ comment }: Props) {
  return (
    <div className="comment">
      <b>{comment.author}</b>
      {/* expect: xss */}
      <div dangerouslySetInnerHTML={{ __html: marked.parse(comment.body) as string }} />
    </div>
  );
}

// Fixed: sanitized.
export function CommentSafe({ comment }: Props) {
  return (
    <div className="comment">
      <b>{comment.author}</b>
      {/* ok: xss */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(comment.body) as string) }} />
    </div>
  );
}

// Vulnerable: bio HTML straight from the API.
export function Bio({ html }: { html: string }) {
  // expect: xss
  return <section dangerouslySetInnerHTML={{ __html: html }} />;
}

// Vulnerable: search page reads the query string.
export function SearchTitle() {
  const q = typeof window !== 'undefined' ? new URLSearchParams(window.location.search).get('q') ?? '' : '';
  // expect: xss
  return <h1 dangerouslySetInnerHTML={{ __html: 'Results for ' + q }} />;
}

// Fixed: rendered as text.
export function SearchTitleSafe() {
  const q = typeof window !== 'undefined' ? new URLSearchParams(window.location.search).get('q') ?? '' : '';
  // ok: xss
  return <h1>Results for {q}</h1>;
}
