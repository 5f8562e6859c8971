import type { z } from 'zod';
import type { VisitorContext } from './widget-context';
import type * as s from './schemas';

export async function requestCode({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof s.requestCodeInput> }): Promise<z.output<typeof s.codeRequestedDto>> {
  void ctx;
  void input;
  throw new Error('not yet');
}
