import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function startWidgetChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.widgetStartChatInput> }): Promise<z.output<typeof s.widgetChatStartedDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
