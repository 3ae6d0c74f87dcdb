// The review's public face: building a snippet review, and redacting secrets from what leaves the panel.
export * from './redaction';
export * from './review';
