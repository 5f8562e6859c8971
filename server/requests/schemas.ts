import { z } from 'zod';
import { LOCALES, REQUEST_MESSAGE_KINDS, REQUEST_STATUSES } from '@/db/column-values';
import { multiLine, singleLine } from '@/templates/validators/user-text';

/**
 * The contract of the written requests (docs/requests.md): the input and output of every
 * procedure of `requests.*` (public, the subscriber's private link, the operator's chat → request),
 * `backoffice.requests.*` and `admin.requestCategories.*`.
 */
export const REQUEST_LIMITS = {
  text: 20_000,
  files: 5,
  /** A file as base64 (10 MB of bytes ≈ 13.4 M characters); the bytes are judged by server/files/inspect-upload.ts. */
  fileBase64: 14_000_000,
  ratingComment: 2000,
  search: 100,
  pageSize: 100,
} as const;

export const requestStatus = z.enum(REQUEST_STATUSES);
export const requestMessageKind = z.enum(REQUEST_MESSAGE_KINDS);
export const categoryKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'invalidCategory');
/** A request's text: 1 … 20,000 characters after cleaning. */
export const requestText = multiLine().min(1, 'requestTextEmpty').max(REQUEST_LIMITS.text, 'requestTextTooLong');
/** The private link's token (24 bytes, base64url); anything else is a forged link. */
export const requestLinkToken = z.string().max(200);

export const fileUpload = z.object({ fileName: singleLine().min(1).max(200), contentBase64: z.string().max(REQUEST_LIMITS.fileBase64) });
export type FileUpload = z.output<typeof fileUpload>;
const files = z.array(fileUpload).max(REQUEST_LIMITS.files).default([]);

/** How the SLA stands: no clock (waiting, resolved, closed), in time, less than 25 % of the target left, past due. */
export const slaState = z.enum(['none', 'ok', 'atRisk', 'late']);
export type SlaState = z.output<typeof slaState>;
/** Which target `dueAt` is: the first response, or the resolution. */
export const dueKind = z.enum(['firstResponse', 'resolution']);

// ---- categories --------------------------------------------------------------------------------

export const requestCategoryDto = z.object({
  key: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  firstResponseHours: z.number().int(),
  resolutionHours: z.number().int(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type RequestCategoryDto = z.output<typeof requestCategoryDto>;
export const updateRequestCategoryInput = z.object({
  key: categoryKey,
  nameUk: singleLine().min(1).max(100),
  nameEn: singleLine().min(1).max(100),
  firstResponseHours: z.number().int().min(1).max(1000),
  resolutionHours: z.number().int().min(1).max(5000),
  active: z.boolean(),
  sort: z.number().int().min(0).max(1000),
});

// ---- public: submit ------------------------------------------------------------------------------

/**
 * A new request. The subscriber proves the number (or, abroad, the e-mail address) with the
 * widget's one-time code: a widget session (`/api/widget/trpc` session.start, code.request,
 * code.verify) whose visitor is proven; its bearer token is `visitorToken` here. A widget visitor
 * who already proved their number passes their own session's token.
 */
export const submitRequestInput = z.object({
  visitorToken: z.string().min(20).max(100),
  category: categoryKey,
  text: requestText,
  files,
  consent: z.literal(true, 'consentRequired'),
  locale: z.enum(LOCALES).default('uk'),
});
export type SubmitRequestInput = z.output<typeof submitRequestInput>;

export const submittedRequestDto = z.object({
  id: z.string(),
  number: z.string(),
  msisdn: z.string().nullable(),
  email: z.string().nullable(),
  /** The private link's token (shown only here and in the SMS/e-mail); the page is /r/<token>. */
  linkToken: z.string(),
  linkExpiresAt: z.date(),
  firstResponseDueAt: z.date(),
  resolutionDueAt: z.date(),
});

// ---- the subscriber's private link --------------------------------------------------------------

export const linkInput = z.object({ token: requestLinkToken });
export const linkReplyInput = z.object({ token: requestLinkToken, text: requestText, files });
export const linkFilesInput = z.object({ token: requestLinkToken, files: z.array(fileUpload).min(1).max(REQUEST_LIMITS.files) });
export const linkReopenInput = z.object({ token: requestLinkToken, text: requestText.optional() });
export const linkRateInput = z.object({ token: requestLinkToken, rating: z.number().int().min(1).max(5), comment: multiLine().max(REQUEST_LIMITS.ratingComment).optional() });
export const linkFileInput = z.object({ token: requestLinkToken, attachmentId: z.uuid('invalidId') });

export const attachmentDto = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number().int() });
export const fileContentDto = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });

/** A line of a request as the subscriber sees it (never a note; staff names are not shown). */
export const publicMessageDto = z.object({
  seq: z.number().int(),
  kind: z.enum(['subscriber', 'reply', 'system']),
  body: z.string(),
  attachment: attachmentDto.nullable(),
  createdAt: z.date(),
});

