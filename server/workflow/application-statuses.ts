/** Kept free of drizzle so the UI can import it; the list itself is the database's (db/column-values.ts). */
export { APPLICATION_STATUSES, type ApplicationStatus } from '@/db/column-values';
