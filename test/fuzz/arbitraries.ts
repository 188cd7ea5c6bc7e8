import fc from 'fast-check';
import { stringify } from 'yaml';
import { KINDS, type JsonSchema } from '@fzlint/core';
import { readSeed } from '../helpers.js';

/** How many cases each property runs: a short run in `npm test`, FZLINT_FUZZ_RUNS=10000 in `npm run fuzz`. */
export const RUNS = Number(process.env.FZLINT_FUZZ_RUNS ?? 60);

const MARKERS = ['一、', '二、', '（一）', '(二)', '1.', '2、', '（1）', '一是', '二是', '三是', '第一，', '①', '# ', '## 二、', '- ', '> ', '\n', '\r\n', '\r', '\n\n', '。', '，', '%', '%%', ' %', '率', '2024年', '2025年1月7日', '\u0000', '\ud800', '\udc00', '<!--', '-->', '<!-- fzlint-disable -->', '---\n', '```', '\t', '\u3000', '法制宣传', '方法方法', '110101199003077777', '13800138000', '秘密★'];

const SEEDS = ['000', '001', '002', '003', '004'] as const;

/** A seed with random deletions and insertions of outline markers, numbers, brackets, NUL and lone surrogates. */
export const mutatedSeed = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.oneof(fc.constantFrom(...MARKERS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }))), { maxLength: 16 }),
  )
  .map(([id, edits]) => {
    let text = readSeed(id);
    for (const [at, del, ins] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + ins + text.slice(i + del);
    }
    return text;
  });

export const markerSoup = fc.array(fc.oneof(fc.constantFrom(...MARKERS), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((a) => a.join(''));

export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), markerSoup, mutatedSeed);

const WORDS = ['法治', '宣传', '举措', '成效', '不足', '安排', '学法', '考试', '合格率', '次', '问题', '整改'];
const SECTION_IDS = ['a', 'b', 'c'];
const PATTERNS = ['法治', '(a+)+$', '\\d+%', '[一二三]是', '法制(宣传|教育)', '(?i)abc', '.{0,3}率', '^一、', 'x*y*z*$'];

/** A value that satisfies a JSON Schema fragment (as the kinds declare them), with domain-aware choices by option name. */
function valueFor(name: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  if (name === 'section' || name === 'scope') return fc.constantFrom(...SECTION_IDS);
  if (name === 'sections') return fc.shuffledSubarray(SECTION_IDS, { minLength: 2 });
  if (name === 'patterns') return fc.array(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 3 });
  if (name === 'deadline') return fc.constantFrom('03-01', '04-01', '1-31');
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((s) => valueFor(name, s)));
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? 0, max: 5 });
    case 'string':
      return fc.constantFrom(...WORDS);
    case 'array': {
      const items = (schema.items ?? { type: 'string' }) as JsonSchema;
      return fc.array(valueFor(name, items), { minLength: (schema.minItems as number | undefined) ?? 0, maxLength: 4 });
    }
    case 'object': {
      if (schema.properties) return fc.record(Object.fromEntries(Object.entries(schema.properties as Record<string, JsonSchema>).map(([k, s]) => [k, valueFor(k, s)])), { requiredKeys: [] });
      return fc.dictionary(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), { maxKeys: 3 });
    }
    default:
      return fc.constantFrom(...WORDS);
  }
}

/** A random rule of a random kind whose options follow that kind's schema. */
const rule = fc.constantFrom(...KINDS).chain((kind) => {
  const options = Object.fromEntries(Object.entries(kind.options).map(([k, s]) => [k, valueFor(k, s)]));
  return fc.record(
    {
      kind: fc.constant(kind.name),
      severity: fc.constantFrom('error', 'warning', 'info'),
      ...options,
    },
    { requiredKeys: ['kind', 'severity', ...(kind.required ?? [])] },
  );
});

const section = fc.record(
  {
    name: fc.constantFrom(...WORDS),
    keywords: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    patterns: fc.array(fc.constantFrom(...PATTERNS), { maxLength: 2 }),
    order: fc.integer({ min: 1, max: 6 }),
    multiple: fc.boolean(),
  },
  { requiredKeys: ['name', 'keywords'] },
);

/** A random rule file: three sections (b within a) and up to eight random rules, optionally on top of recommended. */
export const ruleFile = fc
  .record({
    extendsRecommended: fc.boolean(),
    a: section,
    b: section,
    c: section,
    rules: fc.array(rule, { minLength: 1, maxLength: 8 }),
  })
  .map(({ extendsRecommended, a, b, c, rules }) =>
    stringify({
      ...(extendsRecommended ? { extends: 'fzlint:recommended' } : {}),
      sections: { a, b: { ...b, within: 'a' }, c },
      rules: Object.fromEntries(rules.map((r, i) => [`fuzz/r${i}`, r])),
    }),
  );
