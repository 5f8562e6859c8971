import { checkHealth } from '@/server/system/check-health';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  const health = checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
