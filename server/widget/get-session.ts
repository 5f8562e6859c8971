import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function getSession({ ctx }: { ctx: VisitorContext }): Promise<z.output<typeof s.sessionDto>> {
  void ctx;
  throw new Error('not yet');
}
