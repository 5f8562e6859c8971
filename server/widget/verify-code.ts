import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function verifyCode({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.verifyCodeInput> }): Promise<z.output<typeof s.visitorDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
