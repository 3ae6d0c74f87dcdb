// Owns what the engine decides about a file before parsing it: language, test-ness, size and binary checks.
import type { FileFacts, LanguageId } from '../../rules/api';

const testPath = /(^|\/)(tests?|__tests__|__mocks__|specs?|e2e|testing)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/i;

export function isTestPath(filePath: string): boolean {
  return testPath.test(filePath.replace(/\\/g, '/'));
}

export function fileFacts(filePath: string, language: LanguageId): FileFacts {
  const path = filePath.replace(/\\/g, '/');
  return { path, language, isTest: isTestPath(path) };
}

/** A NUL among the first 8 KB marks a binary file, as git decides. */
export function looksBinary(content: Buffer | string): boolean {
  const head = typeof content === 'string' ? content.slice(0, 8192) : content.subarray(0, 8192).toString('latin1');
  return head.includes('\0');
}

/** Why a file is not analysed, as one informational sentence, or undefined when it is. */
export function skipReason(content: Buffer | string, maxFileSize: number): string | undefined {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (size > maxFileSize) return `Skeptic skipped this file: it is ${formatSize(size)}, over the ${formatSize(maxFileSize)} limit (maxFileSize).`;
  if (looksBinary(content)) return 'Skeptic skipped this file: it looks binary.';
  return undefined;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
