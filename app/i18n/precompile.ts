import compile from 'icu-minify/compile';

type Messages = { [key: string]: string | Messages };
type Compiled = { [key: string]: ReturnType<typeof compile> | Compiled };

/**
 * The messages with every ICU string compiled ahead of formatting (icu-minify, next-intl's own
 * precompiler). The browser then formats them with use-intl's small `format-only` formatter
 * (next.config.js aliases `use-intl/format-message` to it) instead of downloading the ICU parser
 * and intl-messageformat, on every page. Plain strings stay strings.
 */
export function precompileMessages(messages: Messages): Compiled {
  const result: Compiled = {};
  for (const [key, value] of Object.entries(messages)) result[key] = typeof value === 'string' ? compile(value) : precompileMessages(value);
  return result;
}
