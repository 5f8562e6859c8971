import { headers } from 'next/headers';
import { cache } from 'react';
import { createContextFromHeaders } from '@/server/trpc/context';
import { createCaller } from '@/server/trpc/root';

/** The tRPC router called directly from React Server Components, with the request's session. */
export const serverCaller = cache(async () => createCaller(await createContextFromHeaders(await headers())));
