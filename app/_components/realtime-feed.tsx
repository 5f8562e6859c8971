'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { MessageDto } from '@/server/chat/schemas';
import { useTRPC } from './trpc-provider';

export interface FeedEvent {
  id: number | null;
  type: string;
  chatId: string | null;
  payload: Record<string, unknown>;
}

type Listener = (event: FeedEvent) => void;
type ConnectionState = 'connecting' | 'live' | 'reconnecting';

const FeedContext = createContext<{ listen: (listener: Listener) => () => void; state: ConnectionState } | null>(null);

/**
 * One realtime stream per page. Chat messages go straight into the cached chat; every other event
 * refreshes the queries it affects. Components can also listen (typing, queue positions).
 */
export function FeedProvider({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [state, setState] = useState<ConnectionState>('connecting');

  useSubscription(
    trpc.realtime.feed.subscriptionOptions(
      {},
      {
        onStarted: () => setState('live'),
        onConnectionStateChange: (s) => {
          const next = s.state === 'pending' ? 'live' : 'reconnecting';
          setState((previous) => {
            // Back after a drop: stored events were resumed by id; state that is not stored
            // (queue places, read marks) is read again.
            if (previous === 'reconnecting' && next === 'live') void queryClient.invalidateQueries();
            return next;
          });
        },
        onData: (tracked) => {
          const event = tracked.data as FeedEvent;
          if (event.type === 'chat.message' && event.chatId) {
            const message = event.payload.message as MessageDto;
            queryClient.setQueryData(trpc.chat.get.queryKey({ chatId: event.chatId }), (chat) => {
              if (!chat || chat.messages.some((m) => m.id === message.id)) return chat;
              const messages = [...chat.messages, { ...message, createdAt: new Date(message.createdAt) }].sort((a, b) => a.seq - b.seq);
              return { ...chat, messages, lastSeq: Math.max(chat.lastSeq, message.seq) };
            });
          }
          if (event.type.startsWith('chat.') && event.type !== 'chat.typing' && event.type !== 'chat.message' && event.chatId) {
            void queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ chatId: event.chatId }) });
          }
          if (event.type === 'application.updated' || event.type === 'application.created') {
            void queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId: String(event.payload.applicationId) }) });
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
