import compile from 'icu-minify/compile';

type Messages = { [key: string]: string | Messages };
type Compiled = { [key: string]: ReturnType<typeof compile> | Compiled };

/**
 * The messages with every ICU string compiled ahead of formatting (icu-minify, next-intl's own
 * precompiler). The browser then formats them with use-intl's small `format-only` formatter
 * (next.config.js aliases `use-intl/format-message` to it) instead of downloading the ICU parser
 * and intl-messageformat, on every page. Plain strings stay strings. The compiler's plural and
 * select options are objects without a prototype, which React cannot pass to client components:
 * they go through JSON, as next-intl's build-time loader writes them.
 */
export function precompileMessages(messages: Messages): Compiled {
  const result: Compiled = {};
  for (const [key, value] of Object.entries(messages)) {
    result[key] = typeof value === 'string' ? (JSON.parse(JSON.stringify(compile(value))) as ReturnType<typeof compile>) : precompileMessages(value);
  }
  return result;
}
