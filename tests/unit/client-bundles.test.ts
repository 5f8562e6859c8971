import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What each page's client bundle is made of, read from the sources: from the page and its layouts,
 * through the server components, to every 'use client' module and what it imports statically.
 * `import()` (next/dynamic) is a separate chunk fetched when used, so it is not followed.
 * `npm run bench:pages` measures the bytes; this keeps heavy libraries off the pages that do not
 * need them.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Static value imports and re-exports (type-only ones are erased and left out). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    if (match[5]) {
      found.push(match[5]);
      continue;
    }
    if (match[2]) continue;
    const clause = match[3] ?? '';
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (named && named[1]?.split(',').every((part) => part.trim() === '' || part.trim().startsWith('type '))) continue;
    if (match[4]) found.push(match[4]);
  }
  return found;
}

const isClient = (file: string) => /^\s*['"]use client['"]/.test(fs.readFileSync(file, 'utf8'));

/** Packages and project files the browser downloads for a route (its page and every layout above it). */
function clientGraph(route: string) {
  const segments = route.split('/').filter(Boolean);
  const entries: string[] = [];
  for (let i = 0; i <= segments.length; i += 1) {
    const dir = path.join(ROOT, 'app', ...segments.slice(0, i));
    for (const name of ['layout.tsx', ...(i === segments.length ? ['page.tsx'] : [])]) {
      if (fs.existsSync(path.join(dir, name))) entries.push(path.join(dir, name));
    }
  }
  const packages = new Set<string>();
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${client}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inClient = client || isClient(file);
    if (inClient) files.add(path.relative(ROOT, file));
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const target = resolveLocal(file, specifier);
        // Server components only matter for the client components they render (all in app/).
        if (target && (inClient || target.startsWith(path.join(ROOT, 'app')))) visit(target, inClient);
      } else if (inClient) {
        packages.add(specifier);
      }
    }
  };
  for (const entry of entries) visit(entry, false);
  return { packages: [...packages].sort(), files: [...files].sort() };
}

const DATA_LAYER = ['@tanstack/react-query', '@trpc/client', '@trpc/tanstack-react-query', 'superjson'];
const HEAVY = ['recharts', 'signature_pad', 'libphonenumber-js', 'libphonenumber-js/mobile', 'ibantools', 'stdnum', 'react-hook-form', '@hookform/resolvers/zod'];
const isZod = (name: string) => name === 'zod' || name.startsWith('zod/');

describe('client bundles', () => {
  it('the root layout, on every page, ships no tRPC, react-query, zod or other heavy library', () => {
    const { packages } = clientGraph('');
    expect(packages.filter((p) => DATA_LAYER.includes(p) || HEAVY.includes(p) || isZod(p))).toEqual([]);
  });

  it.each(['sign-in', 'verify', 's/[token]'])('the public page /%s ships no tRPC, react-query, zod or form library', (route) => {
    const { packages } = clientGraph(route);
    expect(packages.filter((p) => DATA_LAYER.includes(p) || HEAVY.includes(p) || isZod(p))).toEqual([]);
  });

  it.each(['dealer', 'operator', 'backoffice', 'admin/dashboard'])('the workspace /%s ships no zod, no full form definitions and no heavy library', (route) => {
    const { packages, files } = clientGraph(route);
    expect(packages.filter((p) => HEAVY.includes(p) || isZod(p))).toEqual([]);
    expect(files.filter((f) => f.startsWith('templates/') && f !== 'templates/titles.ts')).toEqual([]);
    // …but it does get its data layer, from the workspace's layout.
    expect(packages).toEqual(expect.arrayContaining(DATA_LAYER));
  });

  it('the application page fetches the signature pad only when someone signs', () => {
    const { packages, files } = clientGraph('applications/[applicationId]');
    expect(files).toContain('app/_components/application/signers.tsx');
    expect(packages).not.toContain('signature_pad');
  });
});
