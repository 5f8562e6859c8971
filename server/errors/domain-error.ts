/**
 * Typed errors of the domain. Verbs throw these; server/trpc/error-mapping.ts turns them into
 * tRPC codes in one place. Each carries a message key for the UI (messages/*.json, `errors.*`)
 * and an English text for logs and API clients.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated' | 'too_many';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly messageKey: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', 'errors.notFound', `${what} was not found`);

export const conflict = (messageKey: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', messageKey, message, details);

export const invalid = (messageKey: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', messageKey, message, details);
