import { z } from 'zod';
import type { VerbContext } from '@/server/context';

/**
 * The back office's staffing, by a plain workload model (docs/metrics.md, "Back-office staffing"):
 *
 *   needed hours per business day = (requests per day × minutes per request
 *                                    + applications per day × minutes per application) / 60
 *   hours one person gives        = productive hours per person per day × occupancy
 *   people needed                 = ⌈needed hours / hours one person gives⌉
 *
 * Written requests wait in a queue measured in hours, not seconds, so no Erlang C: the targets
 * are met when the work of a day is done within the day (a backlog that does not grow). The
 * occupancy (e.g. 0.85) leaves room for peaks, breaks and everything that is not a request.
 */
export const backOfficeStaffingInput = z.object({
  requestsPerDay: z.number().min(0).max(100_000),
  minutesPerRequest: z.number().min(0.1).max(8 * 60),
  applicationsPerDay: z.number().min(0).max(100_000),
  minutesPerApplication: z.number().min(0).max(8 * 60),
  /** Productive hours a person works on a business day. */
  hoursPerPerson: z.number().min(0.5).max(24),
  /** The share of those hours spent on requests and applications, 0 < occupancy ≤ 1. */
  occupancy: z.number().gt(0).max(1),
  /** The people there are (users with the back-office role), to compare with. */
  headcount: z.number().int().min(0).max(100_000),
});
export type BackOfficeStaffingInput = z.infer<typeof backOfficeStaffingInput>;

export interface BackOfficeStaffing {
  /** Hours of work per business day. */
  workloadHours: number;
  requestHours: number;
  applicationHours: number;
  /** Hours one person covers per day (hours × occupancy). */
  hoursPerPersonEffective: number;
  peopleNeeded: number;
  headcount: number;
  /** headcount − peopleNeeded: ≥ 0 means enough. */
  spare: number;
  enough: boolean;
  /** The workload / what the headcount gives at 100 %: above 1, more work than hours. */
  utilisation: number | null;
}

export function backOfficeStaffing(input: BackOfficeStaffingInput): BackOfficeStaffing {
  const requestHours = (input.requestsPerDay * input.minutesPerRequest) / 60;
  const applicationHours = (input.applicationsPerDay * input.minutesPerApplication) / 60;
  const workloadHours = requestHours + applicationHours;
  const effective = input.hoursPerPerson * input.occupancy;
  // A hair of tolerance: 8.000000001 people from floating point are 8.
  const peopleNeeded = workloadHours > 0 ? Math.ceil(workloadHours / effective - 1e-9) : 0;
  return {
    workloadHours,
    requestHours,
    applicationHours,
    hoursPerPersonEffective: effective,
    peopleNeeded,
    headcount: input.headcount,
    spare: input.headcount - peopleNeeded,
    enough: input.headcount >= peopleNeeded,
    utilisation: input.headcount > 0 ? workloadHours / (input.headcount * input.hoursPerPerson) : null,
  };
}

export const backOfficeStaffingDto = z.object({
  workloadHours: z.number(),
  requestHours: z.number(),
  applicationHours: z.number(),
  hoursPerPersonEffective: z.number(),
  peopleNeeded: z.number(),
  headcount: z.number(),
  spare: z.number(),
  enough: z.boolean(),
  utilisation: z.number().nullable(),
});

/** The back office's staffing calculator (admins). */
export function backOfficeStaffingVerb({ input }: { ctx: VerbContext; input: BackOfficeStaffingInput }) {
  return backOfficeStaffing(input);
}
