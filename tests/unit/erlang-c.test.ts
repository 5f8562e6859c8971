import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { averageSpeedOfAnswer, erlangCWaitProbability, MAX_OPERATORS, operatorsNeeded, serviceLevel, staffingRow, trafficErlangs, type StaffingInput } from '@/server/metrics/erlang-c';

// The published worked example of the Erlang C formula: 200 contacts an hour, 180 s each.
const textbook = { arrivalsPerHour: 200, ahtSeconds: 180 };
const A = 10; // 200 · 180 / 3600

describe('trafficErlangs', () => {
  it('is arrivals per hour × handle time / 3600', () => {
    expect(trafficErlangs(textbook)).toBe((200 * 180) / 3600);
    expect(trafficErlangs({ arrivalsPerHour: 45, ahtSeconds: 240 })).toBe(3); // 45 · 240 / 3600
    expect(trafficErlangs({ arrivalsPerHour: 0, ahtSeconds: 300 })).toBe(0);
  });
});

describe('erlangCWaitProbability', () => {
  it('matches the published example to 4 decimals: 0.6821, 0.4494, 0.2853, 0.1741 for 11–14 agents', () => {
    expect(erlangCWaitProbability(A, 11)).toBeCloseTo(0.6821, 4);
    expect(erlangCWaitProbability(A, 12)).toBeCloseTo(0.4494, 4);
    expect(erlangCWaitProbability(A, 13)).toBeCloseTo(0.2853, 4);
    expect(erlangCWaitProbability(A, 14)).toBeCloseTo(0.1741, 4);
  });

  it('is consistent with the textbook Erlang B(A = 10, N = 10) ≈ 0.2146', () => {
    // C(10, 10) is 1 by definition (n <= a), so go one agent up.
    // Erlang B recursion one step: B₁₁ = A·B₁₀ / (11 + A·B₁₀) = 10 · 0.2146 / (11 + 2.146) = 2.146 / 13.146 ≈ 0.1632
    // (not 0.1143: that would give C = 11 · 0.1143 / (1 + 10 · 0.1143) ≈ 0.587, far from 0.6821).
    const b10 = 0.2146;
    const b11 = (10 * b10) / (11 + 10 * b10);
    expect(b11).toBeCloseTo(0.1632, 4);
    // C = N·B / (N − A(1 − B)) = 11 · 0.1632 / (11 − 10 · 0.8368) = 1.7955 / 2.632 ≈ 0.6821
    expect(erlangCWaitProbability(10, 11)).toBeCloseTo((11 * b11) / (11 - 10 * (1 - b11)), 4);
    // And backwards from the code's C: B₁₁ = C(N − A) / (N − A·C); B₁₀ = 11·B₁₁ / (10(1 − B₁₁))
    const c = erlangCWaitProbability(10, 11);
    const back11 = (c * (11 - 10)) / (11 - 10 * c);
    expect((11 * back11) / (10 * (1 - back11))).toBeCloseTo(0.2146, 4);
  });

  it('matches M/M/2 at half load worked by hand: C(1, 2) = 1/3', () => {
    // B₁ = 1·1 / (1 + 1) = 1/2; B₂ = 1·(1/2) / (2 + 1/2) = 1/5; C = 2·(1/5) / (2 − 1·(4/5)) = (2/5) / (6/5) = 1/3
    // (the closed form for two servers, 2ρ² / (1 + ρ) with ρ = 1/2, gives the same 1/3)
    expect(erlangCWaitProbability(1, 2)).toBeCloseTo(1 / 3, 12);
    // M/M/1: C is the load, ρ = 0.5
    expect(erlangCWaitProbability(0.5, 1)).toBeCloseTo(0.5, 12);
  });

  it('is 0 without traffic and 1 when the agents cannot keep up (N ≤ A)', () => {
    expect(erlangCWaitProbability(0, 5)).toBe(0);
    expect(erlangCWaitProbability(10, 10)).toBe(1);
    expect(erlangCWaitProbability(10, 9)).toBe(1);
    expect(erlangCWaitProbability(10.5, 10)).toBe(1);
    expect(erlangCWaitProbability(3, 0)).toBe(1);
  });
});

