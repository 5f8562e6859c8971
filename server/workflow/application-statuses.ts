/** Kept free of drizzle so the UI can import it. */
export const APPLICATION_STATUSES = ['draft', 'identified', 'filled', 'verified', 'signed', 'submitted', 'approved', 'rejected', 'cancelled', 'disputed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
