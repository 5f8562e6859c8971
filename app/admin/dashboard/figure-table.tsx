'use client';

import { useTranslations } from 'next-intl';
import { Table } from '../../_components/table';

export interface Column<T> {
  label: string;
  cell: (row: T) => React.ReactNode;
  /** Figures are right-aligned so their digits line up. */
  numeric?: boolean;
}

/** A table of figures under a heading; it scrolls inside its own box on a narrow screen, the page never does. */
export function FigureTable<T>({ title, rows, columns, rowKey, testId }: { title: string; rows: readonly T[]; columns: Column<T>[]; rowKey: (row: T) => string; testId: string }) {
  const t = useTranslations('dashboard.tables');
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white" data-testid={testId}>
      <h3 className="p-3 pb-2 text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-500" data-testid={`${testId}-empty`}>
          {t('empty')}
        </p>
      ) : (
        <Table columns={columns.map((c) => ({ label: c.label, className: `p-2 font-medium ${c.numeric ? 'text-right' : ''}` }))}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-slate-100" data-testid={`${testId}-row`}>
              {columns.map((c) => (
                <td key={c.label} className={`p-2 ${c.numeric ? 'text-right tabular-nums whitespace-nowrap' : ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
