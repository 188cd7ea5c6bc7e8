import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@fzlint/core';
import { finishMarkdown } from '../../packages/core/src/document/blocks.js';
import { remarkStructure } from '../../packages/core/src/document/markdown-remark.js';
import { markdownChunks } from '../../packages/core/src/document/markdown-chunks.js';
import { readSeed } from '../helpers.js';

const TRICKY = `---
year: 2024

unit: 某局
---

# 某局2024年法治政府建设年度报告

一、总体情况
正文第一段，
懒惰续行。

- 列表项
  - 子项

    子项中的段落
- 另一项
懒惰续行也属于列表项

\`\`\`
代码块

# 不是标题

- 不是列表
\`\`\`

<!-- 注释开始

# 注释里不是标题

注释结束 -->

<pre>
预格式

文本
</pre>

二、存在的不足
=========

    缩进代码块

## （一）小标题
1. 有序
2. 列表

3) 另一种
> 引用
继续

[ref]: http://example.com
*** 
`;

function kinds(text: string, chunkLines: number) {
  const lines = new LineIndex(text);
  const scan = finishMarkdown(lines, remarkStructure(lines, chunkLines));
  return { kinds: scan.lineKinds, blocks: scan.blocks, comments: scan.htmlComments, frontMatter: scan.frontMatter, contentStarts: scan.contentStarts };
}

describe('Markdown parsed in chunks reads the same as parsed whole', () => {
  const docs: Record<string, string> = {
    tricky: TRICKY,
    tricky5: TRICKY.repeat(5),
    seedAsMarkdown: readSeed('001').replace(/^ {2}([一二三四五六]、)/gm, '## $1'),
    lists: Array.from({ length: 300 }, (_, i) => `- a${i}\n  - b\n${i % 7 === 0 ? '\n' : ''}`).join(''),
  };
  for (const [name, text] of Object.entries(docs)) {
    it(name, () => {
      const whole = kinds(text, Infinity);
      for (const size of [1, 3, 10]) expect(kinds(text, size)).toEqual(whole);
    });
  }

  it('never cuts inside fences, HTML blocks or front matter', () => {
    const chunks = markdownChunks(new LineIndex(TRICKY), 1);
    const lines = TRICKY.split('\n');
    const starts = chunks.map(([s]) => lines[s]);
    expect(starts).not.toContain('# 不是标题');
    expect(starts).not.toContain('# 注释里不是标题');
    expect(starts).not.toContain('unit: 某局');
    expect(chunks.length).toBeGreaterThan(5);
  });

  it('holds for random documents built from Markdown pieces', () => {
    const piece = fc.constantFrom(
      '', '  ', '一、标题', '正文。', '- 项', '* 项', '+ 项', '  - 子项', '\t- 制表', '1. 有序', '2. 续', '3) 项', '- - -', '```', '````', '~~~', '  ```',
      '<!-- a', '-->', '<!-- 单行 -->', '<pre>', '</pre>', '<div>', '</div>', '<?php', '?>', '<![CDATA[', ']]>', '# 标题', '#标题', '---', '...', '> 引用', '>', '    缩进', '===', '[x]: y',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join('\n');
        expect(kinds(text, 2)).toEqual(kinds(text, Infinity));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the simple Markdown reader gives exactly what remark gives, whenever it accepts a file', () => {
  it('on random documents from report-like and tricky pieces', async () => {
    const { simpleStructure } = await import('../../packages/core/src/document/markdown-simple.js');
    const { remarkStructure } = await import('../../packages/core/src/document/markdown-remark.js');
    const { finishMarkdown } = await import('../../packages/core/src/document/blocks.js');
    const piece = fc.constantFrom(
      '', '  ', '一、标题', '正文。', '  正文', '\u3000\u3000正文', '- 项', '* 项', '+ 项', '-项', '  - 子项', '- # 标', '- - -', '1. 有序', '1.加强', '2. 续', '3) 项',
      '# 标题', '## 二、小标题', '  ### （一）', '#标题', '**（一）加强**', '*强调*', '__粗__', '***', '___', '---', '--', '-', '===', '=号', '+号',
      '```', '~~~', '    缩进', '\t制表', '> 引用', '<div>', '<!-- x -->', '[x]: y', '|a|b|', '\\# 转义', '2024年', '文字  ', '文字\\',
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, withFrontMatter) => {
        const text = (withFrontMatter ? '---\nyear: 2024\n---\n' : '') + parts.join('\n');
        const lines = new LineIndex(text);
        const simple = simpleStructure(lines);
        if (!simple) return;
        accepted++;
        const a = finishMarkdown(lines, simple);
        const b = finishMarkdown(lines, remarkStructure(lines, Infinity));
        expect({ kinds: a.lineKinds, starts: a.contentStarts, blocks: a.blocks, fm: a.frontMatter }).toEqual({ kinds: b.lineKinds, starts: b.contentStarts, blocks: b.blocks, fm: b.frontMatter });
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts the seeds written as Markdown, and declines files it cannot read exactly', async () => {
    const { simpleStructure } = await import('../../packages/core/src/document/markdown-simple.js');
    const { toMarkdown } = await import('../../bench/cli-corpus.mjs');
    for (const id of ['000', '001', '002', '003', '004'] as const) expect(simpleStructure(new LineIndex(toMarkdown(readSeed(id)))), id).toBeDefined();
    expect(simpleStructure(new LineIndex(TRICKY))).toBeUndefined();
  });
});
