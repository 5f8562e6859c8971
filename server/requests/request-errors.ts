import { DomainError } from '@/server/errors/domain-error';

export const forbidden = () => new DomainError('forbidden', 'errors.FORBIDDEN', 'Your role may not do this');
export const notProven = () => new DomainError('unauthenticated', 'errors.requestNotProven', 'Prove your number (or e-mail address) with the one-time code first');
export const sessionEnded = () => new DomainError('unauthenticated', 'errors.requestSessionEnded', 'The session of the code has ended; ask for a new code');
export const mergedAway = () => new DomainError('conflict', 'errors.requestMerged', 'This request was merged into another one; answer there');
