import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '@/db/schema';
import { APPLICATION_ACTIONS, targetOf, type Actor } from '@/server/workflow/transition-table';

const ACTORS: Actor[] = ['dealer', 'operator', 'backoffice', 'admin', 'subscriber'];

/**
 * The whole submission cycle written out by hand from docs/design.md — every allowed
 * (state, action, actor) and where it leads. Everything not listed must be refused.
 * `identify` from draft leads to `identified` only when every party is identified (else draft).
 */
const EXPECTED: string[] = [
  'draft identify dealer → identified',
  'identified identify dealer → identified',
  'filled identify dealer → filled',
  'verified identify dealer → filled',
  'signed identify dealer → filled',
  'draft edit dealer → draft',
  'identified edit dealer → identified',
  'filled edit dealer → filled',
  'verified edit dealer → filled',
  'signed edit dealer → filled',
  'identified fill dealer → filled',
  'filled fill dealer → filled',
  'filled verify operator → verified',
  'filled return operator → filled',
  'verified return operator → filled',
  'submitted return backoffice → filled',
  'verified sign dealer → signed',
  'signed submit dealer → submitted',
  'submitted approve backoffice → approved',
  'submitted reject backoffice → rejected',
  'disputed reject backoffice → rejected',
  ...['draft', 'identified', 'filled', 'verified', 'signed'].flatMap((s) => [`${s} cancel dealer → cancelled`, `${s} cancel operator → cancelled`]),
  'signed dispute subscriber → disputed',
  'submitted dispute subscriber → disputed',
  'approved dispute subscriber → disputed',
  'signed confirm subscriber → signed',
  'submitted confirm subscriber → submitted',
  'approved confirm subscriber → approved',
  'submitted claim backoffice → submitted',
  'disputed claim backoffice → disputed',
  'submitted release backoffice → submitted',
  'disputed release backoffice → disputed',
];

describe('the transition table', () => {
  it('allows exactly the expected (state, action, actor) combinations, with the expected targets', () => {
    const actual: string[] = [];
    for (const state of APPLICATION_STATUSES)
      for (const action of APPLICATION_ACTIONS)
        for (const actor of ACTORS) {
          const target = targetOf(state, action, actor);
          if (target) actual.push(`${state} ${action} ${actor} → ${target}`);
        }
    expect(actual.sort()).toEqual([...EXPECTED].sort());
    expect(APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length * ACTORS.length).toBe(700);
  });

  it('identify from draft stays draft until every party is identified', () => {
    expect(targetOf('draft', 'identify', 'dealer', { allPartiesIdentified: false })).toBe('draft');
    expect(targetOf('draft', 'identify', 'dealer', { allPartiesIdentified: true })).toBe('identified');
  });

  it('no action leaves a final state except a dispute of an approved one', () => {
    for (const state of ['approved', 'rejected', 'cancelled'] as const)
      for (const action of APPLICATION_ACTIONS)
        for (const actor of ACTORS) {
          const target = targetOf(state, action, actor);
          if (target && target !== state) expect(`${state} ${action} ${actor} → ${target}`).toBe('approved dispute subscriber → disputed');
        }
  });
});
