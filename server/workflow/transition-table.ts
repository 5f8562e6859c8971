import type { ApplicationStatus } from '@/db/schema';
import type { Role } from '@/db/column-values';

/**
 * The submission cycle of docs/design.md, in one table: for each action, who may take it, from which
 * states, to which state, under which guards. server/workflow/transition.ts is the only writer
 * of an application's status, and it reads only this table.
 */
export const APPLICATION_ACTIONS = ['identify', 'edit', 'fill', 'verify', 'return', 'sign', 'submit', 'claim', 'release', 'approve', 'reject', 'cancel', 'dispute', 'confirm'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export type Actor = Role | 'subscriber';

/** Conditions checked inside the transaction (server/workflow/guards.ts says how). */
export type GuardName =
  | 'dealerOfCompany'
  | 'operatorOfChat'
  | 'allPartiesIdentified'
  | 'formComplete'
  | 'allSignaturesPresent'
  | 'claimedByActor'
  | 'notClaimedByOther'
  | 'subscriberConfirmedIfSensitive'
  | 'linkHolder';

/** A target state, or a choice made from the guards' facts (e.g. "identified once every party is"). */
export type Target = ApplicationStatus | { ifAllPartiesIdentified: ApplicationStatus; otherwise: ApplicationStatus };

export interface Rule {
  by: Actor;
  from: Partial<Record<ApplicationStatus, Target>>;
  guards: GuardName[];
  /** What the move undoes: verification and signatures when verified or signed data changes. */
  clears?: ('verification' | 'signatures' | 'remarks')[];
}

const BEFORE_SUBMIT: ApplicationStatus[] = ['draft', 'identified', 'filled', 'verified', 'signed'];
const to = (target: ApplicationStatus, states: ApplicationStatus[]) => Object.fromEntries(states.map((s) => [s, target])) as Partial<Record<ApplicationStatus, Target>>;

export const TRANSITIONS: Record<ApplicationAction, Rule[]> = {
  // Identification of a party. The application is `identified` once every party is; a change
  // after the form was verified sends it back to `filled`.
  identify: [
    {
      by: 'dealer',
      from: {
        draft: { ifAllPartiesIdentified: 'identified', otherwise: 'draft' },
        identified: 'identified',
        filled: 'filled',
        verified: 'filled',
        signed: 'filled',
      },
      guards: ['dealerOfCompany'],
      clears: ['verification', 'signatures'],
    },
  ],
  // Autosaved edits of the form. Editing verified or signed data invalidates both.
  edit: [
    {
      by: 'dealer',
      from: { draft: 'draft', identified: 'identified', filled: 'filled', verified: 'filled', signed: 'filled' },
      guards: ['dealerOfCompany'],
      clears: ['verification', 'signatures'],
    },
  ],
  fill: [{ by: 'dealer', from: { identified: 'filled', filled: 'filled' }, guards: ['dealerOfCompany', 'allPartiesIdentified', 'formComplete'] }],
  verify: [{ by: 'operator', from: { filled: 'verified' }, guards: ['operatorOfChat', 'allPartiesIdentified'], clears: ['remarks'] }],
  return: [
    { by: 'operator', from: { filled: 'filled', verified: 'filled' }, guards: ['operatorOfChat'], clears: ['verification', 'signatures'] },
    // Back to the dealer: data is corrected, verified and signed again, then submitted anew.
    { by: 'backoffice', from: { submitted: 'filled' }, guards: ['notClaimedByOther'], clears: ['verification', 'signatures'] },
  ],
  sign: [{ by: 'dealer', from: { verified: 'signed' }, guards: ['dealerOfCompany', 'allSignaturesPresent'] }],
  submit: [{ by: 'dealer', from: { signed: 'submitted' }, guards: ['dealerOfCompany'] }],
  // A back-office employee takes an application to work on it (others see it is taken); the
  // claim lapses after 30 minutes without activity. Deciding an unclaimed one claims it.
  claim: [{ by: 'backoffice', from: { submitted: 'submitted', disputed: 'disputed' }, guards: ['notClaimedByOther'] }],
  release: [{ by: 'backoffice', from: { submitted: 'submitted', disputed: 'disputed' }, guards: ['claimedByActor'] }],
  approve: [{ by: 'backoffice', from: { submitted: 'approved' }, guards: ['notClaimedByOther', 'subscriberConfirmedIfSensitive'] }],
  // A dispute is resolved by rejecting; a disputed application is never approved.
  reject: [{ by: 'backoffice', from: { submitted: 'rejected', disputed: 'rejected' }, guards: ['notClaimedByOther'] }],
  cancel: [
    { by: 'dealer', from: to('cancelled', BEFORE_SUBMIT), guards: ['dealerOfCompany'] },
    { by: 'operator', from: to('cancelled', BEFORE_SUBMIT), guards: ['operatorOfChat'] },
  ],
  // The subscriber, through the confirmation link.
  dispute: [{ by: 'subscriber', from: to('disputed', ['signed', 'submitted', 'approved']), guards: ['linkHolder'] }],
  confirm: [{ by: 'subscriber', from: { signed: 'signed', submitted: 'submitted', approved: 'approved' }, guards: ['linkHolder'] }],
};

export function ruleFor(action: ApplicationAction, actor: Actor): Rule | undefined {
  return TRANSITIONS[action].find((rule) => rule.by === actor);
}

/** Whether the table lets the actor take the action from the state (the guards judge the rest). */
export function allows(state: ApplicationStatus, action: ApplicationAction, actor: Actor): boolean {
  return ruleFor(action, actor)?.from[state] !== undefined;
}

/** The target state of (state, action, actor), or null when the table does not allow it. */
export function targetOf(state: ApplicationStatus, action: ApplicationAction, actor: Actor, facts: { allPartiesIdentified: boolean } = { allPartiesIdentified: true }): ApplicationStatus | null {
  const target = ruleFor(action, actor)?.from[state];
  if (target === undefined) return null;
  return typeof target === 'string' ? target : facts.allPartiesIdentified ? target.ifAllPartiesIdentified : target.otherwise;
}

/** Actions the actor may take from a state (said in a CONFLICT, offered as buttons in the UI). */
export function allowedActions(state: ApplicationStatus, actor: Actor): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => allows(state, action, actor));
}
