import { and, eq } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { applications, chats, identifications } from '@/db/schema';
import type { Actor } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import type { GuardFacts } from '@/server/workflow/guards';
import type { ApplicationRow } from '@/server/workflow/transition';
import { findTemplate, type TemplateDef } from '@/templates';

/**
 * The one ownership check for applications: the dealer company's users, the operator of the
 * application's chat, the back office once an application has been submitted (also after it
 * returned it to the dealer), and admins.
 * Everyone else gets NOT_FOUND.
 */
export interface LoadedApplication {
  application: ApplicationRow;
  chatOperatorId: string | null;
  template: TemplateDef;
}

/** An application with its template and its chat's operator, whoever asks (NOT_FOUND when there is none). */
export async function findApplication(db: DbOrTx, applicationId: string): Promise<LoadedApplication> {
  const row = await first(
    db
      .select({ application: applications, chatOperatorId: chats.operatorId })
      .from(applications)
      .innerJoin(chats, eq(chats.id, applications.chatId))
      .where(eq(applications.id, applicationId)),
  );
  if (!row) throw notFound('Application');
  const { application, chatOperatorId } = row;
  const template = findTemplate(application.templateId);
  if (!template) throw new Error(`template ${application.templateId} of application ${application.number} is no longer shipped`);
  return { application, chatOperatorId, template };
}

export async function getApplicationForActor(db: DbOrTx, actor: Actor, applicationId: string): Promise<LoadedApplication> {
  const loaded = await findApplication(db, applicationId);
  const { application, chatOperatorId } = loaded;
  const allowed =
    actor.role === 'admin' ||
    (actor.role === 'backoffice' && application.submittedAt !== null) ||
    (actor.role === 'dealer' && actor.dealerId === application.dealerId) ||
    (actor.role === 'operator' && chatOperatorId === actor.id);
  if (!allowed) throw notFound('Application');
  return loaded;
}

/** What the guards judge, gathered inside the transaction. */
export async function gatherFacts(db: DbOrTx, application: ApplicationRow, template: TemplateDef, chatOperatorId: string | null): Promise<GuardFacts> {
  const identified = new Set(
    (await db.select({ party: identifications.party }).from(identifications).where(and(eq(identifications.applicationId, application.id)))).map((r) => r.party),
  );
  return {
    chatOperatorId,
    allPartiesIdentified: template.parties.every((p) => identified.has(p.key)),
    sensitive: template.sensitive,
  };
}
