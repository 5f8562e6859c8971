/**
 * "A session may have ended" within this process: sign-out names the token, a change to a user
 * (deactivation) names the user, a widget session ended or moved to another visitor names that
 * session. Open streams listening here re-check their session at once (session-watch.ts); a
 * signal is only a hint to re-check, never trusted on its own, and is given after the change is
 * committed. Other processes notice within the watch's periodic re-check.
 */
export type SessionChange = { token: string } | { userId: string } | { widgetSessionId: string };

const listeners = new Set<(change: SessionChange) => void>();

export function announceSessionChange(change: SessionChange): void {
  for (const listener of listeners) listener(change);
}

export function onSessionChange(listener: (change: SessionChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
