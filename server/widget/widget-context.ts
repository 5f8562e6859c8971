import type { visitors } from '@/db/schema';
import type { VerbContext } from '@/server/context';

export type VisitorRow = typeof visitors.$inferSelect;

/** A widget session as a request carries it: its row's id, its visitor, and until when it lasts. */
export interface WidgetSession {
  id: string;
  visitor: VisitorRow;
  expiresAt: Date;
}

/**
 * What a widget verb works with: never a staff actor (`actor` is always null), the client's
 * address and embedding page, and the widget session of the bearer token, if any.
 */
export interface WidgetVerbContext extends VerbContext {
  actor: null;
  ip: string;
  /** The page that embedded the widget (the Origin the loader reported), or null. */
  origin: string | null;
  widgetSession: WidgetSession | null;
}

/** A widget verb that needs a session. */
export interface VisitorContext extends WidgetVerbContext {
  widgetSession: WidgetSession;
}
