/** The role a widget visitor's messages, reads and typing carry (a guest too). */
export const VISITOR_ROLE = 'subscriber';

/**
 * How a widget visitor is named to operators: 'Абонент +380671234567' once a number (or an
 * address) is proven, 'Гість' before. Stored in messages' events as it was when written.
 */
export function visitorDisplayName(visitor: { msisdn: string | null; email: string | null }): string {
  if (visitor.msisdn) return `Абонент ${visitor.msisdn}`;
  if (visitor.email) return `Абонент ${visitor.email}`;
  return 'Гість';
}

/** The audit chain's role for a visitor: 'subscriber' once proven, 'guest' before. */
export function visitorAuditRole(visitor: { msisdn: string | null; email: string | null }): string {
  return visitor.msisdn || visitor.email ? 'subscriber' : 'guest';
}
