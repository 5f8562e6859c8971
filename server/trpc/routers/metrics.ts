import { z } from 'zod';
import { operatorsNeeded } from '@/server/metrics/erlang-c';
import { liveQueue } from '@/server/metrics/live';
import { periodInput, readOverview } from '@/server/metrics/overview';
import { liveQueueDto, metricsOverviewDto, staffingDto } from '@/server/metrics/schemas';
import { roleProcedure, router } from '../init';

const admin = roleProcedure('admin');

export const staffingInput = z.object({
  arrivalsPerHour: z.number().min(0).max(100_000),
  ahtSeconds: z.number().min(1).max(24 * 3600),
  concurrency: z.number().int().min(1).max(20),
  targetServiceLevel: z.number().gt(0).lt(1),
  thresholdSeconds: z.number().int().min(1).max(3600),
});

/** Service-level figures, the live queue and the staffing calculator: admins only. */
export const metricsRouter = router({
  overview: admin.input(periodInput).output(metricsOverviewDto).query(({ ctx, input }) => readOverview({ ctx, input })),
  live: admin.output(liveQueueDto).query(({ ctx }) => liveQueue({ ctx })),
  staffing: admin.input(staffingInput).output(staffingDto).query(({ input }) => operatorsNeeded(input)),
});
