'use client';

import { widgetStorage } from './widget-storage';

/**
 * The widget session's bearer token, kept in this frame's storage (widget-storage.ts): a reload or
 * another tab of the same site finds the conversation. The staff's cookie is never used here; the
 * token goes only in an Authorization header.
 */
export const TOKEN_KEY = 'dealer-desk-widget:token';
const LAST_EVENT = 'dealer-desk-widget:last-event';

export function readToken(): string | null {
  return widgetStorage().getItem(TOKEN_KEY);
}

export function writeToken(token: string | null): void {
  const storage = widgetStorage();
  if (token) storage.setItem(TOKEN_KEY, token);
  else {
    storage.removeItem(TOKEN_KEY);
    storage.removeItem(LAST_EVENT);
  }
}

/** The feed's last event id, so a reload resumes where it stopped. */
export function readLastEventId(): string | null {
  return widgetStorage().getItem(LAST_EVENT);
}

export function writeLastEventId(id: string): void {
  widgetStorage().setItem(LAST_EVENT, id);
}
