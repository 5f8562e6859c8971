import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { applications, notifications } from '@/db/schema';
import { loadActiveActor } from '@/server/auth/load-actor';
import type { Actor } from '@/server/context';
import { DevInboxChannel, readDevInbox } from '@/server/notifications/dev-inbox-channel';
import { deliverDue } from '@/server/notifications/notification-sender';
import { applicationWorld, signedApplication } from './application-world';

/** The notice to the number concerned (server/notifications/messages.ts) says "Не ви?". */
const NOTICE = /Не ви\?|If it was not you/;

/**
 * The application world plus what the back-office tests need: a development inbox in the test's
 * folder, a sender that delivers to it, the subscriber's token read from the delivered SMS (as
 * the subscriber would), and more back-office employees.
 */
export async function backOfficeWorld() {
  const w = await applicationWorld();
  const inboxFile = path.join(w.h.dir, 'dev-inbox.jsonl');
  const inbox = new DevInboxChannel(inboxFile);
  const deliver = () => deliverDue({ db: w.h.db, clock: w.h.clock, channels: { sms: inbox, email: inbox } });

  async function employee(name: string): Promise<Actor> {
    const user = await w.as(w.world.admin).admin.users.create({ name, email: `${randomUUID().slice(0, 8)}@backoffice.local`, password: 'a-long-password-1', role: 'backoffice' });
    const actor = await loadActiveActor(w.h.db, user.id);
    if (!actor) throw new Error('employee missing');
    return actor;
  }

  return {
    ...w,
    inboxFile,
    deliver,
    employee,
    inbox: () => readDevInbox(inboxFile),
    /**
     * The token in the newest delivered message about an application, as the subscriber reads it:
     * the confirmation's (or, with `notice`, the notice's to the number concerned), optionally only
     * the one sent to `to`.
     */
    tokenFromInbox(number: string, options: { notice?: boolean; to?: string } = {}): string {
      const message = readDevInbox(inboxFile).find((m) => m.text.includes(number) && NOTICE.test(m.text) === Boolean(options.notice) && (!options.to || m.to === options.to));
      const token = message && /\/s\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
      if (!token) throw new Error(`no link for ${number} in the inbox`);
      return token;
    },
    row: (id: string) => first(w.h.db.select().from(applications).where(eq(applications.id, id))),
    outbox: async (id: string) => w.h.db.select().from(notifications).where(eq(notifications.applicationId, id)),
    signed: (templateId?: 'sim-replacement' | 'tariff-change') => signedApplication(w, templateId),
    async submitted(templateId?: 'sim-replacement' | 'tariff-change') {
      const { applicationId, version } = await signedApplication(w, templateId);
      const result = await w.as(w.world.dealer).application.submit({ applicationId, version, requestId: randomUUID() });
      const number = (await first(w.h.db.select({ number: applications.number }).from(applications).where(eq(applications.id, applicationId))))?.number ?? '';
      return { applicationId, version: result.version, number };
    },
  };
}

export type BackOfficeWorld = Awaited<ReturnType<typeof backOfficeWorld>>;
