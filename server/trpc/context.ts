import { getDb } from '@/db/client';
import { currentActor } from '@/server/auth/current-actor';
import { systemClock } from '@/server/context';
import { clientIp } from '@/server/http/limited-body';
import type { TRPCContext } from './init';

export async function createContextFromHeaders(headers: Headers): Promise<TRPCContext> {
  return {
    db: getDb(),
    actor: await currentActor(headers),
    clock: systemClock,
    ip: clientIp(headers),
    userAgent: headers.get('user-agent') ?? '',
  };
}

export const createRequestContext = (req: Request) => createContextFromHeaders(req.headers);
