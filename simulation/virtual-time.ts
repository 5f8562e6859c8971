import type { Clock, Scheduler } from '@/server/context';

/** The simulation's clock: the app reads it like the system clock; only the event loop moves it. */
export class VirtualClock implements Clock {
  constructor(private ms: number) {}
  now = () => new Date(this.ms);
  /** The current virtual time in milliseconds. */
  get time(): number {
    return this.ms;
  }
  /** Moves to `ms`; time never runs backwards. */
  moveTo(ms: number): void {
    if (ms < this.ms) throw new Error(`virtual time would run backwards: ${new Date(ms).toISOString()} < ${new Date(this.ms).toISOString()}`);
    this.ms = ms;
  }
}

export interface SimEvent {
  at: number;
  seq: number;
  label: string;
  /** The event's work; the loop awaits it before the next event (a verb is async). */
  act: () => unknown;
  /** Heartbeats and the presence sweep repeat for ever; the run ends when only they are left. */
  recurring: boolean;
  cancelled: boolean;
}

/** Events ordered by time, then by the order they were scheduled (a binary heap). */
export class EventQueue {
  private readonly heap: SimEvent[] = [];
  private seq = 0;
  private work = 0;

  push(at: number, label: string, act: () => unknown, recurring = false): SimEvent {
    const event: SimEvent = { at: Math.round(at), seq: this.seq++, label, act, recurring, cancelled: false };
    this.heap.push(event);
    this.up(this.heap.length - 1);
    if (!recurring) this.work += 1;
    return event;
  }

  cancel(event: SimEvent | undefined): void {
    if (!event || event.cancelled) return;
    event.cancelled = true;
    if (!event.recurring) this.work -= 1;
  }

  /** The next event that was not cancelled, removed from the queue. */
  pop(): SimEvent | undefined {
    for (;;) {
      const top = this.heap[0];
      if (!top) return undefined;
      const last = this.heap.pop();
      if (last && this.heap.length > 0) {
        this.heap[0] = last;
        this.down(0);
      }
      if (top.cancelled) continue;
      if (!top.recurring) this.work -= 1;
      top.cancelled = true; // a handle kept by someone can no longer cancel it twice
      return top;
    }
  }

  /** Drops every event (the end of a session: its heartbeats must not run in the next one). */
  clear(): void {
    for (const event of this.heap) event.cancelled = true;
    this.heap.length = 0;
    this.work = 0;
  }

  /** Events still to come that are not recurring (arrivals, accepts, closes, offer time-outs…). */
  get pendingWork(): number {
    return this.work;
  }

  private less(a: SimEvent, b: SimEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const heap = this.heap;
    for (let child = i; child > 0; ) {
      const parent = (child - 1) >> 1;
      const c = heap[child];
      const p = heap[parent];
      if (!c || !p || !this.less(c, p)) return;
      heap[child] = p;
      heap[parent] = c;
      child = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (let parent = i; ; ) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      const l = heap[left];
      const r = heap[right];
      const s0 = heap[smallest];
      if (!s0) return;
      if (l && this.less(l, s0)) smallest = left;
      const s1 = heap[smallest];
      if (r && s1 && this.less(r, s1)) smallest = right;
      if (smallest === parent) return;
      const s = heap[smallest];
      if (!s) return;
      heap[smallest] = s0;
      heap[parent] = s;
      parent = smallest;
    }
  }
}

/**
 * The app's Scheduler on virtual time: a task (an offer time-out) becomes an event of the queue,
 * run by the event loop when its time comes (the loop awaits it: a task may be an async verb).
 * Scheduling a key again replaces it, as the real TimerScheduler does.
 */
export class VirtualScheduler implements Scheduler {
  private readonly byKey = new Map<string, SimEvent>();
  constructor(private readonly queue: EventQueue) {}

  at(when: Date, key: string, task: () => unknown): void {
    this.queue.cancel(this.byKey.get(key));
    const event = this.queue.push(when.getTime(), `scheduled ${key}`, () => {
      if (this.byKey.get(key) === event) this.byKey.delete(key);
      return task();
    });
    this.byKey.set(key, event);
  }
}
