import { z } from 'zod';
import { CANNED_REPLY_SCOPES } from '@/db/column-values';
import { multiLine, singleLine } from '@/templates/validators/user-text';

/** A canned reply is inserted into the composer, so its text fits a chat message. */
export const CANNED_REPLY_LIMITS = { title: 100, body: 4000 } as const;

const fields = {
  scope: z.enum(CANNED_REPLY_SCOPES),
  titleUk: singleLine().min(1).max(CANNED_REPLY_LIMITS.title),
  titleEn: singleLine().min(1).max(CANNED_REPLY_LIMITS.title),
  bodyUk: multiLine().min(1).max(CANNED_REPLY_LIMITS.body),
  bodyEn: multiLine().min(1).max(CANNED_REPLY_LIMITS.body),
};

export const createCannedReplyInput = z.object(fields);
export type CreateCannedReplyInput = z.output<typeof createCannedReplyInput>;
export const updateCannedReplyInput = z.object({ id: z.uuid('invalidId'), ...fields });
export type UpdateCannedReplyInput = z.output<typeof updateCannedReplyInput>;
export const setCannedReplyActiveInput = z.object({ id: z.uuid('invalidId'), active: z.boolean() });

export const cannedReplyDto = z.object({
  id: z.string(),
  scope: z.enum(CANNED_REPLY_SCOPES),
  titleUk: z.string(),
  titleEn: z.string(),
  bodyUk: z.string(),
  bodyEn: z.string(),
  active: z.boolean(),
  updatedAt: z.date(),
});
export type CannedReplyDto = z.infer<typeof cannedReplyDto>;

/** The columns a DTO is made of (never the whole row: it is the one place to add a private column later). */
export const toCannedReplyDto = (row: CannedReplyDto & Record<string, unknown>): CannedReplyDto => ({
  id: row.id,
  scope: row.scope,
  titleUk: row.titleUk,
  titleEn: row.titleEn,
  bodyUk: row.bodyUk,
  bodyEn: row.bodyEn,
  active: row.active,
  updatedAt: row.updatedAt,
});
