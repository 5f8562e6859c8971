import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the server's start-up loads, read from the sources (static imports and re-exports, type-only
 * ones left out; `import()` is loaded only when called, so it is not followed). The simulator is a
 * client of the API that brings every router with it: start-up must not load it.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('@/') && !specifier.startsWith('.')) return null;
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s*from\s*)?['"]([^'"]+)['"]/gm)) {
      if (match[1]) continue;
      const target = resolveLocal(file, match[2] ?? '');
      if (target) visit(target);
    }
  };
  visit(path.join(ROOT, entry));
  return new Set([...seen].map((file) => path.relative(ROOT, file)));
}

describe("the server's start-up", () => {
  it('loads neither the simulator nor the API routers', () => {
    const loaded = [...loadedBy('server/system/start-up.ts')];
    expect(loaded).toContain('server/seed/demo-data.ts');
    expect(loaded.filter((file) => file.startsWith('simulation/') || file.includes('/simulation/') || file.startsWith('server/trpc/'))).toEqual([]);
  });
});
