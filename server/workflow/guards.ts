import type { Actor } from '@/server/context';
import { DomainError, invalid, notFound } from '@/server/errors/domain-error';
import type { Actor as TableActor, GuardName } from './transition-table';

/** Facts the verb gathers before calling transition(); guards only judge them. */
export interface GuardFacts {
  chatOperatorId?: string | null;
  allPartiesIdentified: boolean;
  formComplete?: boolean;
  allSignaturesPresent?: boolean;
  /** The back-office employee whose claim is live now (a lapsed claim is null), and their name. */
  claimHolder?: { id: string; name: string } | null;
  /** Confirmed through a link, or (no reachable contact) the waiting period passed without a dispute. */
  subscriberConfirmed?: boolean;
  /** The end of a waiting period still running (a subscriber without another contact). */
  waitingUntil?: Date | null;
  sensitive?: boolean;
  linkHolder?: boolean;
}

/** Who takes the action: a signed-in user, or the subscriber through their link. */
export type TransitionActor = Pick<Actor, 'id' | 'dealerId'> & { role: TableActor };

interface GuardInput {
  application: { dealerId: string };
  actor: TransitionActor;
  facts: GuardFacts;
}

const KYIV_TIME = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const GUARDS: Record<GuardName, (input: GuardInput) => DomainError | null> = {
  dealerOfCompany: ({ application, actor }) => (actor.dealerId === application.dealerId ? null : notFound('Application')),
  operatorOfChat: ({ actor, facts }) => (facts.chatOperatorId === actor.id ? null : notFound('Application')),
  allPartiesIdentified: ({ facts }) => (facts.allPartiesIdentified ? null : invalid('errors.partiesNotIdentified', 'Identify every party of the application first')),
  formComplete: ({ facts }) => (facts.formComplete ? null : invalid('errors.formIncomplete', 'The form is not complete')),
  allSignaturesPresent: ({ facts }) => (facts.allSignaturesPresent ? null : invalid('errors.signaturesMissing', 'Every party must sign first')),
  claimedByActor: ({ actor, facts }) => (facts.claimHolder?.id === actor.id ? null : new DomainError('conflict', 'errors.notClaimed', 'You do not hold this application')),
  notClaimedByOther: ({ actor, facts }) =>
    !facts.claimHolder || facts.claimHolder.id === actor.id
      ? null
      : new DomainError('conflict', 'errors.claimedByOther', `${facts.claimHolder.name} is working on this application`, { name: facts.claimHolder.name }),
  subscriberConfirmedIfSensitive: ({ facts }) =>
    !facts.sensitive || facts.subscriberConfirmed
      ? null
      : facts.waitingUntil
        ? new DomainError('conflict', 'errors.waitingPeriodRunning', `The subscriber has no other contact: the application may be approved after ${facts.waitingUntil.toISOString()} if nobody disputes it`, {
            until: KYIV_TIME.format(facts.waitingUntil),
          })
        : new DomainError('conflict', 'errors.awaitingSubscriber', 'The subscriber has not confirmed this sensitive application yet'),
  linkHolder: ({ facts }) => (facts.linkHolder ? null : notFound('Application')),
};

export function checkGuards(names: GuardName[], input: GuardInput): void {
  for (const name of names) {
    const failure = GUARDS[name](input);
    if (failure) throw failure;
  }
}
