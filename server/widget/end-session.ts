import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function endSession({ ctx }: { ctx: VisitorContext }): Promise<void> {
  void ctx;
  throw new Error('not yet');
}
