import { inTransaction } from '@/db/client';
import { loadWidgetSession } from '@/server/widget/visitor-session';
import { createRequest } from './create-request';
import { activeCategory } from './request-access';
import type { PublicRequestContext } from './request-context';
import { notProven, sessionEnded } from './request-errors';
import { withRequestFiles } from './request-files';
import type { SubmitRequestInput } from './schemas';

/**
 * A subscriber writes a request (the public form, the widget's form). Who they are is the widget's
 * proof: the bearer token of a widget session whose visitor proved a number by SMS code (or the
 * portal), or an e-mail address by e-mail code. Answers the number, the private link's token and
 * the promised times.
 */
export async function submitRequest({ ctx, input }: { ctx: PublicRequestContext; input: SubmitRequestInput }) {
  const now = ctx.clock.now();
  const session = await loadWidgetSession(ctx.db, input.visitorToken, now);
  if (!session) throw sessionEnded();
  const { visitor } = session;
  if (!visitor.verifiedAt || (!visitor.msisdn && !visitor.email)) throw notProven();
  const category = await activeCategory(ctx.db, input.category);
  return withRequestFiles(ctx, input.files, (files) =>
    inTransaction(ctx.db, async (tx) => {
      const { row, linkToken } = await createRequest(
        tx,
        { category, text: input.text, msisdn: visitor.msisdn, email: visitor.msisdn ? null : visitor.email, locale: input.locale, visitorId: visitor.id, files, consentAt: now, actor: null },
        ctx.appUrl,
        now,
      );
      return {
        id: row.id,
        number: row.number,
        msisdn: row.msisdn,
        email: row.email,
        linkToken,
        linkExpiresAt: row.linkExpiresAt,
        firstResponseDueAt: row.firstResponseDueAt,
        resolutionDueAt: row.resolutionDueAt,
      };
    }),
  );
}
