import type { z } from 'zod';
import { announceSessionChange } from '@/server/auth/session-signals';
import { env } from '@/server/config/env';
import { DomainError, invalid } from '@/server/errors/domain-error';
import { routingTransaction } from '@/server/chat/route-waiting-chats';
import { checkPortalToken } from './portal-token';
import { proveVisitor } from './prove-visitor';
import type { portalTokenInput, visitorDto } from './schemas';
import { visitorDtoOf } from './visitor-dto';
import type { VisitorContext } from './widget-context';

/**
 * The self-service portal vouches for the number its subscriber signed in with: a signed token
 * (./portal-token.ts, docs/widget.md) proves it without a code. Off (a clear refusal) when
 * PORTAL_TOKEN_SECRET is not set.
 */
export async function sessionFromPortal({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof portalTokenInput> }): Promise<z.output<typeof visitorDto>> {
  const secret = env().PORTAL_TOKEN_SECRET;
  if (!secret) throw new DomainError('forbidden', 'errors.portalOff', 'Sign-in from the self-service portal is not configured (PORTAL_TOKEN_SECRET)');
  const checked = checkPortalToken(secret, input.token, ctx.clock.now());
  if (!checked.ok) {
    if (checked.reason === 'expired') throw invalid('errors.portalTokenExpired', 'The portal’s token has expired: open the chat from the portal again');
    throw invalid('errors.portalTokenInvalid', `The portal’s token is not valid (${checked.reason})`, { reason: checked.reason });
  }
  const visitor = await routingTransaction(ctx, (tx, emitter) => proveVisitor(tx, emitter, ctx, { msisdn: checked.msisdn }, 'portal'));
  announceSessionChange({ widgetSessionId: ctx.widgetSession.id });
  return visitorDtoOf(visitor);
}
