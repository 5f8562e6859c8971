import { z } from 'zod';

const num = z.number().nullable();

const backlogDto = z.object({ under4h: z.number(), h4to8: z.number(), d1to2: z.number(), older: z.number(), total: z.number() });
const timeDto = z.object({ p50: num, p90: num, within: z.number(), counted: z.number(), share: num });

/** The figures of a set of written requests (server/metrics/request-metrics.ts `requestFigures`) and its backlog now. */
const requestFiguresDto = z.object({
  received: z.number(),
  answered: z.number(),
  resolved: z.number(),
  firstResponse: timeDto,
  resolution: timeDto,
  reopened: z.number(),
  reopenRate: num,
  satisfaction: z.object({ mean: num, count: z.number(), distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]) }),
  backlog: backlogDto,
});

/** The written requests' part of the dashboard (server/metrics/request-overview.ts). */
export const requestFiguresOverviewDto = z.object({
  total: requestFiguresDto,
  byCategory: z.array(requestFiguresDto.extend({ category: z.string(), nameUk: z.string(), nameEn: z.string(), firstResponseHours: num, resolutionHours: num })),
  byEmployee: z.array(requestFiguresDto.extend({ employeeId: z.string().nullable(), name: z.string().nullable() })),
  staffing: z.object({
    businessDays: z.number(),
    requestsPerDay: z.number(),
    applicationsPerDay: z.number(),
    minutesPerRequest: z.number(),
    minutesPerApplication: z.number(),
    hoursPerPerson: z.number(),
    occupancy: z.number(),
    headcount: z.number(),
  }),
});
