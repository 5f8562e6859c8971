/**
 * Seeded pseudo-random numbers, so that a simulation run is reproducible from its seed. Each
 * kind of draw (arrivals, handle times, patience, …) has its own stream: a change in how often
 * one of them is drawn does not shift the others.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(low: number, high: number): number;
  /** Exponential with the given mean (memoryless: Poisson inter-arrival times, handle times). */
  exponential(mean: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One of the items, by weight. */
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
  pick<T>(items: readonly T[]): T;
}

/** splitmix32: spreads a small seed and a stream number over 32 bits. */
function mix(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32: small, fast, and good enough for a queue simulation (not for secrets). */
export function seededRandom(seed: number, stream = 0): Random {
  let state = mix(mix(seed) ^ Math.imul(stream + 1, 0x27d4eb2d));
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    exponential: (mean) => -mean * Math.log(1 - next()),
    chance: (p) => next() < p,
    weighted(items) {
      const total = items.reduce((s, i) => s + i.weight, 0);
      let r = next() * total;
      for (const item of items) {
        r -= item.weight;
        if (r < 0) return item.value;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted() needs at least one item');
      return last.value;
    },
    pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() needs at least one item');
      return item;
    },
  };
  return random;
}
