/**
 * The values and JSON shapes the database's columns hold, free of drizzle and of the server: the
 * one source for db/schema, the server, templates/ and (through their re-exports) the UI.
 * db/ is the bottom layer, so these live here and everything above imports them.
 */

/** The four signed-in roles (the subscriber has no account). */
export const ROLES = ['dealer', 'operator', 'backoffice', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The two classes of chat in the one queue: a dealer's (the dealer desk) and a subscriber's (the widget). */
export const CHAT_CLASSES = ['dealer', 'subscriber'] as const;
export type ChatClass = (typeof CHAT_CLASSES)[number];

/** Which chats an operator takes: dealers', subscribers' or both. */
export const OPERATOR_SERVES = ['both', 'dealer', 'subscriber'] as const;
export type OperatorServes = (typeof OPERATOR_SERVES)[number];

/** How a widget visitor proved who they are. */
export const VISITOR_PROOFS = ['sms', 'email', 'portal'] as const;
export type VisitorProof = (typeof VISITOR_PROOFS)[number];

export const ONE_TIME_CODE_CHANNELS = ['sms', 'email'] as const;
export type OneTimeCodeChannel = (typeof ONE_TIME_CODE_CHANNELS)[number];

export const LOCALES = ['uk', 'en'] as const;

/** An application's statuses; server/workflow/transition-table.ts says which move to which. */
export const APPLICATION_STATUSES = ['draft', 'identified', 'filled', 'verified', 'signed', 'submitted', 'approved', 'rejected', 'cancelled', 'disputed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where a submission's confirmation goes (templates/confirmation-route.ts decides it). */
export const CONFIRMATION_MODES = ['number', 'contact', 'waitingPeriod'] as const;
export type ConfirmationMode = (typeof CONFIRMATION_MODES)[number];

/** The company details a package carries (and a remembered company keeps), as stored. */
export interface CompanyDetails {
  name: string;
  edrpou: string;
  legalAddress: string;
  iban: string;
  representativeName: string;
  representativePosition: string;
  poaNumber: string;
  poaDate: string;
  poaValidUntil: string;
}

/** A written request's statuses; server/requests/request-transitions.ts says which move to which. */
export const REQUEST_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Who wrote a line of a request: the subscriber, the back office (reply, internal note), the system. */
export const REQUEST_MESSAGE_KINDS = ['subscriber', 'reply', 'note', 'system'] as const;
export type RequestMessageKind = (typeof REQUEST_MESSAGE_KINDS)[number];

/** Which conversations a canned reply is for: a chat's class, or the back office's written requests. */
export const CANNED_REPLY_SCOPES = ['dealer', 'subscriber', 'request'] as const;
export type CannedReplyScope = (typeof CANNED_REPLY_SCOPES)[number];
