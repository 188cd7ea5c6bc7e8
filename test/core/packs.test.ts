import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPackNames, createEngine } from '@fzlint/core';
import { memoryEnv, ROOT } from '../helpers.js';

describe('built-in packs', () => {
  // At run time built-in packs skip validation (they are trusted); here each is loaded as a user file would be.
  for (const name of builtinPackNames()) {
    it(`${name}.yaml passes the same validation as a user's rule file`, async () => {
      await expect(createEngine(memoryEnv()).loadConfig({ file: join(ROOT, 'rules', `${name}.yaml`) })).resolves.toBeDefined();
    });
  }

  it('every rule has a Chinese description and every template rule a source', async () => {
    const config = await createEngine(memoryEnv()).loadConfig({ extends: ['fzlint:strict'] });
    for (const d of config.ruleDefinitions()) {
      expect(d.description, d.id).toMatch(/[\u4e00-\u9fff]/);
      if (d.edition) expect(d.source, d.id).toBeTruthy();
    }
  });
});

describe('a report parsed by the host', () => {
  it('is used when it is of the same text, path and format, and otherwise parsed again', async () => {
    const { parseReport } = await import('@fzlint/core');
    const { engine, readSeed, recommended } = await import('../helpers.js');
    const config = await recommended();
    const text = readSeed('003');
    const plain = engine.lint(text, { path: 'a.txt', config });
    const document = parseReport(text, { path: 'a.txt' });
    const shared = engine.lint(text, { path: 'a.txt', config, document });
    expect(shared.document).toBe(document);
    expect(shared.diagnostics).toEqual(plain.diagnostics);
    // A document of other text (e.g. before --fix changed it) or another path is not used.
    expect(engine.lint(`${text}\n补充`, { path: 'a.txt', config, document }).document).not.toBe(document);
    expect(engine.lint(text, { path: 'b.md', config, document }).document).not.toBe(document);
  });
});
