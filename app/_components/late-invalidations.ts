import type { QueryClient } from '@tanstack/react-query';

/**
 * An invalidation that comes while a query's first read is on its way is joined to that read by
 * react-query (there is no data to keep showing, so no second read starts): the answer, read
 * before the change that caused the invalidation, would then stand until something else refreshes
 * it. A busy server makes this common: a status chosen while the console is loading, an accept
 * streamed while the chat is loading. Such a query reads once more when that first answer lands.
 */
export function rereadInvalidatedFirstReads(queryClient: QueryClient): () => void {
  const late = new Set<string>();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') {
      late.delete(event.query.queryHash);
      return;
    }
    if (event.type !== 'updated') return;
    const { query, action } = event;
    if (action.type === 'invalidate' && query.state.fetchStatus === 'fetching' && query.state.data === undefined) {
      late.add(query.queryHash);
    } else if ((action.type === 'success' && !action.manual) || action.type === 'error') {
      if (!late.delete(query.queryHash)) return;
      // After react-query has finished with this answer, not inside its notification.
      queueMicrotask(() => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }));
    }
  });
}
