/** Who made a change, as the audit chain records it. */
export interface AuditActor {
  actorId: string | null;
  actorRole: string;
}

/**
 * The audit chain's actor for a change: the signed-in user who made it (`ctx.actor`), or the
 * system when nobody did (the seed, a time-out, a job). Spread it into `writeAuditEvent`'s content.
 */
export function auditActor(actor: { id: string; role: string } | null | undefined): AuditActor {
  return actor ? { actorId: actor.id, actorRole: actor.role } : { actorId: null, actorRole: 'system' };
}

/** A subscriber, who has no account: the widget visitor who proved their number (or wrote), if there is one. */
export function subscriberAuditActor(visitorId: string | null): AuditActor {
  return { actorId: visitorId, actorRole: 'subscriber' };
}
