import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
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
export function findApplication(db: DbOrTx, applicationId: string): LoadedApplication {
  const row = db
    .select({ application: applications, chatOperatorId: chats.operatorId })
    .from(applications)
    .innerJoin(chats, eq(chats.id, applications.chatId))
    .where(eq(applications.id, applicationId))
    .get();
  if (!row) throw notFound('Application');
  const { application, chatOperatorId } = row;
  const template = findTemplate(application.templateId);
  if (!template) throw new Error(`template ${application.templateId} of application ${application.number} is no longer shipped`);
  return { application, chatOperatorId, template };
}

export function getApplicationForActor(db: DbOrTx, actor: Actor, applicationId: string): LoadedApplication {
  const loaded = findApplication(db, applicationId);
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
export function gatherFacts(db: DbOrTx, application: ApplicationRow, template: TemplateDef, chatOperatorId: string | null): GuardFacts {
  const identified = new Set(
    db
      .select({ party: identifications.party })
      .from(identifications)
      .where(and(eq(identifications.applicationId, application.id)))
      .all()
      .map((r) => r.party),
  );
  return {
    chatOperatorId,
    allPartiesIdentified: template.parties.every((p) => identified.has(p.key)),
    sensitive: template.sensitive,
  };
}
