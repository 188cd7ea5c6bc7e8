import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinPackNames, editorSchema, ENGINE_RULES, KINDS } from '@fzlint/core';
import { HOST_RULES } from '@fzlint/workspace';
import { engine, ROOT } from '../helpers.js';

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

  it('the HTML rule docs have an anchor for every rule a link can point at, and for every kind', async () => {
    const rules = readFileSync(join(ROOT, 'docs/rules.html'), 'utf8');
    const config = await engine.loadConfig({ extends: ['fzlint:strict'] });
    const ids = [...config.ruleDefinitions().map((d) => d.id), ...Object.keys(ENGINE_RULES), ...Object.keys(HOST_RULES)];
    expect(ids.length).toBeGreaterThan(60);
    for (const id of ids) expect(rules, id).toContain(`<h3 id="${id}">`);
    // Links inside the page and to the kinds page land on anchors that exist.
    const kinds = readFileSync(join(ROOT, 'docs/rule-kinds.html'), 'utf8');
    for (const k of KINDS) expect(kinds, k.name).toContain(`<h2 id="${k.name}">`);
    for (const [, target] of rules.matchAll(/href="#([^"]+)"/g)) expect(rules).toContain(`id="${target}"`);
    for (const [, target] of rules.matchAll(/href="rule-kinds\.html#([^"]+)"/g)) expect(kinds).toContain(`id="${target}"`);
  });
});
