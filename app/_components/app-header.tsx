import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { WORKSPACE_PATH } from '@/server/auth/roles';
import { pageActor } from '../_lib/guard';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

export async function AppHeader() {
  const actor = await pageActor();
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2">
        <Link href={actor ? WORKSPACE_PATH[actor.role] : '/'} className="text-lg font-semibold text-brand-700">
          {t('app.name')}
        </Link>
        <div className="ml-auto flex items-center gap-3">
          {actor && (
            <span className="text-sm text-slate-600" data-testid="current-user">
              {actor.name} · {t(`roles.${actor.role}`)}
            </span>
          )}
          <LanguageSwitch />
          {actor && <SignOutButton />}
        </div>
      </div>
    </header>
  );
}
