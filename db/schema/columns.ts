import { integer, text } from 'drizzle-orm/sqlite-core';

/** Millisecond timestamps; every table stores time the same way. */
export const timestamp = () => integer({ mode: 'timestamp_ms' });

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () =>
  timestamp()
    .notNull()
    .$defaultFn(() => new Date());
