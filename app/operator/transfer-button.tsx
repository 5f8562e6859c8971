'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { useTRPC } from '../_components/trpc-provider';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';

/** Hand the chat to a colleague who is online, with a note only operators see. */
export function TransferButton({
  chatId,
  colleagues,
  onDone,
}: {
  chatId: string;
  colleagues: { id: string; name: string; status: string; load: number; capacity: number }[];
  onDone: () => void;
}) {
  const t = useTranslations('operator');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const transfer = useMutation(trpc.operator.transfer.mutationOptions({ onSuccess: onDone }));
  if (!open) {
    return (
      <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setOpen(true)} disabled={colleagues.length === 0}>
        {t('transfer')}
      </button>
    );
  }
  return (
    <form
      className="flex w-full flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (to) transfer.mutate({ chatId, toOperatorId: to, note });
      }}
    >
      <label className="flex flex-col text-xs">
        {t('transferTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} className="rounded border border-slate-300 px-2 text-sm">
          <option value="">—</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id} disabled={c.load >= c.capacity}>
              {c.name} ({c.load}/{c.capacity})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-1 flex-col text-xs">
        {t('transferNote')}
        <input value={note} maxLength={CHAT_LIMITS.maxTransferNote} onChange={(e) => setNote(e.target.value)} className="rounded border border-slate-300 px-2 text-sm" />
      </label>
      <button type="submit" disabled={!to || transfer.isPending} className="rounded bg-brand-600 px-3 text-sm text-white disabled:opacity-50">
        {t('transfer')}
      </button>
      {transfer.error && <span role="alert" className="w-full text-xs text-red-700">{errorText(transfer.error)}</span>}
    </form>
  );
}
