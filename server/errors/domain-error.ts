/**
 * Typed errors of the domain. Verbs throw these; server/trpc/error-mapping.ts turns them into
 * tRPC codes in one place. Each carries a message key for the UI (messages/*.json, `errors.*`)
 * and an English text for logs and API clients.
 */
/** Values for a message's placeholders: plain strings and numbers only. */
export type ErrorParams = Record<string, string | number>;

/**
 * What crosses the wire for an error: a key into messages/*.json (`errors.*`, `validation.*`) and
 * its parameters, never a translated text. The UI says it in its language (app/_components/error-text.ts).
 */
export interface MessageRef {
  messageKey: string;
  params: ErrorParams;
}

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
