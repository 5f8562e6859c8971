import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('install scripts', () => {
  it('every installed package with an install script is explicitly allowed or refused in package.json, so `npm ci` has nothing to warn about', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allowScripts = (readJson('package.json').allowScripts ?? {}) as Record<string, boolean>;
    const withScripts = new Set(
      Object.entries(lock.packages)
        .filter(([, entry]) => entry.hasInstallScript)
        .map(([location]) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    const undecided = [...withScripts].filter((name) => typeof allowScripts[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });
});
