import { is, Table } from 'drizzle-orm';
import { index as pgIndex, integer as pgInteger, pgTable, PgTable, type PgColumnBuilderBase, text as pgText, uniqueIndex as pgUniqueIndex } from 'drizzle-orm/pg-core';
import { index as sqliteIndex, integer as sqliteInteger, sqliteTable, SQLiteTable, text as sqliteText, uniqueIndex as sqliteUniqueIndex } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as tablesOfProcess from '@/db/schema';
import * as sqlite from '@/db/schema/tables';
import * as pg from '@/db/schema-pg';
import * as pgKit from '@/db/schema-pg/kit';
import * as sqliteKit from '@/db/schema/kit';
import { pgSchemaCopies } from '@/scripts/lib/pg-schema-copies';
import { schemaShape, shapeDifferences } from '../helpers/schema-shape';

// The two dialects' schemas come from one declaration (docs/architecture.md, "Two dialects"): the
// table files of db/schema/, copied to db/schema-pg/ and built there with the pg-core kit.

const isTable = (value: unknown) => is(value, Table);

type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type Rows<S> = { [K in keyof Tables<S>]: Tables<S>[K] extends Table ? Tables<S>[K]['$inferSelect'] : never };
type Inserts<S> = { [K in keyof Tables<S>]: Tables<S>[K] extends Table ? Tables<S>[K]['$inferInsert'] : never };

describe('the schema in two dialects', () => {
  it('db/schema-pg/ holds a copy of every table file of db/schema/, and nothing else but its kit', () => {
    expect(pgSchemaCopies().stale).toEqual([]);
  });

  it('both kits give the same names', () => {
    expect(Object.keys(pgKit).sort()).toEqual(Object.keys(sqliteKit).sort());
  });

  it('exports the same tables, under the same names, with the same values beside them', () => {
    const tableNames = (schema: Record<string, unknown>) => Object.keys(schemaShape(schema));
    expect(tableNames(pg)).toEqual(tableNames(sqlite));
    // Each built by its own dialect: a table file that bypassed the kit would give the copy a SQLite table.
    expect(Object.values(pg).filter(isTable).every((t) => is(t, PgTable))).toBe(true);
    expect(Object.values(sqlite).filter(isTable).every((t) => is(t, SQLiteTable))).toBe(true);
    expect(tableNames(sqlite).length).toBeGreaterThan(20);
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
    const values = (schema: Record<string, unknown>) => Object.fromEntries(Object.entries(schema).filter(([, value]) => !isTable(value)));
    expect(values(pg)).toEqual(values(sqlite));
    expect(values(pg)).toHaveProperty('CHAT_STATUSES', ['queued', 'active', 'closed', 'abandoned']);
  });

  it('has the same tables, columns, keys, unique constraints and indexes', () => {
    const differences = shapeDifferences(schemaShape(sqlite), schemaShape(pg));
    expect(differences).toEqual([]);
    // The comparison sees what it should: a sample of what both must hold.
    const chats = schemaShape(pg).chats;
    expect(chats?.columns.find((c) => c.name === 'status')).toMatchObject({ kind: 'text', notNull: true, default: 'queued', enumValues: ['queued', 'active', 'closed', 'abandoned'] });
    expect(chats?.indexes.find((i) => i.name === 'chats_operator_status_idx')).toEqual({ name: 'chats_operator_status_idx', unique: false, columns: ['operator_id', 'status'], where: null });
    expect(schemaShape(sqlite).session?.foreignKeys).toEqual([
      { name: 'session_user_id_user_id_fk', columns: ['user_id'], foreignTable: 'user', foreignColumns: ['id'], onDelete: 'cascade', onUpdate: 'no action' },
    ]);
  });

  it('reads and writes rows of the same types', () => {
    expectTypeOf<Rows<typeof pg>>().toEqualTypeOf<Rows<typeof sqlite>>();
    expectTypeOf<Inserts<typeof pg>>().toEqualTypeOf<Inserts<typeof sqlite>>();
  });
});

