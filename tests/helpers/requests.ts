import { like } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications, visitorSessions } from '@/db/schema';
import type { Clock } from '@/server/context';
import { fillRequestTokens } from '@/server/notifications/link-token';
import { hashWidgetToken, newWidgetToken, WIDGET_SESSION_MS } from '@/server/widget/visitor-session';
import { makeVisitor } from './factories';

/** A tiny real PNG (1×1). */
export const PNG_BASE64 = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f85f0f0002870180eb47ba920000000049454e44ae426082', 'hex').toString('base64');
/** A Windows executable's first bytes, to be renamed photo.jpg. */
export const EXE_BASE64 = Buffer.from([77, 90, 144, 0, 3, 0, 0, 0, 4, 0, 0, 0, 255, 255, 0, 0]).toString('base64');

/** A widget visitor who proved a number (or an e-mail) and the bearer token of their session: what the request form holds after code.verify. */
export async function provenVisitor(db: Db, clock: Clock, values: { msisdn?: string; email?: string; locale?: 'uk' | 'en' } = { msisdn: '+380671234567' }) {
  const visitor = await makeVisitor(db, values, clock);
  const token = newWidgetToken();
  await db.insert(visitorSessions).values({ tokenHash: hashWidgetToken(token), visitorId: visitor.id, origin: null, expiresAt: new Date(clock.now().getTime() + WIDGET_SESSION_MS), createdAt: clock.now() });
  return { visitor, token };
}

/** The requests' outbox rows, their text as the sender sends it (link tokens filled in). */
export async function requestNotifications(db: Db, recipient?: string) {
  const rows = await db.select().from(notifications).where(like(notifications.kind, 'request.%'));
  return rows.filter((row) => !recipient || row.recipient === recipient).map((row) => ({ ...row, sent: fillRequestTokens(row.body) }));
}
