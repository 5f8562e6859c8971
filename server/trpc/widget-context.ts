import { getDb } from '@/server/config/database';
import { env } from '@/server/config/env';
import { clientIp } from '@/server/auth/client-ip';
import { systemClock } from '@/server/context';
import { getEventBus } from '@/server/realtime/in-process-event-bus';
import { getFileStorage } from '@/server/storage/file-storage';
import { getScheduler } from '@/server/system/timer-scheduler';
import { bearerTokenOf, loadWidgetSession } from '@/server/widget/visitor-session';
import type { WidgetTRPCContext } from './widget-init';

/**
 * The widget's context: the visitor of the `Authorization: Bearer` token, if any. The staff
 * session cookie is never read here, so a signed-in staff member is nobody to the widget.
 */
export async function createWidgetContextFromHeaders(headers: Headers, connectionParams?: Record<string, string | undefined> | null): Promise<WidgetTRPCContext> {
  const db = getDb();
  // The header; for the feed from a browser's EventSource, which cannot send headers, tRPC's
  // connection parameters (`httpSubscriptionLink({ connectionParams: { token } })`).
  const token = bearerTokenOf(headers) ?? tokenParam(connectionParams?.token);
  const widgetSession = token ? await loadWidgetSession(db, token, systemClock.now()) : null;
  return {
    db,
    actor: null,
    widgetSession,
    clock: systemClock,
    bus: getEventBus(),
    scheduler: getScheduler(),
    storage: getFileStorage(),
    appUrl: appUrlOf(headers),
    ip: clientIp(headers),
    origin: headers.get('origin'),
    userAgent: headers.get('user-agent') ?? '',
  };
}

function appUrlOf(headers: Headers): string {
  const appUrl = env().APP_URL;
  if (appUrl) return appUrl.replace(/\/$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${host}`;
}

const tokenParam = (value: string | undefined) => (value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null);

export const createWidgetRequestContext = (req: Request, connectionParams?: Record<string, string | undefined> | null) => createWidgetContextFromHeaders(req.headers, connectionParams);
