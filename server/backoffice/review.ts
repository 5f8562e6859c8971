import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { first, inTransaction, type DbOrTx } from '@/db/client';
import { applications, attachments, auditEvents, confirmationLinks, notifications, users } from '@/db/schema';
import { getApplicationForActor } from '@/server/applications/application-access';
import { getApplication } from '@/server/applications/get-application';
import { applicationDto } from '@/server/applications/schemas';
import { getChat } from '@/server/chat/get-chat';
import { messageDto } from '@/server/chat/schemas';
import type { SignedInContext } from '@/server/context';
import { confirmationState } from '@/server/subscriber/confirmation-state';
import type { ApplicationRow } from '@/server/workflow/transition';
import { CONFIRMATION_MODES } from '@/templates/confirmation-route';
import { claimIsLive, liveClaimHolder } from './claim';

/** Which channel settled the subscriber's side: SMS or e-mail to a (masked) recipient, or the waiting period that passed without a dispute. */
export const confirmedViaDto = z.object({ kind: z.enum(['sms', 'email', 'waitingPeriod']), recipient: z.string().nullable(), at: z.date() });
export type ConfirmedVia = z.infer<typeof confirmedViaDto>;

export const reviewDto = z.object({
  application: applicationDto,
  chatTopic: z.string().nullable(),
  messages: z.array(messageDto),
  scans: z.array(z.object({ id: z.string(), party: z.string(), fileName: z.string(), mime: z.string() })),
  auditTrail: z.array(z.object({ seq: z.number(), at: z.date(), action: z.string(), actorName: z.string().nullable(), actorRole: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  link: z
    .object({
      createdAt: z.date(),
      expiresAt: z.date(),
      revokedAt: z.date().nullable(),
      opens: z.number(),
      lastOpenedAt: z.date().nullable(),
      confirmedAt: z.date().nullable(),
      disputedAt: z.date().nullable(),
      disputeComment: z.string().nullable(),
      answerIp: z.string().nullable(),
      purpose: z.enum(['confirm', 'notice']),
    })
    .nullable(),
  /** The SIM-swap guard: where the confirmation went, the notice, the waiting period, what settled it. */
  confirmation: z.object({
    mode: z.enum(CONFIRMATION_MODES).nullable(),
    notice: z.string().nullable(),
    confirmTo: z.array(z.object({ channel: z.string(), recipient: z.string() })),
    waitingPeriodEndsAt: z.date().nullable(),
    /** Nothing stands in the way of approval on the subscriber's side (always true for a form that is not sensitive). */
    settled: z.boolean(),
    via: confirmedViaDto.nullable(),
  }),
  notifications: z.array(z.object({ kind: z.string(), channel: z.string(), recipient: z.string(), status: z.string(), attempts: z.number(), sentAt: z.date().nullable(), createdAt: z.date() })),
  claim: z.object({ id: z.string(), name: z.string(), mine: z.boolean() }).nullable(),
});
export type ReviewDto = z.infer<typeof reviewDto>;

/** +380671234567 → +38067•••4567; a@example.com → a•••@example.com. The back office need not see the whole address. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient.slice(0, 1)}•••${recipient.slice(at)}`;
  return recipient.length > 8 ? `${recipient.slice(0, 6)}•••${recipient.slice(-4)}` : '•••';
}

/** How the subscriber's side of the application was settled, or null while it is not. */
export async function confirmedVia(db: DbOrTx, application: ApplicationRow, now: Date): Promise<ConfirmedVia | null> {
  if (application.subscriberConfirmedAt) {
    const link = await first(
      db
        .select({ channel: confirmationLinks.channel, recipient: confirmationLinks.recipient, at: confirmationLinks.confirmedAt })
        .from(confirmationLinks)
        .where(and(eq(confirmationLinks.applicationId, application.id), isNull(confirmationLinks.revokedAt), isNotNull(confirmationLinks.confirmedAt)))
        .orderBy(desc(confirmationLinks.confirmedAt))
        .limit(1),
    );
    return { kind: link?.channel ?? 'sms', recipient: link?.recipient ? maskRecipient(link.recipient) : null, at: link?.at ?? application.subscriberConfirmedAt };
  }
  const state = confirmationState(application, now);
  return state.waitedOut && application.waitingPeriodEndsAt ? { kind: 'waitingPeriod', recipient: null, at: application.waitingPeriodEndsAt } : null;
}

/**
 * Everything the back office weighs before deciding: the form, the identification with its scans,
 * the chat, the signed PDF (by its route), the audit trail, the subscriber's link and messages.
 * Opening it while holding the claim keeps the claim alive.
 */
export async function getReview({ ctx, input }: { ctx: SignedInContext; input: { applicationId: string } }): Promise<ReviewDto> {
  const { application: row } = await getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  const now = ctx.clock.now();
  if (row.claimedBy === ctx.actor.id && claimIsLive(row, now)) {
    await inTransaction(ctx.db, (tx) => tx.update(applications).set({ claimActiveAt: now }).where(eq(applications.id, row.id)));
  }
  const application = await getApplication({ ctx, input });
  const chat = await getChat({ ctx, input: { chatId: row.chatId } });
  const scanIds = application.identifications.flatMap((i) => ((i.values.scanIds as string[] | undefined) ?? []).map((id) => ({ id, party: i.party })));
  const files = scanIds.length
    ? await ctx.db
        .select({ id: attachments.id, fileName: attachments.fileName, mime: attachments.mime })
        .from(attachments)
        .where(and(eq(attachments.chatId, row.chatId), inArray(attachments.id, scanIds.map((s) => s.id))))
    : [];
  // The submission's links (one per recipient); the one shown is the one that answered, else the confirmation's.
  const links = await ctx.db.select().from(confirmationLinks).where(eq(confirmationLinks.applicationId, row.id)).orderBy(desc(confirmationLinks.createdAt));
  const latest = links.filter((l) => l.createdAt.getTime() === links[0]?.createdAt.getTime());
  const link = latest.find((l) => l.disputedAt) ?? latest.find((l) => l.confirmedAt) ?? latest.find((l) => l.purpose === 'confirm') ?? latest[0];
  const masked = (l: (typeof links)[number]) => (l.recipient ? maskRecipient(l.recipient) : '•••');
  const holder = await liveClaimHolder(ctx.db, row, now);
  const auditTrail = await ctx.db
    .select({ seq: auditEvents.seq, at: auditEvents.at, action: auditEvents.action, actorName: users.name, actorRole: auditEvents.actorRole, data: auditEvents.data })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, row.id)))
    .orderBy(asc(auditEvents.seq));
  const sent = await ctx.db
    .select({ kind: notifications.kind, channel: notifications.channel, recipient: notifications.recipient, status: notifications.status, attempts: notifications.attempts, sentAt: notifications.sentAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.applicationId, row.id))
    .orderBy(asc(notifications.createdAt));
  const via = await confirmedVia(ctx.db, row, now);
  return {
    application,
    chatTopic: chat.topic,
    messages: chat.messages,
    scans: scanIds.flatMap(({ id, party }) => files.filter((f) => f.id === id).map((f) => ({ ...f, party }))),
    auditTrail,
    link: link
      ? {
          createdAt: link.createdAt,
          expiresAt: link.expiresAt,
          revokedAt: link.revokedAt,
          opens: link.opens,
          lastOpenedAt: link.lastOpenedAt,
          confirmedAt: link.confirmedAt,
          disputedAt: link.disputedAt,
          disputeComment: link.disputeComment,
          answerIp: link.answerIp,
          purpose: link.purpose,
        }
      : null,
    confirmation: {
      mode: row.confirmationMode,
      notice: latest.filter((l) => l.purpose === 'notice').map(masked)[0] ?? null,
      confirmTo: latest.filter((l) => l.purpose === 'confirm').map((l) => ({ channel: l.channel ?? 'sms', recipient: masked(l) })),
      waitingPeriodEndsAt: row.confirmationMode === 'waitingPeriod' ? row.waitingPeriodEndsAt : null,
      settled: !row.sensitive || confirmationState(row, now).settled,
      via,
    },
    notifications: sent.map((n) => ({ ...n, recipient: maskRecipient(n.recipient) })),
    claim: holder ? { ...holder, mine: holder.id === ctx.actor.id } : null,
  };
}
