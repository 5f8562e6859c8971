import { getTranslations } from 'next-intl/server';
import { SectionNav } from '@/app/_components/section-nav';

const SECTIONS = [
  { href: '/admin', key: 'admin' },
  { href: '/admin/dashboard', key: 'dashboard' },
  { href: '/admin/live', key: 'live' },
] as const;

/** The admin's sections: administration, the service-level dashboard and the live queue. */
export async function AdminNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  const t = await getTranslations('dashboard.nav');
  return <SectionNav label={t('label')} sections={SECTIONS.map((s) => ({ href: s.href, label: t(s.key) }))} current={current} testId="admin-nav" />;
}
