import { findRequest } from './request-access';
import { staffOf, type RequestContext } from './request-context';
import { requestDetailOf } from './request-dto';

/** A request with every line (notes included), its due times and how much is left, for the back office. */
export async function getRequest({ ctx, input }: { ctx: RequestContext; input: { id: string } }) {
  staffOf(ctx);
  return requestDetailOf(ctx.db, await findRequest(ctx.db, input.id), ctx.clock.now());
}
