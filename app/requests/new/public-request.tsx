'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { RequestForm } from '../../_components/requests/request-form';
import { readToken, writeToken } from '../../widget/widget-token';
import { useWidgetTRPC } from '../../widget/widget-trpc';

const codeOf = (error: unknown) => (error as { data?: { code?: string } } | null)?.data?.code;

/** The public form with the widget's session: made when a code is first asked, kept in this site's storage. */
export function PublicRequest() {
  const trpc = useWidgetTRPC();
  const queryClient = useQueryClient();
  const locale = useLocale() === 'en' ? 'en' : 'uk';
  const [token, setToken] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setToken(readToken());
    setReady(true);
  }, []);
  const me = useQuery(trpc.session.me.queryOptions(undefined, { enabled: ready && token !== null, retry: false }));
  useEffect(() => {
    if (codeOf(me.error) === 'UNAUTHORIZED') {
      writeToken(null);
      setToken(null);
    }
  }, [me.error]);
  const start = useMutation(trpc.session.start.mutationOptions());
  const ensureSession = useCallback(async () => {
    if (readToken()) return;
    const session = await start.mutateAsync({ locale });
    writeToken(session.token);
    setToken(session.token);
  }, [start, locale]);
  return (
    <div data-ready={ready && (token === null || me.isFetched)} data-testid="public-request">
      <RequestForm visitor={me.data?.visitor ?? null} ensureSession={ensureSession} onProven={() => void queryClient.invalidateQueries()} />
    </div>
  );
}
