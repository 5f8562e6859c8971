'use client';

import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { MessageDto } from '@/server/chat/schemas';
import type { FeedEvent } from '@/server/realtime/events';
import { useTRPC } from './trpc-provider';

export type { FeedEvent } from '@/server/realtime/events';

type Listener = (event: FeedEvent) => void;
type ConnectionState = 'connecting' | 'live' | 'reconnecting';

const FeedContext = createContext<{ listen: (listener: Listener) => () => void; state: ConnectionState } | null>(null);

/** The streamed messages a cached chat lacks, oldest first. */
function missingFrom(chat: { messages: MessageDto[] }, streamed: Map<number, MessageDto> | undefined): MessageDto[] {
  if (!streamed) return [];
  const known = new Set(chat.messages.map((m) => m.id));
  return [...streamed.values()].filter((m) => !known.has(m.id));
}

/**
 * One realtime stream per page. Chat messages go straight into the cached chat; every other event
 * refreshes the queries it affects. Components can also listen (typing, queue positions). Inside
 * another FeedProvider (the layout's, for operators and dealers) it adds no second stream.
 *
 * Reads and the stream race: a read of a chat may answer after messages the stream already
 * delivered (a first read still on its way drops them, a refetch overwrites them), and whatever
 * the page read before its stream started misses what happened in between. So every streamed
 * message is kept and put back into any answer that lacks it, and each (re)start of the stream
 * reads the page's data again.
 */
export function FeedProvider({ children }: { children: React.ReactNode }) {
  const outer = useContext(FeedContext);
  if (outer) return children;
  return <FeedStream>{children}</FeedStream>;
}

function FeedStream({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [state, setState] = useState<ConnectionState>('connecting');
  /** Every chat message this page's stream delivered, by chat and message id. */
  const streamed = useRef(new Map<string, Map<number, MessageDto>>());

  const putBackStreamed = useCallback(
    (chatId: string) => {
      const key = trpc.chat.get.queryKey({ chatId });
      const cached = queryClient.getQueryData(key);
      if (!cached || missingFrom(cached, streamed.current.get(chatId)).length === 0) return;
      queryClient.setQueryData(key, (chat) => {
        if (!chat) return chat;
        const missing = missingFrom(chat, streamed.current.get(chatId));
        if (missing.length === 0) return chat;
        const messages = [...chat.messages, ...missing].sort((a, b) => a.seq - b.seq);
        return { ...chat, messages, lastSeq: Math.max(chat.lastSeq, ...missing.map((m) => m.seq)) };
      });
    },
    [queryClient, trpc],
  );

  // A chat's read that lands (first or again) may have been made before messages the stream has
  // since delivered: they go back in at once.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
        const chatId = (event.query.queryKey[1] as { input?: { chatId?: unknown } } | undefined)?.input?.chatId;
        if (typeof chatId !== 'string' || !streamed.current.has(chatId)) return;
        if (event.query.queryHash !== hashKey(trpc.chat.get.queryKey({ chatId }))) return;
        putBackStreamed(chatId);
      }),
    [queryClient, trpc, putBackStreamed],
  );

  useSubscription(
    trpc.realtime.feed.subscriptionOptions(
      {},
      {
        onStarted: () => {
          setState('live');
          // Started or back after a drop. What the page read before may predate events this
          // stream will not send (it starts from now, or resumes only stored events): read again.
          void queryClient.invalidateQueries();
        },
        onConnectionStateChange: (s) => setState(s.state === 'pending' ? 'live' : 'reconnecting'),
        onData: ({ data: event }) => {
          if (event.type === 'chat.message' && event.chatId) {
            const { message } = event.payload;
            const ofChat = streamed.current.get(event.chatId) ?? new Map<number, MessageDto>();
            ofChat.set(message.id, { ...message, createdAt: new Date(message.createdAt) });
            streamed.current.set(event.chatId, ofChat);
            putBackStreamed(event.chatId);
          }
          if (event.type.startsWith('chat.') && event.type !== 'chat.typing' && event.type !== 'chat.message' && event.chatId) {
            void queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ chatId: event.chatId }) });
          }
          if (event.type === 'application.updated' || event.type === 'application.created') {
            void queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId: event.payload.applicationId }) });
            void queryClient.invalidateQueries({ queryKey: trpc.application.list.pathKey() });
          }
          if (event.type !== 'chat.typing' && event.type !== 'chat.read') {
            void queryClient.invalidateQueries({ queryKey: trpc.chat.list.pathKey() });
            void queryClient.invalidateQueries({ queryKey: trpc.operator.console.pathKey() });
          }
          for (const listener of listeners.current) listener(event);
        },
      },
    ),
  );

  const [value] = useState(() => ({
    listen: (listener: Listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));
  return <FeedContext.Provider value={{ ...value, state }}>{children}</FeedContext.Provider>;
}

export function useFeedListener(listener: Listener) {
  const feed = useContext(FeedContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => feed?.listen((event) => latest.current(event)), [feed]);
}

export function useFeedState(): ConnectionState {
  return useContext(FeedContext)?.state ?? 'connecting';
}
