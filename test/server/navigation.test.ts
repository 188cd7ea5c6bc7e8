import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, SymbolKind, type DocumentSymbol, type MarkupContent, type SymbolInformation } from 'vscode-languageserver';
import { VSCODE_LIKE_CAPABILITIES } from './lsp-client.js';
import { Harness, NONE } from './harness.js';

const names = (symbols: DocumentSymbol[]) => symbols.map((s) => s.name.slice(0, 4));

describe('document symbol and folding range providers: the Chinese outline', () => {
  it('seed 001: six top-level parts with their （一）（二） children', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const symbols = (await h.service.documentSymbols.provideDocumentSymbols(doc, NONE)) as DocumentSymbol[];
    expect(symbols.map((s) => s.name.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    expect(symbols.every((s) => s.kind === SymbolKind.Module)).toBe(true);
    const measures = symbols[3]!;
    expect(measures.name).toBe('四、推进法治政府建设的主要举措和成效');
    expect(measures.detail).toBe('第四部分：推进法治政府建设的主要举措和成效');
    expect(names(measures.children!)).toEqual(['(一)持', '(二)依', '(三)不', '(四)强']);
    expect(measures.children!.every((c) => c.kind === SymbolKind.Class)).toBe(true);
    expect(symbols[4]!.children!.map((c) => c.name.slice(0, 7))).toEqual(['(一)2023', '(二)2024']);
    // 一是 / 二是 items sit under their （一）.
    expect(symbols[4]!.children![0]!.children!.map((c) => c.name.slice(0, 2))).toEqual(['一是', '二是']);
    // Ranges nest and selection ranges sit inside them.
    for (const s of symbols) {
      expect(s.selectionRange.start).toEqual(s.range.start);
      for (const c of s.children ?? []) expect(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line).toBe(true);
    }
    expect(symbols[0]!.range.start).toEqual({ line: 6, character: 2 });
    expect(symbols[1]!.range.start.line).toBe(10);
    expect(symbols[0]!.range.end.line).toBe(8);
  });

  it('a Markdown report with ## headings and a plain-text one give the same outline', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const body = ['一、深入学习贯彻习近平总书记重要讲话精神', '内容一。', '（一）第一项', '内容。', '（二）第二项', '内容。', '二、推进法治政府建设的主要举措和成效', '内容二。'];
    const txt = h.write('a.txt', `某某局2024年法治政府建设年度报告\n${body.join('\n')}\n`);
    const md = h.write('a.md', `# 某某局2024年法治政府建设年度报告\n\n${body.map((l) => (/^[一二]、/.test(l) ? `## ${l}` : /^（/.test(l) ? `### ${l}` : l)).join('\n\n')}\n`);
    const outline = async (file: string) => {
      const symbols = (await h.service.documentSymbols.provideDocumentSymbols(await h.open(file), NONE)) as DocumentSymbol[];
      return symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]);
    };
    const expected = [
      ['一、深入学习贯彻习近平总书记重要讲话精神', ['（一）第一项', '（二）第二项']],
      ['二、推进法治政府建设的主要举措和成效', []],
    ];
    expect(await outline(txt)).toEqual(expected);
    expect(await outline(md)).toEqual(expected);
  });

  it('flat symbols with container names for clients without hierarchical support', async () => {
    const caps = structuredClone(VSCODE_LIKE_CAPABILITIES);
    caps.textDocument!.documentSymbol = {};
    const h = new Harness({ capabilities: caps, settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const symbols = (await h.service.documentSymbols.provideDocumentSymbols(doc, NONE)) as SymbolInformation[];
    expect(symbols[0]).toMatchObject({ name: expect.stringMatching(/^一、/), location: { uri: doc.uri } });
    expect(symbols.filter((s) => !s.containerName)).toHaveLength(6);
    expect(symbols.find((s) => s.name.startsWith('(一)持续'))?.containerName).toBe('四、推进法治政府建设的主要举措和成效');
  });

  it('folding ranges follow the outline', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const ranges = await h.service.foldingRanges.provideFoldingRanges(await h.open(h.seed('001')), NONE);
    const part1 = ranges!.find((r) => r.startLine === 6)!;
    expect(part1).toMatchObject({ startLine: 6, endLine: 8, kind: 'region' });
    const part4 = ranges!.find((r) => r.startLine === 18)!;
    expect(part4.endLine).toBe(26);
    // Items that are one paragraph (one line) do not fold; part 5's (一) with its 一是/二是 paragraph does.
    expect(ranges!.some((r) => r.startLine === 20)).toBe(false);
    expect(ranges!.find((r) => r.startLine === 30)).toMatchObject({ endLine: 32 });
  });
});