describe('the comparison of two schemas', () => {
  // Two tiny schemas, declared with each dialect's own builders: the same, then each one difference.
  const users = { sqlite: sqliteTable('users', { id: sqliteText().primaryKey() }), pg: pgTable('users', { id: pgText().primaryKey() }) };
  const sqliteNotes = (variant: string) =>
    sqliteTable(
      'notes',
      {
        id: sqliteInteger().primaryKey({ autoIncrement: true }),
        authorId: variant === 'cascade' ? sqliteText().notNull().references(() => users.sqlite.id, { onDelete: 'cascade' }) : sqliteText().notNull().references(() => users.sqlite.id),
        kind: sqliteText({ enum: ['a', 'b'] }).notNull().default('a'),
        body: variant === 'nullable' ? sqliteText() : sqliteText().notNull(),
        slug: variant === 'unique' ? sqliteText().unique() : sqliteText(),
        at: sqliteInteger({ mode: 'timestamp_ms' }).notNull(),
        ...(variant === 'extra column' ? { extra: sqliteText() } : {}),
      },
      (t) => [
        variant === 'index order' ? sqliteIndex('notes_author_idx').on(t.at, t.authorId) : sqliteIndex('notes_author_idx').on(t.authorId, t.at),
        variant === 'not unique' ? sqliteIndex('notes_kind_idx').on(t.kind, t.slug) : sqliteUniqueIndex('notes_kind_idx').on(t.kind, t.slug),
      ],
    );
  const pgNotes = pgTable(
    'notes',
    {
      id: pgKit.autoId(),
      authorId: pgText()
        .notNull()
        .references(() => users.pg.id),
      kind: pgText({ enum: ['a', 'b'] })
        .notNull()
        .default('a'),
      body: pgText().notNull(),
      slug: pgText(),
      at: pgKit.timestamp().notNull(),
    },
    (t) => [pgIndex('notes_author_idx').on(t.authorId, t.at), pgUniqueIndex('notes_kind_idx').on(t.kind, t.slug)],
  );
  const differences = (variant: string) => shapeDifferences(schemaShape({ users: users.sqlite, notes: sqliteNotes(variant) }), schemaShape({ users: users.pg, notes: pgNotes }));

  it('finds nothing between two declarations of the same tables', () => {
    expect(differences('same')).toEqual([]);
  });

  it.each([
    ['nullable', ['notes.columns.body.notNull: false ≠ true']],
    ['unique', ['notes.columns.slug.unique: "notes_slug_unique" ≠ null']],
    ['extra column', ['notes.columns.extra: only in the first']],
    ['cascade', ['notes.foreignKeys.notes_author_id_users_id_fk.onDelete: "cascade" ≠ "no action"']],
    ['index order', ['notes.indexes.notes_author_idx.columns: ["at","author_id"] ≠ ["author_id","at"]']],
    ['not unique', ['notes.indexes.notes_kind_idx.unique: false ≠ true']],
  ])('finds one difference: %s', (variant, expected) => {
    expect(differences(variant)).toEqual(expected);
  });

  it('tells apart a default, its allowed values, and a column of another kind', () => {
    const one = (column: PgColumnBuilderBase) => schemaShape({ t: pgTable('t', { c: column }) });
    expect(shapeDifferences(one(pgText().default('a')), one(pgText().default('b')))).toEqual(['t.columns.c.default: "a" ≠ "b"']);
    expect(shapeDifferences(one(pgText({ enum: ['a'] })), one(pgText({ enum: ['a', 'b'] })))).toEqual(['t.columns.c.enumValues: ["a"] ≠ ["a","b"]']);
    expect(shapeDifferences(one(pgText()), one(pgInteger()))).toEqual(['t.columns.c.kind: "text" ≠ "integer"', 't.columns.c.dataType: "string" ≠ "number"']);
  });

  it("switches every table to the process's dialect, and back", () => {
    const names = (schema: object) => Object.entries(schema).filter(([, value]) => isTable(value)).map(([name]) => name).sort();
    expect(names(tablesOfProcess)).toEqual(names(sqlite));
    try {
      tablesOfProcess.chooseDialect('postgres');
      for (const name of names(sqlite)) expect(tablesOfProcess[name as keyof typeof tablesOfProcess], name).toBe(pg[name as keyof typeof pg]);
    } finally {
      tablesOfProcess.chooseDialect('sqlite');
    }
    for (const name of names(sqlite)) expect(tablesOfProcess[name as keyof typeof tablesOfProcess], name).toBe(sqlite[name as keyof typeof sqlite]);
  });
});
