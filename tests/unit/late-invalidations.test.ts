import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { rereadInvalidatedFirstReads } from '@/app/_components/late-invalidations';

/** A query whose reads answer only when the test says, each with the server's state at its start. */
function slowServer() {
  let state = 'offline';
  const pending: (() => void)[] = [];
  let reads = 0;
  return {
    set: (next: string) => (state = next),
    get reads() {
      return reads;
    },
    /** Answers every read on its way, oldest first. */
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
    queryFn: () => {
      reads += 1;
      const seen = state;
      return new Promise<string>((resolve) => pending.push(() => resolve(seen)));
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('an invalidation while a query is on its first read', () => {
  const clients: QueryClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.clear()));

  async function run(withReread: boolean) {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
    clients.push(client);
    if (withReread) rereadInvalidatedFirstReads(client);
    const server = slowServer();
    const observer = new QueryObserver(client, { queryKey: ['console'], queryFn: server.queryFn });
    const unsubscribe = observer.subscribe(() => {});
    // The first read is on its way (it saw "offline"); the status changes; the page invalidates.
    server.set('available');
    void client.invalidateQueries({ queryKey: ['console'] });
    await settle();
    server.answerAll();
    await settle();
    server.answerAll();
    await settle();
    unsubscribe();
    return { data: client.getQueryData(['console']), reads: server.reads };
  }

  it('is joined to that read by react-query: the older answer stands (the cause)', async () => {
    expect(await run(false)).toEqual({ data: 'offline', reads: 1 });
  });

  it('makes the query read once more when the first answer lands', async () => {
    expect(await run(true)).toEqual({ data: 'available', reads: 2 });
  });
});
