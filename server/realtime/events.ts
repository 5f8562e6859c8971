import { z } from 'zod';
import { ROLES } from '@/db/column-values';
import { messageEventDto, queuePlaceDto } from './chat-payloads';
import { APPLICATION_STATUSES } from '@/server/workflow/application-statuses';
import { trackedStream } from './tracked-stream';

/**
 * Every realtime event, in one place: its type and the payload it carries. Events are made only
 * through `changeAndPublish`'s emitter (server/realtime/change-and-publish.ts), which validates
 * them here, so what a client receives is what this union says, live or resumed from the log.
 * Payloads are plain JSON (times are ISO strings): a live event and the same event read back from
 * realtime_events are identical.
 *
 * To add an event: one more entry here; the emitter and every client switch on `type` are typed.
 */
const event = <T extends string, P extends z.ZodType>(type: T, payload: P) => z.object({ type: z.literal(type), payload });

const chatId = z.string();
/** Who reads or types in a chat: a signed-in role, or the widget's visitor ('subscriber', also a guest). */
const participantRole = z.enum([...ROLES, 'subscriber']);
const operatorStatus = z.enum(['available', 'wrap_up', 'away', 'offline']);
const applicationFacts = { applicationId: z.string(), number: z.string(), status: z.enum(APPLICATION_STATUSES), version: z.number() };

export const realtimeEventBody = z.discriminatedUnion('type', [
  event('chat.created', z.object({ chatId })),
  event('chat.message', z.object({ message: messageEventDto })),
  event(
    'chat.status',
    z.object({ chatId, status: z.enum(['active', 'closed', 'abandoned']), operatorId: z.string().optional(), operatorName: z.string().optional() }),
  ),
  event('chat.offered', z.object({ chatId, expiresAt: z.iso.datetime() })),
  event('chat.offerWithdrawn', z.object({ chatId, reason: z.enum(['taken', 'expired', 'away', 'cancelled']) })),
  event('chat.transferredAway', z.object({ chatId, to: z.string() })),
  event('chat.rated', z.object({ chatId, rating: z.number().int() })),
  /** Ephemeral: the other side's read mark. */
  event('chat.read', z.object({ chatId, role: participantRole, userId: z.string(), seq: z.number().int() })),
  /** Ephemeral: "is typing…". */
  event('chat.typing', z.object({ chatId, role: participantRole, name: z.string() })),
  /** The operator asks the widget's guest to prove their number before discussing their account (step-up). */
  event('chat.verificationRequested', z.object({ chatId })),
  /** The widget's visitor proved who they are in this chat: the operator's console marks it. */
  event('chat.visitorVerified', z.object({ chatId, msisdn: z.string().nullable(), email: z.string().nullable(), verifiedBy: z.enum(['sms', 'email', 'portal']) })),
  /** Ephemeral: a waiting dealer's place in the queue. */
  event('queue.position', queuePlaceDto.extend({ chatId })),
  /** Ephemeral: the queue's length, for operators. */
  event('queue.changed', z.object({ length: z.number().int() })),
  event(
    'operator.status',
    z.object({ status: operatorStatus, reason: z.enum(['heartbeat', 'missedOffers']).optional(), missedOffers: z.number().int().optional() }),
  ),
  event('operator.capacity', z.object({ capacity: z.number().int() })),
  event('application.created', z.object({ ...applicationFacts, packageId: z.string().nullable() })),
  event('application.updated', z.object(applicationFacts)),
]);
export type RealtimeEventBody = z.infer<typeof realtimeEventBody>;
export type RealtimeEventType = RealtimeEventBody['type'];
export type PayloadOf<T extends RealtimeEventType> = Extract<RealtimeEventBody, { type: T }>['payload'];

/**
 * Who may receive an event, declared with it. Admins receive every event. A new kind of
 * participant (a subscriber in a chat) is one more variant here, stored and matched in
 * server/realtime/audience.ts.
 */
export const recipient = z.discriminatedUnion('kind', [
  /** Everyone with the role (today: all operators, e.g. a new chat in the queue). */
  z.object({ kind: z.literal('role'), role: z.literal('operator') }),
  /** One operator. */
  z.object({ kind: z.literal('operator'), userId: z.string() }),
  /** A dealer company: one of its users, or (userId null) all of them. */
  z.object({ kind: z.literal('dealer'), dealerId: z.string(), userId: z.string().nullable() }),
  /** The widget visitor of a subscriber's chat (never a staff member). */
  z.object({ kind: z.literal('visitor'), visitorId: z.string() }),
]);
export type Recipient = z.infer<typeof recipient>;

export const audience = z.array(recipient).refine((list) => new Set(list.map((r) => r.kind)).size === list.length, 'At most one recipient of each kind.');
export type Audience = z.infer<typeof audience>;

export const ALL_OPERATORS: Recipient = { kind: 'role', role: 'operator' };
export const operatorRecipient = (userId: string): Recipient => ({ kind: 'operator', userId });
export const visitorRecipient = (visitorId: string): Recipient => ({ kind: 'visitor', visitorId });

/** An event as a verb makes it: the chat it is about (if any), who may receive it, and its body. */
export const eventDraft = z.intersection(z.object({ chatId: z.string().nullable().default(null), audience }), realtimeEventBody);
export type EventDraft = z.input<typeof eventDraft>;
export type ValidEventDraft = z.output<typeof eventDraft>;

/** What the feed sends a client of an event (server/realtime/feed-event.ts). */
export const feedEvent = z.intersection(z.object({ id: z.number().nullable(), chatId: z.string().nullable() }), realtimeEventBody);
export type FeedEvent = z.infer<typeof feedEvent>;

/** The output of `realtime.feed`: a stream of `tracked(resumeId, FeedEvent)`. */
export const feedStream = trackedStream(feedEvent);
