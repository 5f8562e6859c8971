/** What of the widget's status says whether an operator can take a chat now. */
export interface Availability {
  open: boolean;
  expectedWaitSeconds: number | null;
  longWaitSeconds: number;
  outlook: 'now' | 'estimate' | 'noOperators';
}

/** Open, but the expected wait is over the "long" mark. */
export function isLongWait(status: Availability): boolean {
  return status.open && status.expectedWaitSeconds !== null && status.expectedWaitSeconds > status.longWaitSeconds;
}

/**
 * No operator to chat with now: outside business hours, nobody serving subscribers, or a long
 * wait. The widget then shows the hours and offers a written request instead.
 */
export function unavailable(status: Availability): boolean {
  return !status.open || status.outlook === 'noOperators' || isLongWait(status);
}
