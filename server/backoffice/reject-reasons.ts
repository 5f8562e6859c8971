/** Why the back office rejects (labels in messages/*.json under `backoffice.reasons`). */
export const REJECT_REASONS = ['documentInvalid', 'identityDoubt', 'dataMismatch', 'signatureProblem', 'notEntitled', 'subscriberDisputed', 'duplicate', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
