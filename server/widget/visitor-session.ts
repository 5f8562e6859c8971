import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { visitors, visitorSessions } from '@/db/schema';
import type { WidgetSession } from './widget-context';

/** A widget session lasts 30 days from its last use. */
export const WIDGET_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
/** Its expiry moves on at most once a day (one write a day, not one per request). */
export const WIDGET_SESSION_RENEW_MS = 24 * 60 * 60 * 1000;

/** A new bearer token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newWidgetToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashWidgetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerTokenOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  const match = value ? /^Bearer\s+([A-Za-z0-9_-]{20,100})\s*$/.exec(value) : null;
  return match?.[1] ?? null;
}

/**
 * The widget session of a bearer token, if it exists and has not expired, with its visitor; its
 * expiry is renewed when it was last renewed more than a day ago. (The token is looked up by its
 * hash, an exact index match: nothing to compare in time that depends on the secret.)
 */
export async function loadWidgetSession(db: DbOrTx, token: string, now: Date): Promise<WidgetSession | null> {
  const row = await first(
    db
      .select({ session: visitorSessions, visitor: visitors })
      .from(visitorSessions)
      .innerJoin(visitors, eq(visitors.id, visitorSessions.visitorId))
      .where(and(eq(visitorSessions.tokenHash, hashWidgetToken(token)), gt(visitorSessions.expiresAt, now))),
  );
  if (!row) return null;
  let expiresAt = row.session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < WIDGET_SESSION_MS - WIDGET_SESSION_RENEW_MS) {
    expiresAt = new Date(now.getTime() + WIDGET_SESSION_MS);
    await db.update(visitorSessions).set({ expiresAt }).where(eq(visitorSessions.id, row.session.id));
  }
  return { id: row.session.id, visitor: row.visitor, expiresAt };
}

/** The session's current state, for the feed's re-check: its visitor and expiry, or null when gone or expired. */
export async function widgetSessionState(db: DbOrTx, sessionId: string, now: Date): Promise<{ visitorId: string; expiresAt: Date } | null> {
  const row = await first(
    db
      .select({ visitorId: visitorSessions.visitorId, expiresAt: visitorSessions.expiresAt })
      .from(visitorSessions)
      .where(and(eq(visitorSessions.id, sessionId), gt(visitorSessions.expiresAt, now))),
  );
  return row ?? null;
}
