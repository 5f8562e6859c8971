import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pieces of UI written once and used everywhere: the table markup (app/_components/table.tsx),
 * the idempotent submit (app/_components/idempotent-submit.tsx) and the admin create forms'
 * plumbing (app/admin/admin-create-form.tsx). A second copy in app/ is what this refuses.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const appFiles = fs
  .readdirSync(path.join(ROOT, 'app'), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
  .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
const containing = (pattern: RegExp) => appFiles.filter((file) => pattern.test(fs.readFileSync(path.join(ROOT, file), 'utf8'))).sort();

describe('one component for each repeated piece of UI', () => {
  it('writes <table> only in the Table component', () => {
    expect(containing(/<table[\s>]/)).toEqual(['app/_components/table.tsx']);
  });

  it('makes a submit request id only in the idempotent submit hook', () => {
    expect(containing(/\[requestId\]\s*=\s*useState/)).toEqual(['app/_components/idempotent-submit.tsx']);
  });

  it('resets an admin form and refreshes the admin lists only in the create-form hook', () => {
    expect(containing(/form\.reset\(\)/)).toEqual(['app/admin/admin-create-form.tsx']);
    expect(containing(/data-testid="create-[a-z]+-form"/)).toEqual([]);
  });
});
