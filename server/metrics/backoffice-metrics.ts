import { groupBy, percentile } from './chat-metrics';

/** A decision (approve or reject) taken in the period, with when its application was submitted. */
export interface DecisionFact {
  applicationId: string;
  at: Date;
  decision: 'approve' | 'reject';
  by: string;
  submittedAt: Date | null;
}

export interface BackOfficeFigures {
  /** Submissions in the period (a resubmission after a return counts again). */
  submitted: number;
  decided: number;
  approved: number;
  rejected: number;
  /** approved / decided. */
  approvalRate: number | null;
  /** Submission → decision, seconds, of the period's decisions. */
  decisionTime: { p50: number | null; p90: number | null };
  /** Now: applications waiting (submitted or disputed) and how long the oldest / the median has waited, seconds. */
  queueNow: { count: number; oldest: number | null; p50: number | null };
  byEmployee: { employeeId: string; decided: number; approved: number; rejected: number; decisionTimeP50: number | null }[];
}

const secondsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

export function backOfficeFigures(input: { submissions: number; decisions: readonly DecisionFact[]; waitingSince: readonly Date[]; now: Date }): BackOfficeFigures {
  const times = (ds: readonly DecisionFact[]) => ds.filter((d) => d.submittedAt).map((d) => secondsBetween(d.submittedAt as Date, d.at));
  const approved = input.decisions.filter((d) => d.decision === 'approve').length;
  const ages = input.waitingSince.map((at) => secondsBetween(at, input.now));
  return {
    submitted: input.submissions,
    decided: input.decisions.length,
    approved,
    rejected: input.decisions.length - approved,
    approvalRate: input.decisions.length ? approved / input.decisions.length : null,
    decisionTime: { p50: percentile(times(input.decisions), 50), p90: percentile(times(input.decisions), 90) },
    queueNow: { count: ages.length, oldest: ages.length ? ages.reduce((m, a) => Math.max(m, a), 0) : null, p50: percentile(ages, 50) },
    byEmployee: [...groupBy(input.decisions, (d) => d.by)].map(([employeeId, ds]) => {
      const yes = ds.filter((d) => d.decision === 'approve').length;
      return { employeeId, decided: ds.length, approved: yes, rejected: ds.length - yes, decisionTimeP50: percentile(times(ds), 50) };
    }),
  };
}

/** An application made in the period, and whether it was ever returned (by the chat's operator or by the back office). */
export interface ApplicationFact {
  pointOfSaleId: string | null;
  returnedByOperator: boolean;
  returnedByBackOffice: boolean;
}

export interface PointOfSaleFigures {
  pointOfSaleId: string | null;
  applications: number;
  returnedByOperator: number;
  returnedByBackOffice: number;
  /** Applications returned at least once (by either) / applications. */
  returnedShare: number;
}

export function pointOfSaleFigures(applications: readonly ApplicationFact[]): PointOfSaleFigures[] {
  return [...groupBy(applications, (a) => a.pointOfSaleId)]
    .map(([pointOfSaleId, apps]) => ({
      pointOfSaleId,
      applications: apps.length,
      returnedByOperator: apps.filter((a) => a.returnedByOperator).length,
      returnedByBackOffice: apps.filter((a) => a.returnedByBackOffice).length,
      returnedShare: apps.filter((a) => a.returnedByOperator || a.returnedByBackOffice).length / apps.length,
    }))
    .sort((a, b) => b.applications - a.applications);
}
