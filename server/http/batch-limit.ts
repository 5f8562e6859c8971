import { jsonError } from './limited-body';

/**
 * A batched tRPC call names its procedures in the path (`/api/trpc/a,b,c?batch=1`). The client
 * batches what one page asks for at once, a handful; a thousand calls in one request would hold
 * the event loop for seconds, so more than this is refused before any of them runs.
 */
export const MAX_BATCH_SIZE = 20;

export function batchTooLarge(url: string, endpoint: string): Response | null {
  const { pathname } = new URL(url);
  const procedures = pathname.slice(endpoint.length + 1).split(',').length;
  if (procedures <= MAX_BATCH_SIZE) return null;
  return jsonError(400, 'BATCH_TOO_LARGE', `At most ${MAX_BATCH_SIZE} calls in one batch (got ${procedures}).`, {
    messageKey: 'errors.batchTooLarge',
    params: { max: MAX_BATCH_SIZE, got: procedures },
  });
}
