import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function sessionFromPortal({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.portalTokenInput> }): Promise<z.output<typeof s.visitorDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
