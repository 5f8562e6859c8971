'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useHydrated } from '../use-hydrated';
import { ALLOWED_ATTACHMENT_TYPES } from '@/server/chat/chat-limits';

const MAX = 4000;

/** Text box, attach button and send; Enter sends, Shift+Enter makes a new line. */
export function Composer({
  onSend,
  onTyping,
  onAttach,
  uploading,
  tools,
}: {
  onSend: (text: string) => void;
  onTyping: () => void;
  onAttach: (file: File) => void;
  uploading: boolean;
  /** Helpers above the text box (the operator's canned replies), given a way to insert a text for editing. */
  tools?: (insert: (text: string) => void) => React.ReactNode;
}) {
  const t = useTranslations('chat');
  const [text, setText] = useState('');
  const hydrated = useHydrated();
  const fileInput = useRef<HTMLInputElement>(null);
  const trimmed = text.trim();
  const tooLong = text.length > MAX;

  const submit = () => {
    if (!trimmed || tooLong) return;
    onSend(trimmed);
    setText('');
  };

  const insert = (snippet: string) => setText((current) => (current.trim() ? `${current.trimEnd()}\n${snippet}` : snippet));

  return (
    <>
      {tools && <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white px-2 pt-2">{tools(insert)}</div>}
      <form
        className="flex items-end gap-2 border-t border-slate-200 bg-white p-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <button
          type="button"
          className="rounded border border-slate-300 px-3 text-xl"
          aria-label={t('attach')}
          title={t('attach')}
          disabled={uploading}
          onClick={() => fileInput.current?.click()}
        >
          {uploading ? '…' : <PaperclipIcon />}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={ALLOWED_ATTACHMENT_TYPES.join(',')}
          className="hidden"
          data-testid="attach-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onAttach(file);
            e.target.value = '';
          }}
        />
        <div className="flex flex-1 flex-col">
          <textarea
            aria-label={t('messagePlaceholder')}
            placeholder={t('messagePlaceholder')}
            rows={2}
            value={text}
            className={`w-full resize-none rounded border px-3 py-2 ${tooLong ? 'border-red-500' : 'border-slate-300'}`}
            onChange={(e) => {
              setText(e.target.value);
              onTyping();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit();
              }
            }}
          />
          {text.length > MAX - 500 && <span className={`text-xs ${tooLong ? 'text-red-700' : 'text-slate-500'}`}>{t('chars', { count: text.length })}</span>}
        </div>
        <button type="submit" disabled={!trimmed || tooLong || !hydrated} className="rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50">
          {t('send')}
        </button>
      </form>
    </>
  );
}

function PaperclipIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l9.2-9.2a3.7 3.7 0 015.2 5.2l-9.2 9.2a1.8 1.8 0 01-2.6-2.6l8.5-8.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
