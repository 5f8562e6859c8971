import type { ApplicationStatus } from '@/server/workflow/application-statuses';

/**
 * The colours that say how something stands (approved, rejected, waiting, information), in one
 * place. Each tone is a text colour for light surfaces and a badge (its own background) for
 * anywhere else — e.g. inside the dealer's own blue chat bubble, where a bare green text is
 * unreadable. tests/unit/status-colours.test.ts checks every pair below against WCAG AA
 * (4.5:1) with tailwind's own palette; full class names only, so tailwind finds them.
 */
export const STATUS_TONES = {
  info: { text: 'text-slate-800', badge: 'bg-slate-100 text-slate-800' },
  good: { text: 'text-green-800', badge: 'bg-green-50 text-green-800' },
  bad: { text: 'text-red-800', badge: 'bg-red-50 text-red-800' },
  wait: { text: 'text-amber-900', badge: 'bg-amber-50 text-amber-900' },
} as const;

export type StatusTone = keyof typeof STATUS_TONES;

/** The surfaces a tone's bare `text` is used on: cards, the page, the back office's decision panel, grey panels. */
export const TONE_SURFACES = ['bg-white', 'bg-slate-50', 'bg-brand-50', 'bg-slate-100'] as const;

/** Where a badge may sit: anywhere, including the dealer's own chat bubble (brand blue). */
export const BADGE_SURFACES = [...TONE_SURFACES, 'bg-brand-600'] as const;

/** An application's status as a tone, for the badges that show it. */
export const APPLICATION_STATUS_TONE: Record<ApplicationStatus, StatusTone> = {
  draft: 'info',
  identified: 'info',
  filled: 'info',
  verified: 'info',
  signed: 'info',
  submitted: 'wait',
  approved: 'good',
  rejected: 'bad',
  cancelled: 'info',
  disputed: 'bad',
};

/** Text that sits on a coloured background other than a tone's own (nested, so no one class string holds both). */
export const NESTED_TEXT_PAIRS: readonly { where: string; text: string; background: string }[] = [
  { where: 'the dealer’s own chat bubble', text: 'text-white', background: 'bg-brand-600' },
  { where: 'system lines in the chat (grey chat background)', text: 'text-slate-600', background: 'bg-slate-100' },
  { where: 'a decision button', text: 'text-white', background: 'bg-green-700' },
  { where: 'the reject button', text: 'text-white', background: 'bg-red-700' },
  { where: 'the return button', text: 'text-white', background: 'bg-amber-800' },
];
