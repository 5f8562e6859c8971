import { afterEach, describe, expect, it, vi } from 'vitest';
import { offerTimeoutMs } from '@/server/chat/offer-timeout';
import { chatDeadline, classTargetMs, classTargetsSeconds } from '@/server/chat/class-targets';
import path from 'node:path';
import { databaseFile, databaseLabel, usesPostgres } from '@/server/config/database';
import { env } from '@/server/config/env';
import { defaultMaxQueue, defaultNiceness, defaultThreads, workerFile } from '@/server/signing/pdf-pool';
import { companyName } from '@/server/signing/seal-certificate';

/** Every setting is parsed once, by server/config/env.ts: a bad value stops the app naming it. */
afterEach(() => vi.unstubAllEnvs());

describe('configuration read through server/config/env.ts', () => {
  it('is parsed once while nothing changes, and again as soon as a variable does', () => {
    vi.stubEnv('COMPANY_NAME', 'ТОВ «Перше»');
    const first = env();
    expect(env()).toBe(first);
    vi.stubEnv('COMPANY_NAME', 'ТОВ «Друге»');
    expect(env()).not.toBe(first);
    expect(env().COMPANY_NAME).toBe('ТОВ «Друге»');
    expect(Object.isFrozen(env())).toBe(true);
  });

  it('the chat offer time-out: seconds from CHAT_OFFER_TIMEOUT_SECONDS, 10 by default, a bad value named', () => {
    vi.stubEnv('CHAT_OFFER_TIMEOUT_SECONDS', '');
    expect(offerTimeoutMs()).toBe(10_000);
    vi.stubEnv('CHAT_OFFER_TIMEOUT_SECONDS', '2.5');
    expect(offerTimeoutMs()).toBe(2_500);
    vi.stubEnv('CHAT_OFFER_TIMEOUT_SECONDS', 'soon');
    expect(() => env()).toThrow(/CHAT_OFFER_TIMEOUT_SECONDS/);
    vi.stubEnv('CHAT_OFFER_TIMEOUT_SECONDS', '0');
    expect(() => env()).toThrow(/CHAT_OFFER_TIMEOUT_SECONDS/);
  });

  it('the service-level targets of the two chat classes: CHAT_TARGET_DEALER_SECONDS and CHAT_TARGET_SUBSCRIBER_SECONDS, 20 s by default, a bad value named', () => {
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '');
    expect(classTargetsSeconds()).toEqual({ dealer: 20, subscriber: 20 });
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '10');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '60');
    expect([classTargetMs('dealer'), classTargetMs('subscriber')]).toEqual([10_000, 60_000]);
    expect(chatDeadline({ class: 'subscriber', createdAt: new Date(0) })).toBe(60_000);
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '-1');
    expect(() => env()).toThrow(/CHAT_TARGET_SUBSCRIBER_SECONDS/);
  });

  it('the company printed on documents: COMPANY_NAME, the default when unset or empty', () => {
    vi.stubEnv('COMPANY_NAME', '');
    expect(companyName()).toBe('ТОВ «Мобільний оператор»');
    vi.stubEnv('COMPANY_NAME', 'ТОВ «Приклад»');
    expect(companyName()).toBe('ТОВ «Приклад»');
  });

  it('the seal: SEAL_P12_PATH and SEAL_P12_PASSWORD', () => {
    vi.stubEnv('SEAL_P12_PATH', '/etc/seal.p12');
    vi.stubEnv('SEAL_P12_PASSWORD', 'secret');
    expect(env()).toMatchObject({ SEAL_P12_PATH: '/etc/seal.p12', SEAL_P12_PASSWORD: 'secret' });
    vi.stubEnv('SEAL_P12_PATH', '');
    expect(env().SEAL_P12_PATH).toBeUndefined();
  });

  it('the PDF pool: PDF_WORKERS, PDF_QUEUE, PDF_WORKER_FILE, a bad number named', () => {
    vi.stubEnv('PDF_WORKERS', '3');
    vi.stubEnv('PDF_QUEUE', '40');
    vi.stubEnv('PDF_WORKER_FILE', '/srv/pdf-worker.cjs');
    expect([defaultThreads(), defaultMaxQueue(), workerFile()]).toEqual([3, 40, '/srv/pdf-worker.cjs']);
    vi.stubEnv('PDF_WORKERS', '');
    vi.stubEnv('PDF_QUEUE', '');
    vi.stubEnv('PDF_WORKER_FILE', '');
    expect(defaultThreads()).toBeGreaterThanOrEqual(1);
    expect(defaultMaxQueue()).toBe(16);
    expect(workerFile()).toMatch(/server\/signing\/pdf-worker\.cjs$/);
    vi.stubEnv('PDF_QUEUE', 'many');
    expect(() => env()).toThrow(/PDF_QUEUE/);
  });

  it('the PDF workers\' priority: PDF_WORKER_NICE, 10 by default, 0 to 19', () => {
    vi.stubEnv('PDF_WORKER_NICE', '');
    expect(defaultNiceness()).toBe(10);
    vi.stubEnv('PDF_WORKER_NICE', '0');
    expect(defaultNiceness()).toBe(0);
    vi.stubEnv('PDF_WORKER_NICE', '20');
    expect(() => env()).toThrow(/PDF_WORKER_NICE/);
  });

  it('the database: DATABASE_URL unset or a path is SQLite, a postgres:// URL PostgreSQL (its password never in the label); DATABASE_POOL 2 to 200', () => {
    vi.stubEnv('DATA_DIR', '/srv/desk');
    vi.stubEnv('DATABASE_URL', '');
    expect(usesPostgres()).toBe(false);
    expect(databaseFile()).toBe(path.resolve('/srv/desk/dealer-desk.sqlite'));
    vi.stubEnv('DATABASE_URL', 'file:/var/lib/desk/desk.sqlite');
    expect(usesPostgres()).toBe(false);
    expect(databaseLabel()).toBe(path.resolve('/var/lib/desk/desk.sqlite'));
    for (const url of ['postgres://desk:secret@db.example.ua:5433/dealer_desk', 'postgresql://desk:secret@db.example.ua:5433/dealer_desk']) {
      vi.stubEnv('DATABASE_URL', url);
      expect(usesPostgres()).toBe(true);
      expect(databaseLabel()).toBe('postgres://db.example.ua:5433/dealer_desk');
    }
    vi.stubEnv('DATABASE_POOL', '');
    expect(env().DATABASE_POOL).toBe(10);
    vi.stubEnv('DATABASE_POOL', '1');
    expect(() => env()).toThrow(/DATABASE_POOL/);
  });
});
