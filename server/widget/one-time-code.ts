import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_LIMITS } from './code-limits';

/** A fresh code: 6 decimal digits, uniformly drawn (crypto.randomInt), leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_LIMITS.digits)).padStart(CODE_LIMITS.digits, '0');
}

/** The stored form of a code: salted with its row's id, so equal codes hash differently. */
export function codeHash(codeId: string, code: string): string {
  return createHash('sha256').update(`${codeId}:${code}`).digest('hex');
}

/** Whether a typed code matches the stored hash, in constant time. */
export function codeMatches(codeId: string, typed: string, storedHash: string): boolean {
  const a = Buffer.from(codeHash(codeId, typed), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
