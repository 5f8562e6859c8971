/**
 * Erlang C (M/M/N queue): arrivals at random (Poisson), handle times exponential, N agents, no
 * one hangs up. An operator who serves k chats at once is counted as k agents (each chat slot is
 * treated as an agent of its own) — an approximation: in truth an operator with three chats is a
 * little slower on each. See docs/metrics.md.
 */

/** Probability that a contact waits at all, for traffic `a` Erlangs and `n` agents (1 when n <= a). */
export function erlangCWaitProbability(a: number, n: number): number {
  if (a <= 0) return 0;
  if (n <= a) return 1;
  // Erlang B by its stable recursion, then C = n·B / (n − a·(1 − B)).
  let b = 1;
  for (let k = 1; k <= n; k += 1) b = (a * b) / (k + a * b);
  return (n * b) / (n - a * (1 - b));
}

export interface QueueLoad {
  /** Arrivals per hour. */
  arrivalsPerHour: number;
  /** Average handle time in seconds. */
  ahtSeconds: number;
}

export const trafficErlangs = ({ arrivalsPerHour, ahtSeconds }: QueueLoad) => (arrivalsPerHour * ahtSeconds) / 3600;

/** Share answered within `thresholdSeconds`: 1 − C·e^(−(n − a)·t / aht). */
export function serviceLevel(load: QueueLoad, agents: number, thresholdSeconds: number): number {
  const a = trafficErlangs(load);
  if (agents <= a) return 0;
  const c = erlangCWaitProbability(a, agents);
  return 1 - c * Math.exp((-(agents - a) * thresholdSeconds) / load.ahtSeconds);
}

/** Average speed of answer in seconds: C·aht / (n − a) (infinite when the agents cannot keep up). */
export function averageSpeedOfAnswer(load: QueueLoad, agents: number): number {
  const a = trafficErlangs(load);
  if (agents <= a) return Number.POSITIVE_INFINITY;
  return (erlangCWaitProbability(a, agents) * load.ahtSeconds) / (agents - a);
}

export interface StaffingInput extends QueueLoad {
  /** Chats one operator serves at once (each counts as an agent). */
  concurrency: number;
  /** e.g. 0.98 for "98 % within the threshold". */
  targetServiceLevel: number;
  thresholdSeconds: number;
}

export interface StaffingRow {
  operators: number;
  agents: number;
  occupancy: number;
  waitProbability: number;
  serviceLevel: number;
  asaSeconds: number;
}

export function staffingRow(input: StaffingInput, operators: number): StaffingRow {
  const agents = operators * input.concurrency;
  const a = trafficErlangs(input);
  return {
    operators,
    agents,
    occupancy: agents > 0 ? Math.min(1, a / agents) : 1,
    waitProbability: erlangCWaitProbability(a, agents),
    serviceLevel: serviceLevel(input, agents, input.thresholdSeconds),
    asaSeconds: averageSpeedOfAnswer(input, agents),
  };
}

/** Beyond this the answer is "not reachable" (a target above what any staffing gives, e.g. 100 %). */
export const MAX_OPERATORS = 100_000;

/**
 * The fewest operators that reach the target, with the rows around it (for a table). The service
 * level grows with every operator added, so the search doubles until the target is met, then
 * halves the gap. `reachable` is false when even MAX_OPERATORS do not meet it.
 */
export function operatorsNeeded(input: StaffingInput): { operators: number; reachable: boolean; rows: StaffingRow[] } {
  if (!(input.concurrency >= 1)) throw new RangeError('An operator serves at least one chat at a time');
  if (input.arrivalsPerHour <= 0) return { operators: 0, reachable: true, rows: [] };
  const meets = (operators: number) => staffingRow(input, operators).serviceLevel >= input.targetServiceLevel;
  let low = Math.max(1, Math.floor(trafficErlangs(input) / input.concurrency));
  if (low > MAX_OPERATORS) return { operators: MAX_OPERATORS, reachable: false, rows: [] };
  let high = low;
  while (!meets(high)) {
    if (high >= MAX_OPERATORS) return { operators: MAX_OPERATORS, reachable: false, rows: [] };
    low = high;
    high = Math.min(MAX_OPERATORS, high * 2);
  }
  // meets(high); the smallest that meets lies in [low, high].
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle + 1;
  }
  const rows = [];
  for (let n = Math.max(1, high - 2); n <= high + 2; n += 1) rows.push(staffingRow(input, n));
  return { operators: high, reachable: true, rows };
}

/** One class of chats for the staffing calculator: its load and its own target. */
export interface ClassLoad extends QueueLoad {
  class: string;
  thresholdSeconds: number;
}

/**
 * Staffing for two (or more) classes of chats that share the operators: each class alone (the
 * operators it needs with its own load and target), the sum of those (operators assigned to one
 * class each), and one shared pool serving both under earliest-deadline-first routing. The shared
 * pool is sized by Erlang C on the pooled load — arrivals added, the handle time their
 * arrival-weighted mean — against the STRICTER of the targets: then every class meets the target
 * level within its own (equal or longer) threshold. With equal targets this is exactly the pooled
 * M/M/c queue every class sees (EDF with equal targets is first come first served); with
 * different targets it errs on the safe side (EDF lets the class with the longer target wait a
 * little longer, so fewer operators may in truth do). Pooling needs no more operators than
 * dedicating, and usually fewer.
 */
export function operatorsNeededByClass(input: { classes: ClassLoad[]; concurrency: number; targetServiceLevel: number }) {
  const needed = (load: QueueLoad & { thresholdSeconds: number }) => {
    const { operators, reachable } = operatorsNeeded({ ...load, concurrency: input.concurrency, targetServiceLevel: input.targetServiceLevel });
    return { operators, reachable };
  };
  const perClass = input.classes.map((c) => ({ class: c.class, ...needed(c) }));
  const dedicated = { operators: perClass.reduce((s, c) => s + c.operators, 0), reachable: perClass.every((c) => c.reachable) };
  const pooledLoad = pooledClassLoad(input.classes);
  return { perClass, dedicated, pooled: { ...needed(pooledLoad), ...pooledLoad } };
}

/** The classes' load as one queue: arrivals added, handle time arrival-weighted, the stricter target. */
export function pooledClassLoad(classes: readonly ClassLoad[]): QueueLoad & { thresholdSeconds: number } {
  const arrivalsPerHour = classes.reduce((s, c) => s + c.arrivalsPerHour, 0);
  const ahtSeconds = arrivalsPerHour > 0 ? classes.reduce((s, c) => s + c.arrivalsPerHour * c.ahtSeconds, 0) / arrivalsPerHour : (classes[0]?.ahtSeconds ?? 1);
  const thresholdSeconds = Math.min(...classes.map((c) => c.thresholdSeconds));
  return { arrivalsPerHour, ahtSeconds, thresholdSeconds };
}
