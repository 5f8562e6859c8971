import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseFile, databaseLabel, usesPostgres } from '@/server/config/database';
import { env } from '@/server/config/env';

afterEach(() => vi.unstubAllEnvs());

describe('DATABASE_URL', () => {
  it('unset: SQLite under DATA_DIR; a file path: SQLite there', () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DATA_DIR', '/srv/desk');
    expect(usesPostgres()).toBe(false);
    expect(databaseFile()).toBe('/srv/desk/dealer-desk.sqlite');
    vi.stubEnv('DATABASE_URL', '/var/lib/desk/main.sqlite');
    expect(usesPostgres()).toBe(false);
    expect(databaseFile()).toBe('/var/lib/desk/main.sqlite');
  });

  it('a postgres:// URL is PostgreSQL, shown without its password', () => {
    vi.stubEnv('BETTER_AUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('SEAL_P12_PATH', '/etc/desk/seal.p12');
    vi.stubEnv('DATABASE_URL', 'postgresql://desk:s3cret@db.example.ua:5433/dealer_desk');
    expect(usesPostgres()).toBe(true);
    expect(databaseLabel()).toBe('postgres://db.example.ua:5433/dealer_desk');
    expect(databaseLabel()).not.toContain('s3cret');
  });

  it('on PostgreSQL the session secret and the seal must be configured, never generated per process', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://desk@db/dealer_desk');
    vi.stubEnv('BETTER_AUTH_SECRET', '');
    vi.stubEnv('SEAL_P12_PATH', '');
    expect(() => env()).toThrow(/BETTER_AUTH_SECRET: required when DATABASE_URL is PostgreSQL[\s\S]*SEAL_P12_PATH: required/);
    vi.stubEnv('BETTER_AUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('SEAL_P12_PATH', '/etc/desk/seal.p12');
    expect(env().DATABASE_URL).toBe('postgres://desk@db/dealer_desk');
  });
});
