import { z } from 'zod';

/**
 * The chat's shapes that realtime events carry (server/realtime/events.ts), declared here, below
 * the areas, so the event union needs nothing from server/chat; server/chat/schemas.ts re-exports
 * them for its verbs and procedures.
 */
export const messageDto = z.object({
  id: z.number(),
  chatId: z.string(),
  seq: z.number(),
  kind: z.enum(['text', 'system', 'attachment', 'note', 'application', 'prefill']),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  authorRole: z.string().nullable(),
  clientId: z.string().nullable(),
  body: z.string(),
  attachment: z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number() }).nullable(),
  createdAt: z.date(),
});
export type MessageDto = z.infer<typeof messageDto>;

/** A waiting chat's place in the queue, as summaries and `queue.position` events carry it. */
export const queuePlaceDto = z.object({
  position: z.number(),
  outlook: z.enum(['now', 'estimate', 'noOperators']),
  etaSeconds: z.number().nullable(),
  ahead: z.number(),
  handleSeconds: z.number(),
  servingPlaces: z.number(),
});

/** A message as a `chat.message` event carries it: the same as `messageDto`, its time an ISO string (events are JSON, live and resumed alike). */
export const messageEventDto = messageDto.extend({ createdAt: z.iso.datetime() });
export type MessageEventDto = z.infer<typeof messageEventDto>;
