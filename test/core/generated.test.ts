import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinPackNames, editorSchema } from '@fzlint/core';
import { ROOT } from '../helpers.js';

describe('generated files', () => {
  it('schema and docs are up to date (run `npm run gen` after changing kinds or packs)', async () => {
    const { writeGenerated } = await import(join(ROOT, 'scripts/generate.mjs'));
    const stale: string[] = await writeGenerated(ROOT, { write: false });
    expect(stale.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });

  it('the editor schema accepts every built-in pack and rejects a broken rule', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(editorSchema());
    for (const name of builtinPackNames()) {
      const data = parse(readFileSync(join(ROOT, 'rules', `${name}.yaml`), 'utf8'));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ rules: { x: { kind: 'pattern', wordz: ['a'] } } })).toBe(false);
    expect(validate({ rules: { x: { kind: 'quantification' } } })).toBe(false);
    expect(validate({ rules: { x: 'warn' } })).toBe(false);
  });
});
