/**
 * Chat service-level figures, computed only from stored timestamps (docs/metrics.md defines each
 * one; tests/unit/chat-metrics.test.ts checks each against hand-computed fixtures). Pure
 * functions over plain facts, so the definitions are testable without a database.
 */

/** One chat as the metrics see it. */
export interface ChatFact {
  id: string;
  /** 'dealer' or 'subscriber' (a widget chat); each has its own service-level target. */
  class: 'dealer' | 'subscriber';
  createdAt: Date;
  acceptedAt: Date | null;
  closedAt: Date | null;
  status: 'queued' | 'active' | 'closed' | 'abandoned';
  operatorId: string | null;
  dealerId: string | null;
  rating: number | null;
}

export interface ChatFigures {
  /** Chats that arrived in the period. */
  arrived: number;
  answered: number;
  abandoned: number;
  /** Arrived and still waiting at the moment of computing (not in any share). */
  waiting: number;
  answeredWithinThreshold: number;
  /** answeredWithinThreshold / (answered + abandoned); null without any resolved chat. */
  serviceLevel: number | null;
  /** answered / (answered + abandoned). */
  answeredShare: number | null;
  /** abandoned / (answered + abandoned). */
  abandonedShare: number | null;
  /** Speed of answer (created → accepted) of answered chats, seconds. */
  asa: { mean: number | null; p50: number | null; p90: number | null; p99: number | null };
  /** Created → given up, of abandoned chats, seconds. */
  timeToAbandon: { mean: number | null; p50: number | null };
  /** Accepted → closed, of the answered chats already closed, seconds. */
  handleTime: { mean: number | null; p50: number | null; count: number };
  ratings: { count: number; mean: number | null; satisfiedShare: number | null; responseRate: number | null; distribution: [number, number, number, number, number] };
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Nearest-rank percentile: the smallest value with at least p % of the values at or below it
 * (p50 of [1, 2, 3, 4] is 2; p90 of ten values is the 9th smallest).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p·n/100 rather than (p/100)·n: 0.55·100 is 55.000…01 in floating point, which would round up.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/**
 * The figures of a set of chats (already chosen by arrival time), at `now`, with a threshold in
 * seconds: one for all, or each chat's own (its class's target) when given as a function.
 */
export function chatFigures(chats: readonly ChatFact[], thresholdSeconds: number | ((chat: ChatFact) => number)): ChatFigures {
  const thresholdOf = typeof thresholdSeconds === 'function' ? thresholdSeconds : () => thresholdSeconds;
  const answered = chats.filter((c) => c.acceptedAt !== null);
  const abandoned = chats.filter((c) => c.acceptedAt === null && c.status === 'abandoned');
  const waits = answered.map((c) => seconds(c.createdAt, c.acceptedAt as Date));
  const within = answered.filter((c, i) => (waits[i] ?? 0) <= thresholdOf(c)).length;
  const resolved = answered.length + abandoned.length;
  const abandonTimes = abandoned.filter((c) => c.closedAt).map((c) => seconds(c.createdAt, c.closedAt as Date));
  const closed = answered.filter((c) => c.status === 'closed' && c.closedAt);
  const handles = closed.map((c) => seconds(c.acceptedAt as Date, c.closedAt as Date));
  const rated = closed.filter((c) => c.rating !== null);
  const ratings = rated.map((c) => c.rating as number);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of ratings) if (r >= 1 && r <= 5) distribution[r - 1] = (distribution[r - 1] ?? 0) + 1;
  return {
    arrived: chats.length,
    answered: answered.length,
    abandoned: abandoned.length,
    waiting: chats.filter((c) => c.status === 'queued').length,
    answeredWithinThreshold: within,
    serviceLevel: share(within, resolved),
    answeredShare: share(answered.length, resolved),
    abandonedShare: share(abandoned.length, resolved),
    asa: { mean: mean(waits), p50: percentile(waits, 50), p90: percentile(waits, 90), p99: percentile(waits, 99) },
    timeToAbandon: { mean: mean(abandonTimes), p50: percentile(abandonTimes, 50) },
    handleTime: { mean: mean(handles), p50: percentile(handles, 50), count: handles.length },
    ratings: {
      count: ratings.length,
      mean: mean(ratings),
      satisfiedShare: share(ratings.filter((r) => r >= 4).length, ratings.length),
      responseRate: share(ratings.length, closed.length),
      distribution,
    },
  };
}

/**
 * Chats at once for one operator: over the time they had at least one chat open, the average
 * number open (chat-seconds / busy seconds), and the peak. A chat still open counts until `until`.
 */
export function concurrency(chats: readonly Pick<ChatFact, 'acceptedAt' | 'closedAt'>[], until: Date): { average: number | null; peak: number } {
  const edges: [number, number][] = [];
  for (const c of chats) {
    if (!c.acceptedAt) continue;
    const end = Math.min((c.closedAt ?? until).getTime(), until.getTime());
    if (end <= c.acceptedAt.getTime()) continue;
    edges.push([c.acceptedAt.getTime(), 1], [end, -1]);
  }
  // Closings before openings at the same instant: a chat closed as another opens is not "at once".
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  let busy = 0;
  let chatTime = 0;
  let last = 0;
  for (const [at, step] of edges) {
    if (open > 0) {
      busy += at - last;
      chatTime += (at - last) * open;
    }
    open += step;
    peak = Math.max(peak, open);
    last = at;
  }
  return { average: busy > 0 ? chatTime / busy : null, peak };
}

/** Groups facts by a key, keeping the order of first appearance. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
