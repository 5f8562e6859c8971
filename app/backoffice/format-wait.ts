/** 45 s → "< 1 хв", 125 min → "2 год 5 хв", 3 days → "3 д 0 год". */
export function formatWait(ms: number, t: (key: 'wait.minutes' | 'wait.hours' | 'wait.days' | 'wait.lessThanMinute', values?: Record<string, number>) => string): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('wait.lessThanMinute');
  if (minutes < 60) return t('wait.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('wait.hours', { h: hours, m: minutes % 60 });
  return t('wait.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
