import path from 'node:path';
import { DevInboxChannel, readDevInbox } from '@/server/notifications/dev-inbox-channel';
import { deliverDue } from '@/server/notifications/notification-sender';
import { createWidgetCaller } from '@/server/trpc/widget-router';
import { loadWidgetSession } from '@/server/widget/visitor-session';
import { chatWorld } from './chat-world';

/**
 * The chat world plus the widget: visitors with bearer tokens, the widget router's caller built
 * as its HTTP context would be (a fresh one per call: the visitor is read when the request comes),
 * and the development inbox the codes go to.
 */
export async function widgetWorld() {
  const cw = await chatWorld();
  const { h } = cw;
  const inbox = path.join(h.dir, 'dev-inbox.jsonl');
  const channel = new DevInboxChannel(inbox);

  async function widget(token: string | null, { ip = '10.0.0.1', signal }: { ip?: string; signal?: AbortSignal } = {}) {
    const widgetSession = token ? await loadWidgetSession(h.db, token, h.clock.now()) : null;
    return createWidgetCaller(
      { db: h.db, actor: null, widgetSession, clock: h.clock, bus: h.bus, scheduler: h.scheduler, storage: h.storage, appUrl: 'http://localhost:3000', ip, origin: null, userAgent: 'vitest' },
      { signal },
    );
  }

  /** A new guest: their token and a way to call as them. */
  async function guest(ip = '10.0.0.1', locale: 'uk' | 'en' = 'uk') {
    const started = await (await widget(null, { ip })).session.start({ locale });
    return { token: started.token, visitorId: started.visitor.id, api: () => widget(started.token, { ip }) };
  }

  /** Sends what the outbox holds to the development inbox and returns the newest code sent to `to`. */
  async function codeSentTo(to: string): Promise<string> {
    await deliverDue({ db: h.db, clock: h.clock, channels: { sms: channel, email: channel } });
    const entry = readDevInbox(inbox).find((e) => e.to === to);
    const code = entry ? /\b(\d{6})\b/.exec(entry.text)?.[1] : undefined;
    if (!code) throw new Error(`no code was sent to ${to}`);
    return code;
  }

  return { ...cw, widget, guest, codeSentTo, inbox };
}

export type WidgetWorld = Awaited<ReturnType<typeof widgetWorld>>;
