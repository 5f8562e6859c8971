import { requireRole } from '../../../_lib/guard';
import { pageTitle } from '../../../_lib/page-title';
import { RequestWorkspace } from './request-workspace';

export const generateMetadata = pageTitle('request');

export default async function RequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const actor = await requireRole('backoffice', `/backoffice/requests/${requestId}`);
  return <RequestWorkspace requestId={requestId} myId={actor.id} />;
}
