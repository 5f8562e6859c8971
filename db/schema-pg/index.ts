// The PostgreSQL tables (written by hand, like kit.ts): the declarations of db/schema/, copied.
export * from './tables';
