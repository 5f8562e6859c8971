import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '@/db/client';
import { chats, operatorPresence, users } from '@/db/schema';
import { DEFAULT_SIMULATION, simulate, type SimulationOptions, type SimulationReport } from '@/simulation/simulate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-simulation-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Everything but the wall-clock timings, which differ from run to run. */
const figuresOf = ({ sim_seconds: _sim, wall_seconds: _wall, ...rest }: SimulationReport) => rest;

describe('simulation', () => {
  // 1 h at 60 chats/h on 2 operators × 2: 4 agents. With a 120 s handle time that is 2 Erlangs.
  const short: SimulationOptions = { ...DEFAULT_SIMULATION, hours: 1, arrivalsPerHour: 60, operators: 2, capacity: 2, ahtSeconds: 120, seed: 7 };

  it('is reproducible: the same seed gives the same figures', async () => {
    const first = await simulate(short);
    const second = await simulate(short);
    expect(figuresOf(second)).toEqual(figuresOf(first));
    expect(first.chats).toBeGreaterThan(40);
    expect(first.answered).toBe(first.chats);
    expect(first.presence_lost).toBe(0);
    expect(first.missed_offers).toBe(0);
    const other = await simulate({ ...short, seed: 8 });
    expect(figuresOf(other)).not.toEqual(figuresOf(first));
  }, 60_000);

  it('ends every chat closed or abandoned and every operator offline, through the procedures', async () => {
    const file = path.join(dir, 'patient.sqlite');
    // Tight staffing and impatient dealers: some give up.
    const report = await simulate({ ...short, ahtSeconds: 200, patienceSeconds: 30, seed: 11, dbFile: file });
    const db = openDb(file);
    try {
      const statuses = (await db.select({ status: chats.status }).from(chats)).map((c) => c.status);
      expect(statuses).toHaveLength(report.chats);
      expect(new Set(statuses)).toEqual(new Set(['closed', 'abandoned']));
      expect(report.abandoned).toBeGreaterThan(0);
      expect(report.answered + report.abandoned).toBe(report.chats);
      expect(statuses.filter((s) => s === 'abandoned')).toHaveLength(report.abandoned);
      const operators = await db.select({ status: operatorPresence.status }).from(operatorPresence);
      expect(operators).toHaveLength(2);
      expect(operators.every((o) => o.status === 'offline')).toBe(true);
      // The people were made by the admin procedures: an admin, 2 operators, 6 dealer representatives.
      expect((await db.select({ role: users.role }).from(users)).map((u) => u.role).sort()).toEqual(['admin', ...Array<string>(6).fill('dealer'), 'operator', 'operator']);
    } finally {
      await closeDb(db);
    }
    await expect(simulate({ ...short, dbFile: file })).rejects.toThrow(/already exists/);
  }, 60_000);

  it('measures a service level within 0.05 of Erlang C for a stationary load without abandonment', async () => {
    // 4 h at 120 chats/h, 210 s each: 7 Erlangs on 4 operators × 3 = 12 agents; Erlang C gives
    // 96.1 % within 20 s. A finite run scatters around that: over seeds 1–20 this very run measured
    // 96.13 % on average (the model is right on average), with a standard deviation of 4.4 points
    // and 17 of the 20 seeds within 0.05 — a burst of arrivals now and then builds a queue that a
    // 4-hour run does not average out (worst seed: 12 points below). The seed makes the outcome
    // deterministic; seed 1 is simply the first one, not a chosen one. A 1-hour run scatters too
    // much to be held to 0.05 at all.
    const report = await simulate({ ...DEFAULT_SIMULATION, hours: 4, arrivalsPerHour: 120, operators: 4, capacity: 3, ahtSeconds: 210, seed: 1 });
    expect(report.predicted_sl).toBeCloseTo(0.9611, 4);
    expect(report.abandoned).toBe(0);
    expect(report.measured_sl).not.toBeNull();
    expect(Math.abs((report.measured_sl ?? 0) - report.predicted_sl)).toBeLessThanOrEqual(0.05);
    // Waiting until the offer excludes the operator's reaction time, so it is at least as good.
    expect(report.offered_sl ?? 0).toBeGreaterThanOrEqual(report.measured_sl ?? 1);
  }, 120_000);

  it('refuses a bad flag with a clear message and exit code 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', '--operators', 'five'], { encoding: 'utf8', cwd: process.cwd() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--operators must be a number');
    const unknown = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', '--agents', '3'], { encoding: 'utf8', cwd: process.cwd() });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown flag "--agents"');
  }, 60_000);
});