describe('not checked, or cancelled: nothing', () => {
  it('documents that are not reports get no symbols, folds or hover; a cancelled request computes nothing', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const readme = await h.open(h.write('README.md', '# 说明\n\n## 一、用法\n\n运行。\n'));
    expect(await h.service.documentSymbols.provideDocumentSymbols(readme, NONE)).toEqual([]);
    expect(await h.service.foldingRanges.provideFoldingRanges(readme, NONE)).toEqual([]);
    expect(await h.service.hover.provideHover(readme, { line: 2, character: 4 }, NONE)).toBeNull();
    const report = await h.open(h.seed('001'));
    const source = new CancellationTokenSource();
    source.cancel();
    expect(await h.service.documentSymbols.provideDocumentSymbols(report, source.token)).toEqual([]);
    expect(await h.service.foldingRanges.provideFoldingRanges(report, source.token)).toEqual([]);
    expect(await h.service.hover.provideHover(report, { line: 14, character: 6 }, source.token)).toBeNull();
  });
});

describe('hover provider', () => {
  it('on a diagnostic: the rule’s explanation and its guideline source, in Chinese', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('004'));
    const hover = await h.service.hover.provideHover(doc, { line: 1, character: 3 }, NONE);
    const value = (hover!.contents as MarkupContent).value;
    expect((hover!.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('**gd2024/part-speeches**（错误）');
    expect(value).toContain('第一部分：学习贯彻习近平总书记重要讲话精神和党中央重大部署情况');
    expect(value).toContain('**依据**：广东省关于做好法治政府建设年度报告工作的通知（2024年度起六部分格式）');
    expect(value).toContain('**gd2024/part-first-responsible**');
    expect(value).toContain('《法治政府建设与责任落实督察工作规定》');
    expect(hover!.range?.start).toEqual({ line: 1, character: 0 });
  });

  it('on a part heading: which required part it was recognised as', async () => {
    const h = new Harness({ settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const hover = await h.service.hover.provideHover(doc, { line: 14, character: 6 }, NONE);
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('**识别为「广东省六部分格式（2023年度起）」第三部分**：党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(value).toContain('标准标题：党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况');
    const sub = await h.service.hover.provideHover(doc, { line: 30, character: 6 }, NONE);
    expect((sub!.contents as MarkupContent).value).toContain('**识别为「推进法治政府建设存在的不足和原因」中的小节**：上一年度存在问题的整改情况');
  });

  it('plain text for clients that do not render Markdown; nothing on ordinary text', async () => {
    const caps = structuredClone(VSCODE_LIKE_CAPABILITIES);
    caps.textDocument!.hover = { contentFormat: ['plaintext'] };
    const h = new Harness({ capabilities: caps, settings: { debounceMs: 0 } });
    const doc = await h.open(h.seed('001'));
    const hover = await h.service.hover.provideHover(doc, { line: 14, character: 6 }, NONE);
    expect(hover!.contents).toMatchObject({ kind: 'plaintext' });
    expect((hover!.contents as MarkupContent).value).not.toContain('**');
    expect(await h.service.hover.provideHover(doc, { line: 8, character: 20 }, NONE)).toBeNull();
    // Positions past the end are clamped to the end of the document, not fatal: what is there is explained.
    const end = await h.service.hover.provideHover(doc, { line: 9999, character: 9999 }, NONE);
    expect(end!.range!.end.line).toBeLessThan(doc.lineCount);
  });
});

