import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActor } from '@/server/audit/audit-actor';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('auditActor', () => {
  it('records the signed-in user who made the change', () => {
    expect(auditActor({ id: 'u1', role: 'operator' })).toEqual({ actorId: 'u1', actorRole: 'operator' });
  });

  it('records the system when nobody made it', () => {
    expect(auditActor(null)).toEqual({ actorId: null, actorRole: 'system' });
    expect(auditActor(undefined)).toEqual({ actorId: null, actorRole: 'system' });
  });

  it('is how the audit events name their actor (no actorId/actorRole spelled out beside writeAuditEvent)', () => {
    const spelled = fs
      .readdirSync(path.join(ROOT, 'server'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
      .filter((file) => !file.startsWith('server/audit/'))
      .filter((file) => {
        const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
        return source.includes('writeAuditEvent(') && /actorId: [^,]+,\s*actorRole:/.test(source);
      });
    expect(spelled).toEqual([]);
  });
});
