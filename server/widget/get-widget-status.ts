import type { z } from 'zod';
import { nextOpening, openIntervalAt, weeklyHours } from '@/server/time/business-hours';
import { LONG_WAIT_SECONDS } from './code-limits';
import { expectedWaitOfNewChat } from './expected-wait';
import type { widgetStatusDto } from './schemas';
import { widgetCalendar } from './widget-calendar';
import type { WidgetVerbContext } from './widget-context';

/** Whether the subscriber chat is open now, when it opens next, and how long a chat started now would wait. */
export async function getWidgetStatus({ ctx }: { ctx: WidgetVerbContext }): Promise<z.output<typeof widgetStatusDto>> {
  const now = ctx.clock.now();
  const calendar = widgetCalendar();
  const interval = openIntervalAt(calendar, now);
  const wait = await expectedWaitOfNewChat(ctx.db, now);
  return {
    open: interval !== null,
    nextOpening: nextOpening(calendar, now),
    closesAt: interval?.end ?? null,
    expectedWaitSeconds: wait.etaSeconds,
    outlook: wait.outlook,
    longWaitSeconds: LONG_WAIT_SECONDS,
    hours: weeklyHours(calendar),
    holidays: [...calendar.holidays].sort(),
    timeZone: 'Europe/Kyiv',
  };
}
