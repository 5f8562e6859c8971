'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTRPC } from '../trpc-provider';
import type { FormValues } from './template-form';

const key = (applicationId: string) => `dealer-desk:draft:${applicationId}`;

/**
 * Autosave that survives a bad connection and a closed tab: the latest unsent values wait in
 * localStorage, are retried when the browser is online again (and every 5 s), and are sent with
 * `keepalive` when the page is hidden or closed.
 */
export function useDraftAutosave(applicationId: string, onSaved: () => void) {
  const trpc = useTRPC();
  const save = useMutation(trpc.application.saveDraft.mutationOptions());
  const sending = useRef(false);
  const savedRef = useRef(onSaved);
  useEffect(() => {
    savedRef.current = onSaved;
  });

  const flush = useCallback(async () => {
    const raw = window.localStorage.getItem(key(applicationId));
    if (!raw || sending.current) return;
    sending.current = true;
    try {
      await save.mutateAsync({ applicationId, formData: JSON.parse(raw) as FormValues });
      if (window.localStorage.getItem(key(applicationId)) === raw) window.localStorage.removeItem(key(applicationId));
      savedRef.current();
    } catch (error) {
      // Refused (bad value, wrong state): retrying will not help; a network failure will be retried.
      if ((error as { data?: { code?: string } }).data?.code) window.localStorage.removeItem(key(applicationId));
    } finally {
      sending.current = false;
    }
  }, [applicationId, save]);

  useEffect(() => {
    void flush();
    const retry = () => void flush();
    const onHide = () => {
      const raw = window.localStorage.getItem(key(applicationId));
      if (!raw) return;
      void fetch('/api/trpc/application.saveDraft', {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { applicationId, formData: JSON.parse(raw) } }),
      }).then((r) => r.ok && window.localStorage.removeItem(key(applicationId)));
    };
    window.addEventListener('online', retry);
    window.addEventListener('pagehide', onHide);
    const timer = window.setInterval(retry, 5000);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('pagehide', onHide);
      window.clearInterval(timer);
    };
  }, [applicationId, flush]);

  return useCallback(
    (values: FormValues) => {
      window.localStorage.setItem(key(applicationId), JSON.stringify(values));
      void flush();
    },
    [applicationId, flush],
  );
}
