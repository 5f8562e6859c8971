import { getTranslations } from 'next-intl/server';
import { SectionNav } from '@/app/_components/section-nav';

const SECTIONS = [
  { href: '/backoffice', key: 'applications' },
  { href: '/backoffice/requests', key: 'requests' },
] as const;

/** The back office's two queues side by side: dealers' applications and subscribers' written requests. */
export async function BackOfficeNav({ current }: { current: (typeof SECTIONS)[number]['href'] }) {
  const t = await getTranslations('requests.nav');
  return <SectionNav label={t('label')} sections={SECTIONS.map((s) => ({ href: s.href, label: t(s.key) }))} current={current} testId="backoffice-nav" />;
}
