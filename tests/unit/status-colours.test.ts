import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outcomeLineClass } from '@/app/_components/application/outcome-banner';
import { APPLICATION_STATUS_TONE, BADGE_SURFACES, NESTED_TEXT_PAIRS, STATUS_TONES, TONE_SURFACES, type StatusTone } from '@/app/_components/status-colours';
import { APPLICATION_STATUSES } from '@/server/workflow/application-statuses';
import { contrast } from '../helpers/contrast';

const AA = 4.5;
const TONES = Object.keys(STATUS_TONES) as StatusTone[];
const colourOf = (classes: string, kind: 'text' | 'bg'): string | null => new RegExp(`(?:^|\\s)${kind}-([a-z]+-\\d+|white|black)(?=\\s|$)`).exec(classes)?.[1] ?? null;
const surface = (bgClass: string) => bgClass.replace(/^bg-/, '');

describe('status colours meet WCAG AA (4.5:1)', () => {
  for (const tone of TONES) {
    it(`${tone}: the text on every light surface, and the badge on its own background`, () => {
      const text = colourOf(STATUS_TONES[tone].text, 'text') ?? '';
      for (const bg of TONE_SURFACES) expect(contrast(text, surface(bg)), `${text} on ${bg}`).toBeGreaterThanOrEqual(AA);
      const badge = STATUS_TONES[tone].badge;
      expect(contrast(colourOf(badge, 'text') ?? '', colourOf(badge, 'bg') ?? ''), badge).toBeGreaterThanOrEqual(AA);
    });
  }

  it('the outcome lines of a chat card read on every bubble, the dealer’s own blue one included', () => {
    for (const tone of TONES) {
      const classes = outcomeLineClass(tone, true);
      for (const bg of BADGE_SURFACES) {
        const background = colourOf(classes, 'bg') ?? surface(bg);
        expect(contrast(colourOf(classes, 'text') ?? '', background), `${tone} (${classes}) in a ${bg} bubble`).toBeGreaterThanOrEqual(AA);
      }
    }
  });

  it('every application status has a tone', () => {
    for (const status of APPLICATION_STATUSES) expect(STATUS_TONES[APPLICATION_STATUS_TONE[status]]).toBeDefined();
  });

  it('nested text on a coloured background', () => {
    for (const pair of NESTED_TEXT_PAIRS) {
      expect(contrast(colourOf(pair.text, 'text') ?? '', colourOf(pair.background, 'bg') ?? ''), pair.where).toBeGreaterThanOrEqual(AA);
    }
  });

  it('every class string in app/ that sets both a text and a background colour', () => {
    const files = execFileSync('git', ['ls-files', 'app'], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
    const failures: string[] = [];
    for (const file of files) {
      for (const [, , classes = ''] of fs.readFileSync(file, 'utf8').matchAll(/(['"`])([^'"`\n]*?)\1/g)) {
        const text = colourOf(classes, 'text');
        const bg = colourOf(classes, 'bg');
        if (text && bg && contrast(text, bg) < AA) failures.push(`${file}: ${classes} (${contrast(text, bg).toFixed(2)}:1)`);
      }
    }
    expect(failures).toEqual([]);
  });
});
