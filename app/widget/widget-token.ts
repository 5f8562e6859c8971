'use client';

/**
 * The widget session's bearer token, kept in this frame's localStorage (the app's origin, under the
 * host site's storage partition): a reload or another tab of the same site finds the conversation.
 * The staff's cookie is never used here; the token goes only in an Authorization header.
 */
const KEY = 'dealer-desk-widget:token';
const LAST_EVENT = 'dealer-desk-widget:last-event';

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(KEY, token);
    else {
      window.localStorage.removeItem(KEY);
      window.localStorage.removeItem(LAST_EVENT);
    }
  } catch {
    /* storage refused: the session lives as long as the page */
  }
}

export const TOKEN_KEY = KEY;

/** The feed's last event id, so a reload resumes where it stopped. */
export function readLastEventId(): string | null {
  try {
    return window.localStorage.getItem(LAST_EVENT);
  } catch {
    return null;
  }
}

export function writeLastEventId(id: string): void {
  try {
    window.localStorage.setItem(LAST_EVENT, id);
  } catch {
    /* best effort */
  }
}
