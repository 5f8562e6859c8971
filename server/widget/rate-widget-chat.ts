import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function rateWidgetChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.widgetRateInput> }): Promise<void> {
  void ctx;
  void input;
  throw new Error('not yet');
}
