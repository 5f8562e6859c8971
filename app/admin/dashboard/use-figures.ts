'use client';

import { useFormatter, useTranslations } from 'next-intl';

export const NO_FIGURE = '—';

type Maybe = number | null | undefined;
const missing = (value: Maybe): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

/**
 * The dashboard's figures in the UI's language: shares as percentages with one decimal, times
 * as seconds / minutes / hours / days, and "—" for a figure the period has no data for.
 */
export function useFigures() {
  const format = useFormatter();
  const t = useTranslations('dashboard.duration');
  const decimal = (value: Maybe, digits = 1) => (missing(value) ? NO_FIGURE : format.number(value, { maximumFractionDigits: digits }));
  const percent = (value: Maybe) =>
    missing(value) ? NO_FIGURE : value === Number.POSITIVE_INFINITY ? '∞' : format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const duration = (seconds: Maybe) => {
    if (missing(seconds)) return NO_FIGURE;
    if (!Number.isFinite(seconds)) return '∞';
    if (seconds < 60) return t('seconds', { s: format.number(seconds, { maximumFractionDigits: seconds < 10 ? 1 : 0 }) });
    const whole = Math.round(seconds);
    if (whole < 3600) return t('minutes', { m: Math.floor(whole / 60), s: whole % 60 });
    if (whole < 86_400) return t('hours', { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60) });
    return t('days', { d: Math.floor(whole / 86_400), h: Math.floor((whole % 86_400) / 3600) });
  };
  const count = (value: Maybe) => (missing(value) ? NO_FIGURE : format.number(value));
  return { decimal, percent, duration, count };
}

export type Figures = ReturnType<typeof useFigures>;
