import { z } from 'zod';
import type { VerbContext } from '@/server/context';
import { CHAT_CLASSES } from '@/db/column-values';
import { operatorsNeeded, operatorsNeededByClass } from './erlang-c';

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

export const staffingByClassInput = z.object({
  classes: z
    .array(
      z.object({
        class: z.enum(CHAT_CLASSES),
        arrivalsPerHour: z.number().min(0).max(100_000),
        ahtSeconds: z.number().min(1).max(24 * 3600),
        thresholdSeconds: z.number().int().min(1).max(3600),
      }),
    )
    .min(1)
    .max(CHAT_CLASSES.length)
    .refine((classes) => new Set(classes.map((c) => c.class)).size === classes.length, 'chooseOption'),
  concurrency: z.number().int().min(1).max(20),
  targetServiceLevel: z.number().gt(0).lt(1),
});

/**
 * The staffing calculator per class and combined (server/metrics/erlang-c.ts
 * `operatorsNeededByClass`): each class alone with its own target, their sum (operators assigned
 * to one class), and one shared pool sized by Erlang C on the pooled load with the stricter target.
 */
export function staffingByClass({ input }: { ctx: VerbContext; input: z.infer<typeof staffingByClassInput> }) {
  return operatorsNeededByClass(input);
}
