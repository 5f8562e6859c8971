import { describe, expect, it } from 'vitest';
import { serviceLevel } from '@/server/metrics/erlang-c';
import { DEFAULT_SIMULATION, pooledPrediction, simulate } from '@/simulation/simulate';

describe('simulation of two classes sharing the operators', () => {
  it('predicts every class the pooled Erlang C at the arrival-weighted mean target', () => {
    const options = { ...DEFAULT_SIMULATION, arrivalsPerHour: 120, subscriberArrivalsPerHour: 240, ahtSeconds: 120, subscriberAhtSeconds: 150, dealerTargetSeconds: 10, subscriberTargetSeconds: 40, operators: 6, capacity: 3 };
    const p = pooledPrediction(options);
    expect(p.load).toEqual({ arrivalsPerHour: 360, ahtSeconds: (120 * 120 + 240 * 150) / 360 });
    expect(p.meanTarget).toBe(30);
    expect(p.serviceLevel).toBeCloseTo(serviceLevel(p.load, 18, 30), 10);
    expect(pooledPrediction({ ...options, arrivalsPerHour: 0, subscriberArrivalsPerHour: 0 }).serviceLevel).toBeNull();
  });

  it('measures each class within 2 points of the prediction over a stationary load (equal targets: EDF is FCFS)', async () => {
    // 4 h of 180 dealer + 180 subscriber chats an hour, 100 s each: 10 Erlangs on 6 operators × 3
    // = 18 agents (56 % busy); the pooled Erlang C gives 99.68 % within 20 s for either class,
    // about 720 chats per class. Seeds 1 and 2 measured 100 / 100 % and 99.45 / 99.73 % (dealer /
    // subscriber). A heavier load scatters far more in a run this short: at 12 Erlangs on the same
    // 18 agents (97.2 % predicted) 6-hour runs measured 92–96 % per class, a burst's queue not
    // averaging out — so this checks the model at a load a short run can hold to 2 points.
    // Virtual time: the run takes seconds, not hours.
    const report = await simulate({ ...DEFAULT_SIMULATION, hours: 4, arrivalsPerHour: 180, subscriberArrivalsPerHour: 180, operators: 6, capacity: 3, ahtSeconds: 100, seed: 1 });
    const { dealer, subscriber, combined } = report.classes;
    expect(combined.predicted_sl).toBeCloseTo(0.9968, 4);
    expect(dealer.chats).toBeGreaterThan(600);
    expect(subscriber.chats).toBeGreaterThan(600);
    expect(dealer.chats + subscriber.chats).toBe(report.chats);
    expect(report.abandoned).toBe(0);
    for (const c of [dealer, subscriber, combined]) {
      expect(c.measured_sl).not.toBeNull();
      expect(Math.abs((c.measured_sl ?? 0) - (c.predicted_sl ?? 1))).toBeLessThanOrEqual(0.02);
    }
  }, 180_000);
});
