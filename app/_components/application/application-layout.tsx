'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ChatView } from '../chat/chat-view';
import { useMediaQuery } from '../use-media-query';
import { ApplicationWorkspace } from './application-workspace';
import { StepActionSlot } from './step-action';

/**
 * The application page. From 1280 px the chat stands beside the form. On tablets (below 1280 px)
 * it is a drawer toggled from the sticky action bar, with an unread badge: over the form in
 * portrait, beside it from 1024 px (the form narrows). The chat stays mounted while hidden, so its
 * stream, outbox and half-typed message live on; it marks messages read only while shown.
 * The bar at the bottom of the screen holds the current step's main button (see StepAction).
 */
export function ApplicationLayout({ applicationId, chatId, role, myId, myName, waitHours }: { applicationId: string; chatId: string; role: 'dealer' | 'operator' | 'admin'; myId: string; myName: string; waitHours: number }) {
  const t = useTranslations('tablet');
  const wide = useMediaQuery('(min-width: 1280px)');
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(0);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const drawer = useRef<HTMLElement>(null);
  const shown = wide || open;

  // Whatever the browser scrolls into view (a focused field, a search hit) stays clear of the sticky bar.
  useEffect(() => {
    const html = document.documentElement;
    const previous = html.style.scrollPaddingBottom;
    html.style.scrollPaddingBottom = '6rem';
    return () => {
      html.style.scrollPaddingBottom = previous;
    };
  }, []);

  useEffect(() => {
    if (!open || wide) return;
    drawer.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, wide]);

  return (
    <StepActionSlot.Provider value={slot}>
      <div className="xl:grid xl:grid-cols-[1fr_420px] xl:gap-6">
        <div className={`flex min-w-0 flex-col gap-4 ${open ? 'lg:mr-[436px] xl:mr-0' : ''}`}>
          <ApplicationWorkspace applicationId={applicationId} role={role} myName={myName} waitHours={waitHours} />
          <div
            className="sticky bottom-0 z-20 -mx-1 flex flex-wrap items-center gap-2 rounded-t-lg border border-b-0 border-slate-200 bg-white/95 px-3 py-2 shadow-[0_-4px_12px_rgba(15,23,42,0.08)] xl:has-[[data-step-slot]:empty]:hidden"
            data-testid="action-bar"
          >
            <div ref={setSlot} className="flex flex-1 flex-wrap items-center gap-2" data-step-slot />
            <button
              type="button"
              className="relative ml-auto flex items-center gap-2 rounded border border-brand-600 bg-white px-4 font-medium text-brand-700 xl:hidden"
              aria-expanded={open}
              aria-controls="application-chat"
              onClick={() => setOpen((o) => !o)}
              data-testid="chat-toggle"
            >
              <ChatIcon />
              {open ? t('hideChat') : t('showChat')}
              {!shown && unread > 0 && (
                <span className="rounded-full bg-red-600 px-2 text-xs text-white" data-testid="chat-unread" aria-label={t('unread', { count: unread })}>
                  {unread}
                </span>
              )}
            </button>
          </div>
        </div>
        <aside
          id="application-chat"
          ref={drawer}
          tabIndex={-1}
          aria-label={t('chat')}
          className={`fixed inset-y-0 right-0 z-40 flex w-[min(436px,100vw)] flex-col bg-white shadow-2xl transition-transform outline-none xl:sticky xl:top-4 xl:right-auto xl:bottom-auto xl:z-auto xl:w-auto xl:translate-x-0 xl:self-start xl:bg-transparent xl:shadow-none ${open ? 'translate-x-0' : 'invisible translate-x-full xl:visible'}`}
          data-testid="chat-drawer"
          data-open={open}
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-1 xl:hidden">
            <span className="font-medium">{t('chat')}</span>
            <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setOpen(false)}>
              {t('hideChat')}
            </button>
          </div>
          <div className="min-h-0 flex-1 p-2 xl:p-0">
            <ChatView chatId={chatId} myId={myId} role={role} visible={shown} onUnread={setUnread} className="h-full xl:h-[70vh] xl:min-h-[420px]" />
          </div>
        </aside>
      </div>
    </StepActionSlot.Provider>
  );
}

function ChatIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M21 12a8 8 0 01-11.6 7.1L4 20l1-4.6A8 8 0 1121 12z" strokeLinejoin="round" />
    </svg>
  );
}
