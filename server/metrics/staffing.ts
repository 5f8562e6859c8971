import { z } from 'zod';
import type { VerbContext } from '@/server/context';
import { operatorsNeeded } from './erlang-c';

export const staffingInput = z.object({
  arrivalsPerHour: z.number().min(0).max(100_000),
  ahtSeconds: z.number().min(1).max(24 * 3600),
  concurrency: z.number().int().min(1).max(20),
  targetServiceLevel: z.number().gt(0).lt(1),
  thresholdSeconds: z.number().int().min(1).max(3600),
});

/** The staffing calculator: how many operators meet the service level for the expected load (Erlang C). */
export function staffing({ input }: { ctx: VerbContext; input: z.infer<typeof staffingInput> }) {
  return operatorsNeeded(input);
}
