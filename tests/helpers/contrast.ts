import fs from 'node:fs';
import path from 'node:path';

/**
 * WCAG 2 contrast of tailwind colours as the app's build has them: tailwind's own palette
 * (node_modules/tailwindcss/theme.css, OKLCH) and the app's @theme in app/globals.css (hex).
 */
type Linear = [number, number, number];

function readPalette(): Map<string, string> {
  const palette = new Map<string, string>([
    ['white', '#ffffff'],
    ['black', '#000000'],
  ]);
  const files = [path.resolve('node_modules/tailwindcss/theme.css'), path.resolve('app/globals.css')];
  for (const file of files) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/--color-([a-z]+-\d+):\s*([^;]+);/g)) palette.set(match[1] ?? '', (match[2] ?? '').trim());
  }
  return palette;
}

let palette: Map<string, string> | undefined;

function oklchToLinear(value: string): Linear {
  const m = /^oklch\(\s*([\d.]+)%\s+([\d.]+)\s+([\d.]+)\s*\)$/.exec(value);
  if (!m) throw new Error(`not an oklch colour: ${value}`);
  const L = Number(m[1]) / 100;
  const C = Number(m[2]);
  const h = (Number(m[3]) * Math.PI) / 180;
  const a = C * Math.cos(h);
  const b = C * Math.sin(h);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return [
    clip(4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s),
    clip(-1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s),
    clip(-0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s),
  ];
}

function hexToLinear(value: string): Linear {
  const hex = value.replace('#', '');
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(2), channel(4)];
}

/** A tailwind colour name ("green-800", "brand-600", "white") as linear sRGB. */
export function colour(name: string): Linear {
  palette ??= readPalette();
  const value = palette.get(name);
  if (!value) throw new Error(`unknown tailwind colour: ${name}`);
  return value.startsWith('#') ? hexToLinear(value) : oklchToLinear(value);
}

const luminance = ([r, g, b]: Linear) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** The WCAG contrast ratio of two tailwind colours, e.g. contrast('green-800', 'brand-600'). */
export function contrast(foreground: string, background: string): number {
  const [x, y] = [luminance(colour(foreground)), luminance(colour(background))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
