// npm run icons: renders the app's icons from the two SVGs in public/icons/ into the PNGs (and
// favicon.ico) that the web app manifest, browsers and tablets' home screens ask for. The output
// is committed; run this again only after changing an SVG. Uses the Chromium the browser tests
// use (CHROMIUM_PATH, default /usr/bin/chromium).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const PUBLIC = path.resolve(import.meta.dirname, '..', 'public');
const ICONS = path.join(PUBLIC, 'icons');

/** [source SVG, size in pixels, output file relative to public/] */
const OUTPUTS: [string, number, string][] = [
  ['icon.svg', 192, 'icons/icon-192.png'],
  ['icon.svg', 512, 'icons/icon-512.png'],
  // Maskable: full-bleed background, the drawing inside the central safe circle; the launcher cuts the shape.
  ['icon-maskable.svg', 192, 'icons/maskable-192.png'],
  ['icon-maskable.svg', 512, 'icons/maskable-512.png'],
  // iOS rounds the corners itself and looks for this name at the root.
  ['icon-maskable.svg', 180, 'apple-touch-icon.png'],
  ['icon.svg', 32, 'icons/icon-32.png'],
  ['icon.svg', 16, 'icons/icon-16.png'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [source, size, out] of OUTPUTS) {
    const svg = fs.readFileSync(path.join(ICONS, source), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img alt="" style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: path.join(PUBLIC, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote public/${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}

// favicon.ico holding the 16 and 32 pixel PNGs (PNG inside ICO is read by every current browser).
const images = [16, 32].map((size) => ({ size, png: fs.readFileSync(path.join(ICONS, `icon-${size}.png`)) }));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ size, png }) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
fs.writeFileSync(path.join(PUBLIC, 'favicon.ico'), Buffer.concat([header, ...entries, ...images.map((i) => i.png)]));
console.log('wrote public/favicon.ico (16, 32)');
