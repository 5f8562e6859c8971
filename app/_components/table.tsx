/**
 * The app's table: a header row of column labels over the rows the caller renders, in a frame
 * that scrolls sideways on a narrow screen (the page never does). Columns take their own classes
 * where they align differently.
 */
export interface TableColumn {
  label: React.ReactNode;
  /** The header cell's classes (default `p-2 font-medium`). */
  className?: string;
}

export function Table({
  columns,
  children,
  testId,
  className = 'w-full text-left text-sm',
  frameClassName = 'overflow-x-auto',
  headClassName = 'bg-slate-50 text-slate-600',
}: {
  columns: TableColumn[];
  /** The body's rows. */
  children: React.ReactNode;
  testId?: string;
  className?: string;
  frameClassName?: string;
  headClassName?: string;
}) {
  return (
    <div className={frameClassName}>
      <table className={className} data-testid={testId}>
        <thead className={headClassName}>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.className ?? 'p-2 font-medium'}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
