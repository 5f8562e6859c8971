import type { z } from 'zod';
import type { WidgetVerbContext } from './widget-context';
import type * as s from './schemas';

export async function startSession({ ctx, input }: { ctx: WidgetVerbContext; input: z.output<typeof s.startSessionInput> }): Promise<z.output<typeof s.sessionStartedDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
