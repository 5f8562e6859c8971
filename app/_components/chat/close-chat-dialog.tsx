'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { findTemplate } from '@/templates';
import { useText } from '../application/use-text';
import { useTRPC } from '../trpc-provider';

/** Not yet with the back office: what closing the chat leaves open. */
const OPEN = new Set(['draft', 'identified', 'filled', 'verified', 'signed']);

/**
 * "End the chat?" with the chat's applications still in progress and what becomes of them. The
 * server changes none of them when a chat closes: the dealer can still complete, sign and submit
 * them on their pages and the chat's operator can still verify or return them; only writing in
 * the chat and starting new applications in it end.
 */
export function CloseChatDialog({ chatId, pending, onConfirm, onCancel }: { chatId: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations('tablet.closeDialog');
  const ts = useTranslations('application.status');
  const text = useText();
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useQuery(trpc.application.list.queryOptions({ chatId }));
  const open = (list.data ?? []).filter((a) => OPEN.has(a.status));

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`close-chat-title-${chatId}`}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="close-chat-dialog"
    >
      <div className="flex flex-col gap-3 p-4">
        <h2 id={`close-chat-title-${chatId}`} className="text-lg font-semibold">
          {t('title')}
        </h2>
        {list.isPending ? (
          <p className="text-sm text-slate-500">…</p>
        ) : open.length > 0 ? (
          <>
            <p className="text-sm">{t('openCount', { count: open.length })}</p>
            <ul className="flex flex-col gap-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="close-chat-open-applications">
              {open.map((a) => {
                const template = findTemplate(a.templateId);
                return (
                  <li key={a.id}>
                    <span className="font-mono">{a.number}</span> · {template ? text(template.title) : a.templateId} · <span className="font-medium">{ts(a.status)}</span>
                  </li>
                );
              })}
            </ul>
            <p className="text-sm">{t('whatHappens')}</p>
          </>
        ) : (
          <p className="text-sm">{t('noOpen')}</p>
        )}
        <p className="text-sm text-slate-600">{t('afterClose')}</p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="rounded border border-slate-300 px-4" onClick={onCancel} autoFocus>
            {t('keep')}
          </button>
          <button type="button" className="rounded bg-red-700 px-4 font-medium text-white disabled:opacity-60" disabled={pending || list.isPending} onClick={onConfirm}>
            {t('confirm')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
