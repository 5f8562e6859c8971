import Link from 'next/link';

/** A workspace's sections as tabs (the admin's, the back office's): the current one marked for the eye and for screen readers. */
export function SectionNav({ label, sections, current, testId }: { label: string; sections: readonly { href: string; label: string }[]; current: string; testId: string }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-2 text-sm" data-testid={testId}>
      {sections.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current ? 'page' : undefined}
          className={`inline-flex min-h-11 items-center rounded px-3 font-medium ${s.href === current ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-brand-700 hover:bg-brand-50'}`}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
