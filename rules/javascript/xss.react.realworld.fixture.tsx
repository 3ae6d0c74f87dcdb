// Real-world shapes of XSS in React and Next.js components, each followed by its fix.
import DOMPurify from 'dompurify';
import { useSearchParams } from 'next/navigation';

export function Comment({ comment }: { comment: { body: string } }) {
  // expect: xss
  return <div dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function CommentFixed({ comment }: { comment: { body: string } }) {
  // ok: xss
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;
}

export function Banner() {
  const params = useSearchParams();
  const message = params.get('msg') ?? '';
  // expect: xss
  return <p dangerouslySetInnerHTML={{ __html: message }} />;
}

export function BannerFixed() {
  const params = useSearchParams();
  // ok: xss
  return <p>{params.get('msg')}</p>;
}
