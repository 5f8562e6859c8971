import type { ApplicationRow } from '@/server/workflow/transition';

export type ConfirmationFields = Pick<ApplicationRow, 'subscriberConfirmedAt' | 'confirmationMode' | 'waitingPeriodEndsAt'>;

/**
 * Whether the subscriber's side of a sensitive application is settled: confirmed through a link,
 * or — for a subscriber with no reachable contact — the waiting period passed (a dispute in it
 * would have frozen the application, and only `submitted` is ever approved). `waitingUntil` is
 * the end of a waiting period still running.
 */
export function confirmationState(application: ConfirmationFields, now: Date): { settled: boolean; waitedOut: boolean; waitingUntil: Date | null } {
  if (application.subscriberConfirmedAt) return { settled: true, waitedOut: false, waitingUntil: null };
  if (application.confirmationMode !== 'waitingPeriod' || !application.waitingPeriodEndsAt) return { settled: false, waitedOut: false, waitingUntil: null };
  const waitedOut = application.waitingPeriodEndsAt.getTime() <= now.getTime();
  return { settled: waitedOut, waitedOut, waitingUntil: waitedOut ? null : application.waitingPeriodEndsAt };
}
