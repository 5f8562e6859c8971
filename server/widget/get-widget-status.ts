import type { z } from 'zod';
import type { WidgetVerbContext } from './widget-context';
import type * as s from './schemas';

export async function getWidgetStatus({ ctx }: { ctx: WidgetVerbContext }): Promise<z.output<typeof s.widgetStatusDto>> {
  void ctx;
  throw new Error('not yet');
}
