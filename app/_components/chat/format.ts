/** "2 хв 05 с" style durations for waits. */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  const [min, sec] = locale === 'en' ? ['min', 's'] : ['хв', 'с'];
  return minutes > 0 ? `${minutes} ${min} ${String(rest).padStart(2, '0')} ${sec}` : `${rest} ${sec}`;
}

export function formatTime(date: Date | string, locale: string): string {
  return new Date(date).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'uk-UA', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Kyiv' });
}
