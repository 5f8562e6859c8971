import { describe, expect, it } from 'vitest';
import { operatorsNeeded, operatorsNeededByClass, pooledClassLoad, serviceLevel } from '@/server/metrics/erlang-c';
import { staffingByClassInput } from '@/server/metrics/staffing';

const dealer = { class: 'dealer', arrivalsPerHour: 60, ahtSeconds: 240, thresholdSeconds: 20 };
const subscriber = { class: 'subscriber', arrivalsPerHour: 120, ahtSeconds: 180, thresholdSeconds: 60 };

describe('staffing per class and combined', () => {
  it('pools the load: arrivals added, handle time weighted by arrivals, the stricter target', () => {
    expect(pooledClassLoad([dealer, subscriber])).toEqual({ arrivalsPerHour: 180, ahtSeconds: (60 * 240 + 120 * 180) / 180, thresholdSeconds: 20 });
  });

  it('each class alone is the one-class calculator with its own target; dedicated operators are their sum', () => {
    const answer = operatorsNeededByClass({ classes: [dealer, subscriber], concurrency: 2, targetServiceLevel: 0.8 });
    const alone = (c: typeof dealer) => operatorsNeeded({ ...c, concurrency: 2, targetServiceLevel: 0.8 }).operators;
    expect(answer.perClass.map((c) => [c.class, c.operators])).toEqual([
      ['dealer', alone(dealer)],
      ['subscriber', alone(subscriber)],
    ]);
    expect(answer.dedicated).toEqual({ operators: alone(dealer) + alone(subscriber), reachable: true });
  });

  it('the shared pool meets the target for both classes at the stricter threshold, and needs no more operators than dedicating', () => {
    const answer = operatorsNeededByClass({ classes: [dealer, subscriber], concurrency: 2, targetServiceLevel: 0.8 });
    const pooled = answer.pooled;
    expect(serviceLevel(pooled, pooled.operators * 2, 20)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(pooled, (pooled.operators - 1) * 2, 20)).toBeLessThan(0.8);
    expect(pooled.operators).toBeLessThanOrEqual(answer.dedicated.operators);
  });

  it('with equal targets and handle times, the pool is the one-class calculator on the summed arrivals', () => {
    const same = { ahtSeconds: 200, thresholdSeconds: 20 };
    const answer = operatorsNeededByClass({ classes: [{ class: 'dealer', arrivalsPerHour: 50, ...same }, { class: 'subscriber', arrivalsPerHour: 150, ...same }], concurrency: 1, targetServiceLevel: 0.9 });
    expect(answer.pooled.operators).toBe(operatorsNeeded({ arrivalsPerHour: 200, ...same, concurrency: 1, targetServiceLevel: 0.9 }).operators);
  });

  it('a class without arrivals needs nobody; the input refuses a class twice or an unknown class', () => {
    const answer = operatorsNeededByClass({ classes: [{ ...dealer, arrivalsPerHour: 0 }, subscriber], concurrency: 3, targetServiceLevel: 0.8 });
    expect(answer.perClass[0]?.operators).toBe(0);
    const ok = { classes: [{ ...dealer, class: 'dealer' }], concurrency: 3, targetServiceLevel: 0.8 };
    expect(staffingByClassInput.safeParse(ok).success).toBe(true);
    expect(staffingByClassInput.safeParse({ ...ok, classes: [ok.classes[0], ok.classes[0]] }).success).toBe(false);
    expect(staffingByClassInput.safeParse({ ...ok, classes: [{ ...dealer, class: 'vip' }] }).success).toBe(false);
    expect(staffingByClassInput.safeParse({ ...ok, classes: [] }).success).toBe(false);
  });
});
