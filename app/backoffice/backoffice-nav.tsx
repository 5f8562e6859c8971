import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const SECTIONS = [
  { href: '/backoffice', key: 'applications' },
  { href: '/backoffice/requests', key: 'requests' },
] as const;

/** The back office's two queues side by side: dealers' applications and subscribers' written requests. */
export async function BackOfficeNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  const t = await getTranslations('requests.nav');
  return (
    <nav aria-label={t('label')} className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="backoffice-nav">
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current ? 'page' : undefined}
          className={`inline-flex min-h-11 items-center rounded px-3 font-medium ${s.href === current ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-brand-700 hover:bg-brand-50'}`}
        >
          {t(s.key)}
        </Link>
      ))}
    </nav>
  );
}
