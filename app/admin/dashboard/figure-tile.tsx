/** One headline figure: a label, the value, and a line of detail under it. */
export function FigureTile({ label, value, detail, testId, tone = 'plain' }: { label: string; value: string; detail?: string; testId?: string; tone?: 'plain' | 'alert' }) {
  return (
    <div className={`min-w-0 rounded-lg border p-3 ${tone === 'alert' ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`} data-testid={testId}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </dd>
      {/* The detail line keeps its height when empty, so tiles in a row line up. */}
      <dd className="min-h-4 text-xs text-slate-500">{detail ?? '\u00a0'}</dd>
    </div>
  );
}
