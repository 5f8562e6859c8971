import type { Actor } from '@/server/context';
import { DomainError, invalid, notFound } from '@/server/errors/domain-error';
import type { GuardName } from './transition-table';

/** Facts the verb gathers before calling transition(); guards only judge them. */
export interface GuardFacts {
  chatOperatorId?: string | null;
  allPartiesIdentified: boolean;
  formComplete?: boolean;
  allSignaturesPresent?: boolean;
  claimedBy?: string | null;
  subscriberConfirmed?: boolean;
  sensitive?: boolean;
  linkHolder?: boolean;
}

interface GuardInput {
  application: { dealerId: string };
  actor: Actor;
  facts: GuardFacts;
}

const GUARDS: Record<GuardName, (input: GuardInput) => DomainError | null> = {
  dealerOfCompany: ({ application, actor }) => (actor.dealerId === application.dealerId ? null : notFound('Application')),
  operatorOfChat: ({ actor, facts }) => (facts.chatOperatorId === actor.id ? null : notFound('Application')),
  allPartiesIdentified: ({ facts }) => (facts.allPartiesIdentified ? null : invalid('errors.partiesNotIdentified', 'Identify every party of the application first')),
  formComplete: ({ facts }) => (facts.formComplete ? null : invalid('errors.formIncomplete', 'The form is not complete')),
  allSignaturesPresent: ({ facts }) => (facts.allSignaturesPresent ? null : invalid('errors.signaturesMissing', 'Every party must sign first')),
  claimedByActor: ({ actor, facts }) => (facts.claimedBy === actor.id ? null : new DomainError('conflict', 'errors.notClaimed', 'Claim the application first')),
  subscriberConfirmedIfSensitive: ({ facts }) =>
    !facts.sensitive || facts.subscriberConfirmed ? null : new DomainError('conflict', 'errors.awaitingSubscriber', 'The subscriber has not confirmed this sensitive application yet'),
  linkHolder: ({ facts }) => (facts.linkHolder ? null : notFound('Application')),
};

export function checkGuards(names: GuardName[], input: GuardInput): void {
  for (const name of names) {
    const failure = GUARDS[name](input);
    if (failure) throw failure;
  }
}
