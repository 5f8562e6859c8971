'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { cannedReplyIn } from '@/server/chat/canned-reply-text';
import type { ChatSummary } from '@/server/chat/schemas';
import { useTRPC } from '../_components/trpc-provider';

/**
 * The composer's canned replies: the active ones for the chat's class, titled and inserted in the
 * chat's language (a subscriber's own, Ukrainian for dealers), for the operator to edit and send.
 */
export function CannedReplyPicker({ chat, insert }: { chat: Pick<ChatSummary, 'class' | 'language'>; insert: (text: string) => void }) {
  const t = useTranslations('operator.subscriber');
  const trpc = useTRPC();
  const replies = useQuery(trpc.chat.cannedReplies.queryOptions({ scope: chat.class }, { staleTime: 60_000 }));
  const options = replies.data ?? [];
  return (
    <label className="flex items-center gap-2 text-sm">
      {t('cannedReplies')}
      <select
        value=""
        className="max-w-64 rounded border border-slate-300 px-2"
        disabled={options.length === 0}
        onChange={(e) => {
          const reply = options.find((r) => r.id === e.target.value);
          if (reply) insert(cannedReplyIn(reply, chat.language).body);
        }}
        data-testid="canned-reply-picker"
      >
        <option value="">{options.length === 0 ? t('cannedRepliesEmpty') : '…'}</option>
        {options.map((reply) => (
          <option key={reply.id} value={reply.id}>
            {cannedReplyIn(reply, chat.language).title}
          </option>
        ))}
      </select>
    </label>
  );
}
