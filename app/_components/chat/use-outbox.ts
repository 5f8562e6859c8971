'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface PendingMessage {
  clientId: string;
  text: string;
  createdAt: string;
}

const key = (chatId: string) => `dealer-desk:outbox:${chatId}`;

type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;
const browserStorage = (): OutboxStorage => window.localStorage;

function load(chatId: string, storage: () => OutboxStorage = browserStorage): PendingMessage[] {
  try {
    const raw = storage().getItem(key(chatId));
    return raw ? (JSON.parse(raw) as PendingMessage[]) : [];
  } catch {
    return [];
  }
}

/**
 * Messages typed while the connection is down wait here (and in localStorage, so a reload keeps
 * them) and are sent in order when it comes back. Each keeps its client id, so a send that did
 * reach the server before the drop is not stored twice. `storage`: where they are kept (the widget's
 * frame passes its own, which falls back to memory where a browser denies it localStorage).
 */
export function useOutbox(chatId: string, send: (message: PendingMessage) => Promise<unknown>, storage: () => OutboxStorage = browserStorage) {
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const flushing = useRef(false);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  useEffect(() => setPending(load(chatId, storage)), [chatId, storage]);

  const persist = useCallback(
    (next: PendingMessage[]) => {
      setPending(next);
      storage().setItem(key(chatId), JSON.stringify(next));
    },
    [chatId, storage],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const [next] = load(chatId, storage);
        if (!next) break;
        try {
          await sendRef.current(next);
        } catch (error) {
          // A refusal (bad input, closed chat) will not get better by retrying: drop it.
          const code = (error as { data?: { code?: string } }).data?.code;
          if (code && code !== 'INTERNAL_SERVER_ERROR' && code !== 'TIMEOUT') {
            persist(load(chatId, storage).filter((m) => m.clientId !== next.clientId));
            continue;
          }
          break;
        }
        persist(load(chatId, storage).filter((m) => m.clientId !== next.clientId));
      }
    } finally {
      flushing.current = false;
    }
  }, [chatId, persist, storage]);

  useEffect(() => {
    void flush();
    const retry = () => void flush();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [flush]);

  const enqueue = useCallback(
    (text: string) => {
      persist([...load(chatId, storage), { clientId: crypto.randomUUID(), text, createdAt: new Date().toISOString() }]);
      void flush();
    },
    [chatId, flush, persist, storage],
  );

  /** Drops messages the server already has (seen in the chat with the same client id). */
  const acknowledge = useCallback(
    (clientIds: Set<string>) => {
      const current = load(chatId, storage);
      const rest = current.filter((m) => !clientIds.has(m.clientId));
      if (rest.length !== current.length) persist(rest);
    },
    [chatId, persist, storage],
  );

  return { pending, enqueue, acknowledge, flush };
}
