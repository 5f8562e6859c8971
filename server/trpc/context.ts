import { getDb } from '@/server/config/database';
import { env } from '@/server/config/env';
import { clientIp } from '@/server/auth/client-ip';
import { currentSession } from '@/server/auth/current-actor';
import { systemClock } from '@/server/context';
import { getEventBus } from '@/server/realtime/in-process-event-bus';
import { getFileStorage } from '@/server/storage/file-storage';
import { getScheduler } from '@/server/system/timer-scheduler';
import type { TRPCContext } from './init';

export async function createContextFromHeaders(headers: Headers): Promise<TRPCContext> {
  const signedIn = await currentSession(headers);
  return {
    db: getDb(),
    actor: signedIn?.actor ?? null,
    session: signedIn?.session ?? null,
    clock: systemClock,
    bus: getEventBus(),
    scheduler: getScheduler(),
    storage: getFileStorage(),
    appUrl: appUrlOf(headers),
    ip: clientIp(headers),
    userAgent: headers.get('user-agent') ?? '',
  };
}

function appUrlOf(headers: Headers): string {
  const appUrl = env().APP_URL;
  if (appUrl) return appUrl.replace(/\/$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${host}`;
}

export const createRequestContext = (req: Request) => createContextFromHeaders(req.headers);