export const linkViewDto = z.object({
  number: z.string(),
  status: requestStatus,
  category: requestCategoryDto.pick({ key: true, nameUk: true, nameEn: true }),
  locale: z.enum(LOCALES),
  createdAt: z.date(),
  firstResponseDueAt: z.date(),
  resolutionDueAt: z.date(),
  firstResponseAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** The request this one was merged into (its number), when it was a duplicate. */
  mergedIntoNumber: z.string().nullable(),
  rating: z.number().int().nullable(),
  messages: z.array(publicMessageDto),
  can: z.object({ reply: z.boolean(), close: z.boolean(), reopen: z.boolean(), rate: z.boolean() }),
});
export type LinkViewDto = z.output<typeof linkViewDto>;

// ---- the operator: a chat becomes a request -------------------------------------------------------

export const chatToRequestInput = z.object({ chatId: z.uuid('invalidId'), category: categoryKey, text: requestText.optional() });

// ---- the back office -----------------------------------------------------------------------------

export const requestRefDto = z.object({ id: z.string(), number: z.string(), status: requestStatus, version: z.number().int() });
export type RequestRefDto = z.output<typeof requestRefDto>;

export const inboxInput = z.object({
  status: z.array(requestStatus).max(5).optional(),
  category: categoryKey.optional(),
  /** A user id, 'me', or 'none' (unassigned). */
  assignee: z.union([z.uuid('invalidId'), z.enum(['me', 'none'])]).optional(),
  sla: z.enum(['atRisk', 'late']).optional(),
  /** A request number (Z-2026-000123) or a phone number (or part of one). */
  search: singleLine().max(REQUEST_LIMITS.search).optional(),
  limit: z.number().int().min(1).max(REQUEST_LIMITS.pageSize).default(50),
  /** The next page after this offset. */
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type InboxInput = z.output<typeof inboxInput>;

export const inboxItemDto = z.object({
  id: z.string(),
  number: z.string(),
  category: z.string(),
  status: requestStatus,
  msisdn: z.string().nullable(),
  email: z.string().nullable(),
  subject: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.date(),
  dueAt: z.date().nullable(),
  dueKind: dueKind.nullable(),
  sla: slaState,
  reopenCount: z.number().int(),
});
export const inboxDto = z.object({ items: z.array(inboxItemDto), total: z.number().int(), nextOffset: z.number().int().nullable() });

export const staffMessageDto = z.object({
  seq: z.number().int(),
  kind: requestMessageKind,
  body: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  attachment: attachmentDto.nullable(),
  createdAt: z.date(),
});

export const requestDetailDto = z.object({
  id: z.string(),
  number: z.string(),
  version: z.number().int(),
  status: requestStatus,
  category: requestCategoryDto,
  msisdn: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.enum(LOCALES),
  subject: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdAt: z.date(),
  firstResponseAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  reopenCount: z.number().int(),
  firstResponseDueAt: z.date(),
  resolutionDueAt: z.date(),
  slaPausedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  dueKind: dueKind.nullable(),
  sla: slaState,
  /** Business milliseconds left to dueAt (negative when late); null without a clock. */
  businessMsLeft: z.number().nullable(),
  mergedInto: z.object({ id: z.string(), number: z.string() }).nullable(),
  application: z.object({ id: z.string(), number: z.string() }).nullable(),
  chatId: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  messages: z.array(staffMessageDto),
});
export type RequestDetailDto = z.output<typeof requestDetailDto>;

const byId = { id: z.uuid('invalidId') };
export const requestIdInput = z.object(byId);
/** Optional compare-and-set: the version the page showed; a change made meanwhile is refused. */
const version = z.number().int().min(1).optional();
export const claimInput = z.object({ ...byId, version });
export const assignInput = z.object({ ...byId, assigneeId: z.uuid('invalidId'), version });
export const noteInput = z.object({ ...byId, body: requestText });
/** A reply; {number}, {name}, {category} and {due} in the text are filled in (canned replies use them). */
export const staffReplyInput = z.object({ ...byId, body: requestText, version });
export const setWaitingInput = z.object({ ...byId, body: requestText.optional(), version });
export const resolveInput = z.object({ ...byId, body: requestText.optional(), version });
export const closeInput = z.object({ ...byId, version });
export const mergeInput = z.object({ ...byId, into: singleLine().min(1).max(40) });
export const linkRequestInput = z.object({ ...byId, applicationNumber: singleLine().max(40).nullable().optional(), chatId: z.uuid('invalidId').nullable().optional() });
export const staffFileInput = z.object({ ...byId, attachmentId: z.uuid('invalidId') });
export const renderCannedInput = z.object({ ...byId, cannedReplyId: z.uuid('invalidId') });
export const renderedDto = z.object({ body: z.string() });
export const requestCannedReplyDto = z.object({ id: z.string(), titleUk: z.string(), titleEn: z.string(), bodyUk: z.string(), bodyEn: z.string() });
export const assigneeDto = z.object({ id: z.string(), name: z.string(), role: z.string() });
