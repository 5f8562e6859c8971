import { autoId, index, json, table, text, timestamp } from './kit';

/**
 * Append-only, hash-chained log of every change: each row stores the previous row's hash and
 * its own hash over its content, so a deleted or edited row breaks the chain.
 */
export const auditEvents = table(
  'audit_events',
  {
    seq: autoId(),
    at: timestamp().notNull(),
    actorId: text(),
    actorRole: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    data: json<Record<string, unknown>>().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull().unique(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_action_at_idx').on(t.action, t.at)],
);
