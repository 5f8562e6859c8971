import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentActor } from '@/server/auth/current-actor';
import type { Role } from '@/server/auth/roles';
import type { Actor } from '@/server/context';

/** The signed-in actor of this page request (once per request). */
export const pageActor = cache(async (): Promise<Actor | null> => currentActor(await headers()));

/** A signed-out visitor goes to sign-in; another role gets 403. */
export async function requireRole(role: Role, path: string): Promise<Actor> {
  const actor = await pageActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (actor.role !== role) forbidden();
  return actor;
}
