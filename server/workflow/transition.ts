import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { applications, signatures } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { conflict, DomainError } from '@/server/errors/domain-error';
import { checkGuards, type GuardFacts, type TransitionActor } from './guards';
import { allowedActions, ruleFor, targetOf, type ApplicationAction, type GuardName, type Rule } from './transition-table';

export type ApplicationRow = typeof applications.$inferSelect;

/** States that rest on the operator's verification (and, from `signed`, on the signatures). */
const VERIFIED_STATES: readonly ApplicationRow['status'][] = ['verified', 'signed', 'submitted'];

export interface TransitionRequest {
  application: ApplicationRow;
  action: ApplicationAction;
  actor: TransitionActor;
  facts: GuardFacts;
  /** The version the caller saw; a different current version is a lost race. */
  expectedVersion?: number;
  changes?: Partial<Omit<ApplicationRow, 'id' | 'status' | 'version'>>;
  audit?: Record<string, unknown>;
  now: Date;
}

/**
 * The table's answer for (state, action, role): the rule, or FORBIDDEN for a role that never
 * takes this action, or a wrong-state CONFLICT (`errors.wrongState`) naming the state and what
 * is allowed from it. A lost race is another error: `errors.changedMeanwhile`.
 */
export function assertActionAllowed(status: ApplicationRow['status'], action: ApplicationAction, role: TransitionActor['role']): Rule {
  const rule = ruleFor(action, role);
  if (!rule) throw new DomainError('forbidden', 'errors.FORBIDDEN', `A ${role} may not ${action} an application`);
  if (rule.from[status] === undefined) {
    const allowed = allowedActions(status, role);
    throw conflict('errors.wrongState', `Cannot ${action} an application that is ${status}; allowed now: ${allowed.join(', ') || 'nothing'}`, { status, allowed });
  }
  return rule;
}

/** Guards that judge what only the verb's own checks establish (a complete form, every signature): judged by transition(). */
const VERB_GUARDS: readonly GuardName[] = ['formComplete', 'allSignaturesPresent'];

/**
 * The table and the guards, asked before the verb does its work (validating, rendering): the
 * same answers transition() gives, minus the guards on what the work itself establishes.
 */
export function assertChangeAllowed(application: ApplicationRow, action: ApplicationAction, actor: TransitionActor, facts: GuardFacts): void {
  const rule = assertActionAllowed(application.status, action, actor.role);
  checkGuards(
    rule.guards.filter((guard) => !VERB_GUARDS.includes(guard)),
    { application, actor, facts },
  );
}

/**
 * The only writer of an application's status. Checks the table (role, state) and the guards,
 * then `UPDATE … WHERE status = <from> AND version = <v>`, bumps the version, applies what the
 * rule clears, and writes the audit event — all in the caller's transaction.
 */
export async function transition(tx: Tx, request: TransitionRequest): Promise<ApplicationRow> {
  const { application, action, actor, now } = request;
  const rule = assertActionAllowed(application.status, action, actor.role);
  const to = targetOf(application.status, action, actor.role, request.facts);
  if (!to) throw new Error(`the table allows ${action} from ${application.status} but names no target`);
  checkGuards(rule.guards, { application, actor, facts: request.facts });
  if (request.expectedVersion !== undefined && request.expectedVersion !== application.version) {
    throw conflict('errors.changedMeanwhile', `The application was changed meanwhile (version ${application.version}, you had ${request.expectedVersion})`, {
      version: application.version,
    });
  }

  const leavesVerified = VERIFIED_STATES.includes(application.status) && !VERIFIED_STATES.includes(to);
  const clears = leavesVerified ? (rule.clears ?? []) : (rule.clears ?? []).filter((c) => c === 'remarks');
  const [updated] = await tx
    .update(applications)
    .set({
      ...request.changes,
      ...(clears.includes('verification') ? { verifiedBy: null, verifiedAt: null } : {}),
      ...(clears.includes('remarks') ? { remarks: null } : {}),
      status: to,
      version: application.version + 1,
      updatedAt: now,
    })
    .where(and(eq(applications.id, application.id), eq(applications.status, application.status), eq(applications.version, application.version)))
    .returning();
  if (updated && clears.includes('signatures')) {
    // The sealed file stays on disk (a signed PDF is never rewritten); it is no longer this application's document.
    await tx.delete(signatures).where(eq(signatures.applicationId, application.id));
    await tx.update(applications).set({ pdfKey: null, pdfSha256: null, sealedAt: null }).where(eq(applications.id, application.id));
  }
  if (!updated) {
    throw conflict('errors.changedMeanwhile', 'The application was changed by someone else at the same moment; reload it', { version: application.version });
  }
  await writeAuditEvent(tx, {
    at: now,
    ...auditActor(actor),
    action: `application.${action}`,
    entityType: 'application',
    entityId: application.id,
    data: { from: application.status, to, version: updated.version, cleared: clears, ...request.audit },
  });
  return updated;
}
