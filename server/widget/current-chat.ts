import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function currentChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.currentChatInput> }): Promise<z.output<typeof s.currentChatDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
