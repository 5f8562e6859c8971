'use client';

/**
 * The frame's side of the postMessage talk with the loader (public/widget.js). The host page's
 * origin comes in the frame's address (?host=) and counts only when it is one of WIDGET_ORIGINS
 * (or the app itself): messages go only to it, and only its window (the parent) is listened to.
 */
export const FROM_FRAME = 'dealer-desk-widget';
export const FROM_LOADER = 'dealer-desk-loader';

/** `token`: the widget session the loader kept in the host page's storage (a frame denied storage of its own gets it back so). */
export type LoaderMessage = { type: 'hello'; portalToken: string; open: boolean; token: string | null } | { type: 'opened' } | { type: 'closed' };
export type FrameMessage = { type: 'ready' } | { type: 'token'; token: string | null } | { type: 'unread'; count: number } | { type: 'close' };

export function hostOriginOf(host: string | undefined, allowed: readonly string[], own: string): string | null {
  if (!host) return null;
  let origin: string;
  try {
    origin = new URL(host).origin.toLowerCase();
  } catch {
    return null;
  }
  return origin === own.toLowerCase() || allowed.includes(origin) ? origin : null;
}

export function parseLoaderMessage(event: MessageEvent, hostOrigin: string | null, parent: Window | null): LoaderMessage | null {
  if (!hostOrigin || event.origin !== hostOrigin || !parent || event.source !== parent) return null;
  const data: unknown = event.data;
  if (!data || typeof data !== 'object') return null;
  const message = data as { source?: unknown; type?: unknown; portalToken?: unknown; open?: unknown; token?: unknown };
  if (message.source !== FROM_LOADER) return null;
  if (message.type === 'hello') {
    const token = typeof message.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(message.token) ? message.token : null;
    return { type: 'hello', portalToken: typeof message.portalToken === 'string' ? message.portalToken : '', open: message.open === true, token };
  }
  if (message.type === 'opened' || message.type === 'closed') return { type: message.type };
  return null;
}

export function postToLoader(hostOrigin: string | null, message: FrameMessage): void {
  if (!hostOrigin || window.parent === window) return;
  window.parent.postMessage({ source: FROM_FRAME, ...message }, hostOrigin);
}
