'use client';

import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from './error-text';
import { useHydrated } from './use-hydrated';

/**
 * A submit that happens once however often it is sent: one request id per screen, retried twice
 * over a flaky connection; the server answers a repeated id with the same result. `submit` takes
 * the procedure's input without the id.
 */
export function useIdempotentSubmit<TData, TError, TVariables extends { requestId: string }, TContext>(options: UseMutationOptions<TData, TError, TVariables, TContext>) {
  const [requestId] = useState(() => crypto.randomUUID());
  const mutation = useMutation({ ...options, retry: 2 });
  return {
    submit: (input: Omit<TVariables, 'requestId'>) => mutation.mutate({ ...input, requestId } as TVariables),
    isPending: mutation.isPending,
    error: mutation.error,
  };
}

/** The submit's refusal, if any, and its button (disabled until hydrated and while it is sent). */
export function SubmitControls({ error, pending, label, pendingLabel, onSubmit, wrap = (button) => button }: { error: unknown; pending: boolean; label: string; pendingLabel: string; onSubmit: () => void; wrap?: (button: React.ReactNode) => React.ReactNode }) {
  const errorText = useErrorText();
  const hydrated = useHydrated();
  return (
    <>
      {Boolean(error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
      {wrap(
        <button type="button" disabled={!hydrated || pending} className="self-start rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50" onClick={onSubmit}>
          {pending ? pendingLabel : label}
        </button>,
      )}
    </>
  );
}
