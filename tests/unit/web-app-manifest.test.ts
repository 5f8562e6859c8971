import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PUBLIC = path.join(ROOT, 'public');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('web app manifest, icons and robots.txt', () => {
  it('lets a dealer pin the app to a tablet: standalone from /, with 192 and 512 pixel icons that exist, maskable ones too', async () => {
    const { default: manifest } = await import('@/app/manifest');
    const m = manifest();
    expect(m).toMatchObject({ name: 'Dealer Desk', start_url: '/', display: 'standalone' });
    expect(m.short_name?.length ?? 0).toBeGreaterThan(0);
    expect(m.short_name?.length ?? 99).toBeLessThanOrEqual(12);
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const icons = m.icons ?? [];
    for (const icon of icons) {
      const file = path.join(PUBLIC, icon.src);
      expect(fs.existsSync(file), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const [width, height] = (icon.sizes ?? '').split('x').map(Number);
        expect(pngSize(file), icon.src).toEqual({ width, height });
      }
    }
    const pngs = (purpose: string) => icons.filter((i) => i.type === 'image/png' && (i.purpose ?? 'any') === purpose).map((i) => i.sizes);
    expect(pngs('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(pngs('maskable')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('has the icons browsers and iOS ask for without a link: /favicon.ico and /apple-touch-icon.png', () => {
    const ico = fs.readFileSync(path.join(PUBLIC, 'favicon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(pngSize(path.join(PUBLIC, 'apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
  });

  it('robots.txt keeps crawlers away from subscribers’ links (/s/) and the API', () => {
    const robots = fs.readFileSync(path.join(PUBLIC, 'robots.txt'), 'utf8');
    const disallowed = robots
      .split('\n')
      .map((line) => /^Disallow:\s*(\S+)/i.exec(line.trim())?.[1])
      .filter(Boolean);
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(disallowed).toEqual(expect.arrayContaining(['/s/', '/api/']));
  });
});
