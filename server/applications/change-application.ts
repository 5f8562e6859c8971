import { eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { lockForUpdate } from '@/db/row-lock';
import { applications, chats } from '@/db/schema';
import type { Actor, Clock, SignedInContext } from '@/server/context';
import type { DomainError } from '@/server/errors/domain-error';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import type { EventBus } from '@/server/realtime/event-bus';
import type { GuardFacts, TransitionActor } from '@/server/workflow/guards';
import { assertChangeAllowed, transition, type ApplicationRow, type TransitionRequest } from '@/server/workflow/transition';
import { allows, ruleFor, type ApplicationAction } from '@/server/workflow/transition-table';
import { gatherFacts, getApplicationForActor, type LoadedApplication } from './application-access';
import { announceApplicationChange } from './application-events';

/** What a verb's work decides: the columns it changes, what the audit event adds, what it says in the chat. */
export interface ChangePlan {
  changes?: TransitionRequest['changes'];
  audit?: Record<string, unknown>;
  /** Facts only the work establishes (e.g. "the form just validated"), added to the gathered ones. */
  facts?: Partial<GuardFacts>;
  /** More writes in the same transaction once the status moved (the signatures, the subscriber's link). */
  after?: (tx: Tx, updated: ApplicationRow) => Promise<unknown> | void;
  /** A line in the chat about this step. */
  note?: { key: string; params: Record<string, string> };
}

/** One step of an application's life, as a verb asks for it. */
export interface ApplicationChange {
  applicationId: string;
  action: ApplicationAction;
  /** The version the caller saw; a different one is a lost race (`errors.changedMeanwhile`). */
  expectedVersion?: number;
  /** Facts this kind of step gathers besides the common ones (the back office's claim, the subscriber's confirmation). */
  facts?: (tx: Tx, loaded: LoadedApplication, now: Date) => Promise<Partial<GuardFacts>> | Partial<GuardFacts>;
  /** How the application is found for this actor; by default the ownership check of signed-in users (getApplicationForActor). */
  load?: (tx: Tx) => Promise<LoadedApplication> | LoadedApplication;
  /**
   * A repeat of a step already taken (the same submit request, a link already answered):
   * answered with the current state, nothing changed. It may also refuse before the table is asked.
   */
  isReplay?: (loaded: LoadedApplication) => boolean;
  /** Said instead of the table's wrong-state conflict when the verb can say more (who decided it). */
  explainWrongState?: (tx: Tx, loaded: LoadedApplication) => Promise<DomainError | undefined> | DomainError | undefined;
  /** The verb's own checks and writes, after the table and the guards let the step through. */
  work?: (loaded: LoadedApplication, tx: Tx, now: Date) => Promise<ChangePlan> | ChangePlan;
}

/** Who changes it: a signed-in user, or the subscriber through their link. */
export interface ChangeContext {
  db: Db;
  bus: EventBus;
  clock: Clock;
  actor: TransitionActor;
}

export interface ChangeResult {
  applicationId: string;
  status: ApplicationRow['status'];
  version: number;
}

const resultOf = (application: ApplicationRow): ChangeResult => ({ applicationId: application.id, status: application.status, version: application.version });

/**
 * Loads the application for the actor (NOT_FOUND if it is not theirs) and asks the table and the
 * guards whether the step may be taken now; the verb's work comes only after this. Used inside
 * the pipeline, and before work that cannot run in a transaction (rendering and sealing a PDF).
 */
export async function loadForChange(db: DbOrTx, actor: Actor, change: Pick<ApplicationChange, 'applicationId' | 'action'>, extraFacts: Partial<GuardFacts> = {}): Promise<LoadedApplication> {
  const loaded = await getApplicationForActor(db, actor, change.applicationId);
  assertChangeAllowed(loaded.application, change.action, actor, { ...(await gatherFacts(db, loaded.application, loaded.template, loaded.chatOperatorId)), ...extraFacts });
  return loaded;
}

/**
 * The one way an application changes: load for the actor → the table and the guards → the
 * verb's work → transition() (the only status writer: the table and guards again, the
 * compare-and-set, the audit event) → the verb's further writes → the announcement in the chat.
 * Runs in the caller's transaction (a package changes several applications in one).
 */
export async function changeInTx(ctx: Pick<ChangeContext, 'clock'> & { actor: Actor | TransitionActor }, tx: Tx, emitter: Emitter, change: ApplicationChange): Promise<ChangeResult> {
  // The application's row is held until the commit (PostgreSQL; SQLite's writer lock does it), so
  // what is read next is what the previous change committed: a repeat is seen as one, not as a lost race.
  await lockForUpdate(tx, tx.select({ id: applications.id }).from(applications).where(eq(applications.id, change.applicationId)));
  // So is its chat's row, now: the step may end with a line in the chat, after its audit event,
  // and a verb on the chat (a transfer, a close) locks the chat's row before it writes its own.
  // Taken later, each would hold what the other waits for.
  await lockForUpdate(tx, tx.select({ id: chats.id }).from(chats).where(inArray(chats.id, tx.select({ chatId: applications.chatId }).from(applications).where(eq(applications.id, change.applicationId)))));
  const loaded = change.load ? await change.load(tx) : await getApplicationForActor(tx, signedIn(ctx.actor), change.applicationId);
  if (change.isReplay?.(loaded)) return resultOf(loaded.application);
  const { application, template, chatOperatorId } = loaded;
  const now = ctx.clock.now();
  const stepFacts = (await change.facts?.(tx, loaded, now)) ?? {};
  if (change.explainWrongState && ruleFor(change.action, ctx.actor.role) && !allows(application.status, change.action, ctx.actor.role)) {
    const explained = await change.explainWrongState(tx, loaded);
    if (explained) throw explained;
  }
  assertChangeAllowed(application, change.action, ctx.actor, { ...(await gatherFacts(tx, application, template, chatOperatorId)), ...stepFacts });
  const plan = (await change.work?.(loaded, tx, now)) ?? {};
  const updated = await transition(tx, {
    application,
    action: change.action,
    actor: ctx.actor,
    // Gathered again: the work may have changed what they say (an identification just stored).
    facts: { ...(await gatherFacts(tx, application, template, chatOperatorId)), ...stepFacts, ...plan.facts },
    expectedVersion: change.expectedVersion,
    changes: plan.changes,
    audit: plan.audit,
    now,
  });
  await plan.after?.(tx, updated);
  await announceApplicationChange(tx, emitter, updated, now, plan.note);
  return resultOf(updated);
}

/** A signed-in user is loaded by getApplicationForActor; anyone else names how their application is found (`load`). */
function signedIn(actor: Actor | TransitionActor): Actor {
  if (!('email' in actor)) throw new Error(`a ${actor.role} changes an application only through a change that says how it is loaded`);
  return actor;
}

/** The same in a transaction of its own; its events are published after the commit. */
export function changeApplication(ctx: SignedInContext | ChangeContext, change: ApplicationChange): Promise<ChangeResult> {
  return changeAndPublish(ctx, (tx, emitter) => changeInTx(ctx, tx, emitter, change));
}
