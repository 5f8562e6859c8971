import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function sendVisitorMessage({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.widgetSendInput> }): Promise<z.output<typeof s.widgetMessageDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
