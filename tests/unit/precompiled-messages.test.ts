import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatWithParser from 'use-intl/format-message';
import formatOnly from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import { precompileMessages } from '@/app/i18n/precompile';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';

type Tree = { [key: string]: string | Tree };

function* entries(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') yield [`${prefix}${key}`, value];
    else yield* entries(value, `${prefix}${key}.`);
  }
}

function at(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
}

/** Sample values for every argument of a message: each plural with `count`, each select with each of its options in turn. */
function sampleValues(elements: MessageFormatElement[], count: number, pick: number): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (node.type === TYPE.argument) values[node.value] ??= `‹${node.value}›`;
      if (node.type === TYPE.number) values[node.value] = count;
      if (node.type === TYPE.date || node.type === TYPE.time) values[node.value] = new Date('2026-11-25T10:30:00Z');
      if (node.type === TYPE.plural) values[node.value] = count;
      if (node.type === TYPE.select) {
        const keys = Object.keys(node.options);
        values[node.value] ??= keys[pick % keys.length] ?? 'other';
      }
      if (node.type === TYPE.plural || node.type === TYPE.select) for (const option of Object.values(node.options)) walk(option.value);
      if (node.type === TYPE.tag) walk(node.children);
    }
  };
  walk(elements);
  return values;
}

describe.each([
  ['uk', uk],
  ['en', en],
] as const)('precompiled %s messages', (locale, messages) => {
  const compiled = precompileMessages(messages as Tree);
  const cache = _createCache();
  const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: 'Europe/Kyiv' };

  it('keep every key, and plain strings as they are', () => {
    for (const [key, message] of entries(messages as Tree)) {
      const value = at(compiled, key);
      expect(value, key).toBeDefined();
      if (!/[{}']/.test(message)) expect(value, key).toBe(message);
    }
  });

  it('are plain JSON data, which React can pass to the client components', () => {
    const plain = (value: unknown): boolean =>
      typeof value !== 'object' || value === null || ((Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) && Object.values(value).every(plain));
    expect(plain(compiled)).toBe(true);
  });

  it('read exactly as intl-messageformat reads the source, for each plural and select case', () => {
    for (const [key, message] of entries(messages as Tree)) {
      const ast = parse(message, { ignoreTag: false });
      for (const [count, pick] of [
        [0, 0],
        [1, 1],
        [3, 2],
        [5, 3],
        [21, 4],
      ] as const) {
        const values = sampleValues(ast, count, pick);
        const expected = formatWithParser(key, message, values, options);
        const actual = formatOnly(key, at(compiled, key) as never, values, options);
        expect(String(actual), `${key} with ${JSON.stringify(values)}`).toBe(String(expected));
      }
    }
  });
});
