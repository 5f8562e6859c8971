import type { Db } from '@/db/client';
import type { Actor } from '@/server/context';
import { canReceive, latestEventId, storedEventsAfter, storedVisitorEventsAfter, visitorMayReceive } from './audience';
import type { BusEvent, EventBus } from './event-bus';

export interface StreamedEvent {
  /** The id to resume from: a stored event's own id; for an ephemeral one, the last stored id before it. */
  resumeId: number;
  event: BusEvent;
}

/**
 * Everything the actor may receive, from just after `lastEventId` (or from now), exactly once and
 * in id order. It listens to the bus first and then reads the missed events from the database,
 * dropping live events it has already sent, so nothing falls in the gap between the two.
 * `allowed` is asked before each event (the session watch): once it says no, the stream ends.
 * `onListening` is called once the stream listens: a client told only then that its stream has
 * started can re-read its data and miss nothing between that read and the stream.
 * The receiver is a staff `actor`, or a widget visitor (`receiver: { visitorId }`, the widget's feed).
 */
export async function* streamEvents({
  db,
  bus,
  actor,
  receiver,
  lastEventId,
  signal,
  allowed = () => true,
  onListening,
}: {
  db: Db;
  bus: EventBus;
  actor?: Actor;
  receiver?: { visitorId: string };
  lastEventId: number | null;
  signal?: AbortSignal;
  allowed?: () => boolean;
  onListening?: () => void;
}): AsyncGenerator<StreamedEvent> {
  const mayReceive = receiver ? (event: BusEvent) => visitorMayReceive(receiver.visitorId, event) : actor ? (event: BusEvent) => canReceive(actor, event) : null;
  if (!mayReceive) throw new Error('streamEvents needs an actor or a visitor');
  const missedAfter = (after: number) => (receiver ? storedVisitorEventsAfter(db, receiver.visitorId, after) : storedEventsAfter(db, actor as Actor, after));
  const live: BusEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribe((event) => {
    if (!mayReceive(event)) return;
    live.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    await bus.ready;
    let last = lastEventId ?? (await latestEventId(db));
    onListening?.();
    for (;;) {
      const missed = await missedAfter(last);
      for (const event of missed) {
        if (signal?.aborted || !allowed()) return;
        last = event.id ?? last;
        yield { resumeId: last, event };
      }
      if (missed.length < 1000) break;
    }
    while (!signal?.aborted) {
      const event = live.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (!allowed()) return;
      if (event.id === null) {
        yield { resumeId: last, event };
      } else if (event.id > last) {
        last = event.id;
        yield { resumeId: last, event };
      }
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
