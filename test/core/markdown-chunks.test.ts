import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@fzlint/core';
import { scanMarkdown } from '../../packages/core/src/document/blocks.js';
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
  const scan = scanMarkdown(new LineIndex(text), chunkLines);
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
