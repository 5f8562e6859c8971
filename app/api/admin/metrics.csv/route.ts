import { overviewCsv } from '@/server/metrics/csv';
import { metricsOverview, periodInput } from '@/server/metrics/overview';
import { jsonError } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';
import { contentDisposition } from '@/server/files/file-name';

export const dynamic = 'force-dynamic';

/** The period's figures as a CSV file (admins): `?from=YYYY-MM-DD&to=YYYY-MM-DD&threshold=20`. */
export async function GET(req: Request): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    if (ctx.actor.role !== 'admin') return jsonError(403, 'FORBIDDEN', 'Only admins see the figures.', { messageKey: 'errors.metricsAdminsOnly' });
    const params = new URL(req.url).searchParams;
    const period = periodInput.safeParse({ from: params.get('from'), to: params.get('to'), thresholdSeconds: Number(params.get('threshold') ?? 20) });
    if (!period.success) return jsonError(400, 'BAD_REQUEST', 'Give the period as from=YYYY-MM-DD&to=YYYY-MM-DD (to not before from, at most 366 days).', { messageKey: 'errors.periodQuery' });
    const csv = overviewCsv(await metricsOverview(ctx.db, period.data, ctx.clock.now()));
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': contentDisposition('attachment', `dealer-desk-${period.data.from}-${period.data.to}.csv`),
        'cache-control': 'private, no-store',
      },
    });
  });
}