describe('serviceLevel', () => {
  it('is 1 − C·e^(−(N − A)·t / AHT): for 13 agents and 20 s, 1 − 0.2853·e^(−1/3) ≈ 0.7956', () => {
    // (N − A)·t / AHT = (13 − 10) · 20 / 180 = 1/3; e^(−1/3) ≈ 0.71653
    // 1 − 0.28527 · 0.71653 = 1 − 0.20441 ≈ 0.79559
    expect(serviceLevel(textbook, 13, 20)).toBeCloseTo(1 - 0.2853 * Math.exp(-((13 - 10) * 20) / 180), 4);
    expect(serviceLevel(textbook, 13, 20)).toBeCloseTo(0.7956, 4);
  });

  it('rises with the threshold and equals 1 − C at a threshold of 0', () => {
    // t = 0: 1 − 0.6821 = 0.3179 for 11 agents
    expect(serviceLevel(textbook, 11, 0)).toBeCloseTo(1 - 0.6821, 4);
    // t = 60 s, 11 agents: 1 − 0.6821 · e^(−1 · 60 / 180) = 1 − 0.6821 · 0.71653 ≈ 0.5112
    expect(serviceLevel(textbook, 11, 60)).toBeCloseTo(0.5112, 4);
  });

  it('is 0 when N ≤ A and 1 without traffic', () => {
    expect(serviceLevel(textbook, 10, 20)).toBe(0);
    expect(serviceLevel(textbook, 7, 20)).toBe(0);
    expect(serviceLevel({ arrivalsPerHour: 0, ahtSeconds: 180 }, 2, 20)).toBe(1);
  });
});

