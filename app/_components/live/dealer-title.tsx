'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedListener } from '../realtime-feed';
import { useTRPC } from '../trpc-provider';
import { useTitleCount } from './use-title-count';

/** On every dealer page: the count of unread operator messages in the tab's title. */
export function DealerTitle({ myId }: { myId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const chats = useQuery(trpc.chat.list.queryOptions());
  // Own read marks lower the count (other events already refresh the list).
  useFeedListener((event) => {
    if (event.type === 'chat.read' && event.payload.userId === myId) void queryClient.invalidateQueries({ queryKey: trpc.chat.list.pathKey() });
  });
  useTitleCount((chats.data ?? []).reduce((sum, chat) => sum + chat.unread, 0));
  return null;
}
