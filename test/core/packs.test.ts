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
