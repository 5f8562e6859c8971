import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_LABELS, auditActionLabel } from '@/server/audit/audit-actions';
import { CHAT_TRANSITIONS } from '@/server/chat/chat-transitions';
import { PACKAGE_TRANSITIONS } from '@/server/packages/package-access';
import { REQUEST_TRANSITIONS } from '@/server/requests/request-transitions';
import { buildDocumentModel } from '@/server/signing/document-model';
import { sampleDocument } from '@/server/signing/sample-document';
import { ROLES } from '@/server/auth/roles';
import { APPLICATION_ACTIONS } from '@/server/workflow/transition-table';
import { TEMPLATES } from '@/templates';

/** Codes written by `action: \`prefix.${action}\``: the actions of that prefix's transition table. */
const DYNAMIC: Record<string, readonly string[]> = {
  application: APPLICATION_ACTIONS,
  chat: Object.keys(CHAT_TRANSITIONS),
  package: Object.keys(PACKAGE_TRANSITIONS),
  request: Object.keys(REQUEST_TRANSITIONS),
};

/** Every audit action code the server can write, found in its sources. */
function codesInSources(): string[] {
  const files = execFileSync('git', ['ls-files', 'server'], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));
  const codes = new Set<string>(APPLICATION_ACTIONS.map((a) => `application.${a}`));
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    if (!source.includes('writeAuditEvent(')) continue;
    for (const [, expression = ''] of source.matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const [, code = ''] of expression.matchAll(/'([a-z_]+\.[a-zA-Z_]+)'/g)) codes.add(code);
      const dynamic = /^`([a-z_]+)\.\$\{/.exec(expression.trim());
      if (dynamic) {
        const actions = DYNAMIC[dynamic[1] ?? ''];
        if (!actions) throw new Error(`${file}: audit codes \`${dynamic[1]}.\${…}\` — add its transition table to this test`);
        for (const action of actions) codes.add(`${dynamic[1]}.${action}`);
      }
    }
  }
  return [...codes].sort();
}

describe('audit action codes in human words', () => {
  it('every audit action code in the codebase has a label in Ukrainian and in English', () => {
    const codes = codesInSources();
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.filter((code) => !Object.hasOwn(AUDIT_ACTION_LABELS, code));
    expect(missing).toEqual([]);
    for (const code of codes) {
      const words = AUDIT_ACTION_LABELS[code as keyof typeof AUDIT_ACTION_LABELS];
      expect(words.uk.trim(), code).not.toBe('');
      expect(words.en.trim(), code).not.toBe('');
      expect(words.uk, code).not.toContain(code);
      expect(words.uk, `${code} in Ukrainian`).toMatch(/[а-яіїєґ]/i);
    }
  });

  it('every actor the trail records has words too', () => {
    for (const role of [...ROLES, 'subscriber', 'system']) expect(AUDIT_ACTOR_LABELS[role]?.uk, role).toBeTruthy();
  });

  it('the signed PDF’s audit page shows the words, not the codes', () => {
    const template = TEMPLATES.find((t) => t.id === 'sim-replacement');
    if (!template) throw new Error('no template');
    const model = buildDocumentModel(sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'http://localhost/verify?a=x', developmentSeal: true }));
    expect(model.audit.map((a) => a.action)).toEqual(['Заяву створено', 'Особу ідентифіковано', 'Дані заяви змінено', 'Заповнення завершено', 'Перевірено оператором', 'Підписано і засвідчено']);
    expect(model.audit.every((a) => !/^[a-z]+$/.test(a.actor))).toBe(true);
  });

  it('an unknown code shows as it is', () => {
    expect(auditActionLabel('something.new', 'uk')).toBe('something.new');
  });
});
