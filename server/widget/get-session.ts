import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type { sessionDto } from './schemas';
import { visitorDtoOf } from './visitor-dto';

/** Who the session is and until when it lasts (it was renewed, if due, when the request was read). */
export async function getSession({ ctx }: { ctx: VisitorContext }): Promise<z.output<typeof sessionDto>> {
  return { expiresAt: ctx.widgetSession.expiresAt, visitor: visitorDtoOf(ctx.widgetSession.visitor) };
}
