/**
 * public/_locales/en/messages.json against the code and Chrome's rules. The compiler already
 * refuses a key the messages do not have (components/i18n.ts, lib/user-message.ts); these
 * tests add what it cannot see: the manifest's `__MSG_…__` keys, keys no code uses, and
 * placeholders that do not add up, in the messages or at the calls that fill them.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import messages from '@/public/_locales/en/messages.json';
import { nodes, parse, type Source, sourceFiles, where } from '../support/source-files';

interface Message {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Record<string, { readonly content: string }>;
}

const MESSAGES: Record<string, Message> = messages;
const KEYS = Object.keys(MESSAGES);

/** The CLDR plural categories a counted message's keys end with (see components/i18n.ts). */
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/u;

/** Everything the extension runs: the manifest's config, its entry points, components and lib. */
const SOURCES: Source[] = [
  parse('wxt.config.ts'),
  ...sourceFiles('entrypoints'),
  ...sourceFiles('components'),
  ...sourceFiles('lib'),
];

/** Every string the code writes literally, each with where it is. */
function literals(): { text: string; node: ts.Node; source: Source }[] {
  return SOURCES.flatMap((source) =>
    [...nodes(source.ast)]
      .filter((n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n))
      .map((node) => ({ text: (node as ts.StringLiteralLike).text, node, source })),
  );
}

/** The placeholders a message names in its text, upper-cased ($COUNT$ → COUNT). */
const named = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/gu)].map((m) => m[1]!.toUpperCase());
const placeholders = (m: Message) =>
  new Map(Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toUpperCase(), p.content]));

describe('the messages follow Chrome’s rules', () => {
  it('names each message once (names are case-insensitive), with letters, digits and _ only', () => {
    const lower = KEYS.map((k) => k.toLowerCase());
    expect(lower.filter((k, i) => lower.indexOf(k) !== i)).toEqual([]);
    expect(KEYS.filter((k) => !/^[A-Za-z0-9_]+$/u.test(k) || k.startsWith('@@'))).toEqual([]);
  });

  it('says its language as a tag the browser knows (pages’ lang, plural rules)', () => {
    expect(Intl.getCanonicalLocales(MESSAGES.language!.message)).toEqual(['en']);
    expect(new Intl.PluralRules(MESSAGES.language!.message).resolvedOptions().locale).toBe('en');
  });

  it('gives every message a text and, for translators, a description', () => {
    expect(KEYS.filter((k) => !MESSAGES[k]!.message || !MESSAGES[k]!.description?.trim())).toEqual([]);
  });

  it.each(KEYS)('%s: its placeholders are defined, used, and each filled by its own substitution', (key) => {
    const m = MESSAGES[key]!;
    const defined = placeholders(m);
    const used = named(m.message);
    // Every $NAME$ is defined, and no other $ is in the text ($$ is a dollar sign).
    expect(used.filter((n) => !defined.has(n))).toEqual([]);
    expect(m.message.replace(/\$[A-Za-z0-9_@]+\$|\$\$/gu, '')).not.toContain('$');
    // Each placeholder fills from one substitution, $1 to $n, each once.
    expect([...defined.values()].sort()).toEqual([...defined.keys()].map((_, i) => `$${i + 1}`));
    // Each is used, but a plural form may leave its count out ("Its source").
    const unused = [...defined.keys()].filter((n) => !used.includes(n));
    expect(PLURAL.test(key) ? unused.filter((n) => n !== 'COUNT') : unused).toEqual([]);
  });

  it('has every counted message in English’s two forms, alike but for the words, the count first', () => {
    const bases = new Set(KEYS.flatMap((k) => PLURAL.exec(k)?.[1] ?? []));
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) {
      const one = MESSAGES[`${base}_one`];
      const other = MESSAGES[`${base}_other`];
      expect(one && other, base).toBeTruthy();
      expect(Object.fromEntries(placeholders(one!)), base).toEqual(Object.fromEntries(placeholders(other!)));
      expect(placeholders(other!).get('COUNT'), base).toBe('$1');
    }
  });
});

describe('the messages and the code agree', () => {
  const written = literals();
  const texts = new Set(written.map((l) => l.text));

  it('uses every message: no key is left that no code asks for', () => {
    const used = (key: string) =>
      texts.has(key) || texts.has(`__MSG_${key}__`) || texts.has(PLURAL.exec(key)?.[1] ?? key);
    expect(KEYS.filter((k) => !used(k))).toEqual([]);
  });

  it('has every message the manifest names', () => {
    const manifest = written.flatMap((l) => [...l.text.matchAll(/__MSG_(\w+)__/gu)].map((m) => m[1]!));
    expect(manifest).toContain('extName');
    expect(manifest.filter((k) => !(k in MESSAGES))).toEqual([]);
  });

  /** Calls that fill a message: the key's position, and how many substitutions come before the rest. */
  const FILLERS: Record<string, { readonly counted: boolean }> = {
    t: { counted: false },
    userMessage: { counted: false },
    UserError: { counted: false },
    ImportError: { counted: false },
    // plural(base, count, ...more): the count is $1.
    plural: { counted: true },
  };

  it('fills each message with as many substitutions as it has placeholders', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const source of SOURCES) {
      for (const node of nodes(source.ast)) {
        if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) continue;
        const callee = node.expression;
        const filler = ts.isIdentifier(callee) ? FILLERS[callee.text] : undefined;
        const [first, ...rest] = node.arguments ?? [];
        if (!filler || !first) continue;
        // A literal key, or a choice between literal keys.
        const choices = ts.isConditionalExpression(first) ? [first.whenTrue, first.whenFalse] : [first];
        for (const choice of choices) {
          if (!ts.isStringLiteral(choice)) continue;
          const keys = filler.counted ? [`${choice.text}_one`, `${choice.text}_other`] : [choice.text];
          for (const key of keys) {
            const message = MESSAGES[key];
            if (!message) {
              wrong.push(`${where(source, node)}: no message ${key}`);
              continue;
            }
            checked += 1;
            const given = rest.length;
            const expected = placeholders(message).size;
            if (given !== expected) wrong.push(`${where(source, node)}: ${key} takes ${expected}, given ${given}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});