describe('averageSpeedOfAnswer', () => {
  it('is C·AHT / (N − A): for 11 agents 0.6821 · 180 / 1 ≈ 122.8 s', () => {
    expect(averageSpeedOfAnswer(textbook, 11)).toBeCloseTo(122.8, 1);
    // 14 agents: 0.1741 · 180 / 4 ≈ 7.83 s
    expect(averageSpeedOfAnswer(textbook, 14)).toBeCloseTo((0.17413 * 180) / 4, 2);
  });

  it('M/M/2 at half load: (1/3) · 180 / (2 − 1) = 60 s', () => {
    // 20 an hour × 180 s = 1 Erlang
    expect(averageSpeedOfAnswer({ arrivalsPerHour: 20, ahtSeconds: 180 }, 2)).toBeCloseTo(60, 9);
  });

  it('is infinite when N ≤ A and 0 without traffic', () => {
    expect(averageSpeedOfAnswer(textbook, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(averageSpeedOfAnswer(textbook, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(averageSpeedOfAnswer({ arrivalsPerHour: 0, ahtSeconds: 180 }, 1)).toBe(0);
  });
});

/** operatorsNeeded on the textbook load in a separate Node process with a 64 MB heap and a 10 s limit. */
function operatorsNeededInChild(concurrency: number) {
  const module = pathToFileURL(path.resolve(import.meta.dirname, '../../server/metrics/erlang-c.ts')).href;
  const script = `import(${JSON.stringify(module)}).then((m) => {
    try { const r = m.operatorsNeeded({ arrivalsPerHour: 200, ahtSeconds: 180, concurrency: ${concurrency}, targetServiceLevel: 0.8, thresholdSeconds: 20 }); console.log(r.operators, r.rows.length); }
    catch { console.log('threw'); }
  });`;
  return spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 10_000 });
}

const input = (over: Partial<StaffingInput> = {}): StaffingInput => ({ ...textbook, concurrency: 1, targetServiceLevel: 0.8, thresholdSeconds: 20, ...over });

describe('staffingRow', () => {
  it('counts an operator serving k chats at once as k agents', () => {
    // 4 operators × 3 chats = 12 agents for 10 Erlangs
    const row = staffingRow(input({ concurrency: 3 }), 4);
    expect(row.operators).toBe(4);
    expect(row.agents).toBe(12);
    expect(row.occupancy).toBeCloseTo(10 / 12, 12);
    expect(row.waitProbability).toBeCloseTo(0.4494, 4);
    // 1 − 0.44939 · e^(−2 · 20 / 180) = 1 − 0.35984 ≈ 0.6402
    expect(row.serviceLevel).toBeCloseTo(0.6402, 4);
    // 0.44939 · 180 / (12 − 10) ≈ 40.44 s
    expect(row.asaSeconds).toBeCloseTo(40.44, 2);
    // the same as 12 operators with one chat each
    expect(staffingRow(input({ concurrency: 1 }), 12)).toEqual({ ...row, operators: 12 });
  });

  it('caps occupancy at 1 and reports a queue without bound when agents ≤ traffic', () => {
    expect(staffingRow(input({ concurrency: 3 }), 3)).toEqual({ operators: 3, agents: 9, occupancy: 1, waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY });
  });

  it('without traffic: nobody waits', () => {
    expect(staffingRow(input({ arrivalsPerHour: 0 }), 2)).toEqual({ operators: 2, agents: 2, occupancy: 0, waitProbability: 0, serviceLevel: 1, asaSeconds: 0 });
  });
});

describe('operatorsNeeded', () => {
  it('gives the fewest operators meeting the target and two rows either side', () => {
    // 13 agents: 0.7956 < 0.8; 14 agents: 1 − 0.17413 · e^(−4 · 20 / 180) = 1 − 0.17413 · 0.64118 ≈ 0.8884 ≥ 0.8
    const needed = operatorsNeeded(input());
    expect(needed.operators).toBe(14);
    expect(needed.rows.map((r) => r.operators)).toEqual([12, 13, 14, 15, 16]);
    expect(needed.rows[1]?.serviceLevel).toBeCloseTo(0.7956, 4);
    expect(needed.rows[2]?.serviceLevel).toBeCloseTo(0.8884, 4);
  });

  it('with three chats at once needs 5 operators (15 agents) where 4 (12 agents) fall short', () => {
    // 12 agents: 0.6402 (above); 15 agents: B₁₅ = 10 · 0.056819 / (15 + 0.56819) ≈ 0.036497,
    // C = 15 · 0.036497 / (15 − 10 · 0.963503) ≈ 0.10204, SL = 1 − 0.10204 · e^(−5 · 20 / 180) ≈ 0.9415
    const needed = operatorsNeeded(input({ concurrency: 3 }));
    expect(needed.operators).toBe(5);
    expect(needed.rows.map((r) => [r.operators, r.agents])).toEqual([[3, 9], [4, 12], [5, 15], [6, 18], [7, 21]]);
    expect(needed.rows[2]?.serviceLevel).toBeCloseTo(0.9415, 4);
  });

  it('starts the rows at one operator for light traffic', () => {
    // 10 an hour × 180 s = 0.5 Erlang. 1 agent: C = 0.5, SL = 1 − 0.5 · e^(−0.5 · 20 / 180) ≈ 0.5270 (short).
    // 2 agents: B₂ = 0.5 · (1/3) / (2 + 1/6) = 1/13, C = (2/13) / (2 − 0.5 · 12/13) = 0.1,
    // SL = 1 − 0.1 · e^(−1.5 · 20 / 180) ≈ 0.9154 (enough).
    const needed = operatorsNeeded(input({ arrivalsPerHour: 10 }));
    expect(needed.operators).toBe(2);
    expect(needed.rows.map((r) => r.operators)).toEqual([1, 2, 3, 4]);
    expect(needed.rows[0]?.serviceLevel).toBeCloseTo(1 - 0.5 * Math.exp(-(0.5 * 20) / 180), 12);
    expect(needed.rows[1]?.serviceLevel).toBeCloseTo(1 - 0.1 * Math.exp(-(1.5 * 20) / 180), 12);
  });

  it('needs nobody without traffic', () => {
    expect(operatorsNeeded(input({ arrivalsPerHour: 0 }))).toEqual({ operators: 0, reachable: true, rows: [] });
  });

  it('says "not reachable" for a target no staffing reaches, rather than looping', () => {
    // A service level above 1 cannot be met.
    expect(operatorsNeeded(input({ targetServiceLevel: 1.01 }))).toEqual({ operators: MAX_OPERATORS, reachable: false, rows: [] });
  });

  // Found by this test once: a cap on the operator count (not on the search) returned floor(A / k) — service level 0 — for very heavy traffic.
  it('meets the target also for traffic of 10 000 Erlangs and more', () => {
    // 10 000 an hour × 3600 s = 10 000 Erlangs
    const heavy = input({ arrivalsPerHour: 10_000, ahtSeconds: 3600 });
    const needed = operatorsNeeded(heavy);
    expect(staffingRow(heavy, needed.operators).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(staffingRow(heavy, needed.operators - 1).serviceLevel).toBeLessThan(0.8);
  });

  // Found by this test once: concurrency 0 made the search start at Infinity and never end. Run in
  // a child process with a small heap and a time limit, so a regression cannot hang the suite.
  it('ends with an error when operators carry no chats at all', () => {
    const child = operatorsNeededInChild(0);
    expect([child.status, child.stdout.trim()]).toEqual([0, 'threw']);
  }, 30_000);

  it('the child-process harness of the test above works for a sound input', () => {
    const child = operatorsNeededInChild(1);
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('14 5'); // as in the first test: 14 operators, 5 rows
  }, 30_000);
});
