import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from '@/server/audit/audit-hash';

const content = {
  at: new Date('2026-11-25T10:00:00Z'),
  actorId: 'u1',
  actorRole: 'admin',
  action: 'dealer.create',
  entityType: 'dealer',
  entityId: 'd1',
  data: { b: 1, a: { y: [1, 2], x: 'ї' } },
};

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { z: 1, y: 2 }] } })).toBe('{"a":{"c":[3,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit hash', () => {
  it('does not depend on key order', () => {
    const reordered = { ...content, data: { a: { x: 'ї', y: [1, 2] }, b: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, content));
  });

  it('changes with any field and with the previous hash', () => {
    const base = auditHash(GENESIS_HASH, content);
    expect(auditHash('1'.repeat(64), content)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...content, action: 'dealer.delete' })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...content, at: new Date('2026-11-25T10:00:00.001Z') })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...content, data: { ...content.data, b: 2 } })).not.toBe(base);
  });
});
