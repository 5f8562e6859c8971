import { redirect } from 'next/navigation';
import { WORKSPACE_PATH } from '@/server/auth/roles';
import { pageActor } from './_lib/guard';

/** Each role lands on its own workspace; a signed-out visitor on sign-in. */
export default async function Home() {
  const actor = await pageActor();
  redirect(actor ? WORKSPACE_PATH[actor.role] : '/sign-in');
}
