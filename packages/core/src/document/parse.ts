import { LineCounter, parseDocument } from 'yaml';
import { tooDeepMessage, yamlTooDeep } from '../config/yaml-depth.js';
import { explainYamlError } from '../config/yaml-errors.js';
import { LineIndex } from '../text/line-index.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import { isTraditional, simplifiedView } from '../text/script.js';
import { MAX_MARKDOWN_NESTING, scanMarkdown, scanMarkdownLines, scanText, tooDeeplyNested, type Block, type BlockScan, type LineKind, type ResidueSpan } from './blocks.js';
import { scanMetadata, splitTrailingSignature, type ReportMeta } from './metadata.js';
import { buildOutline, flattenOutline, type OutlineNode } from './outline.js';
import { parseDisableDirectives, type DisableDirective } from './disable.js';

export type DocumentFormat = 'markdown' | 'text';

export interface DocumentProblem {
  /** The engine finding it becomes (see config/engine-rules.ts). */
  rule: 'fzlint/front-matter' | 'fzlint/markdown-depth';
  message: string;
  start: number;
  end: number;
}

/**
 * A parsed report: text, lines, outline and metadata, all with exact offsets. A report in
 * traditional script is parsed (and checked) in simplified script: `text` is the simplified view,
 * of the same length as the original, and `original` the text as written.
 */
export interface ReportDocument {
  path?: string;
  text: string;
  /** The text as written, when it is in traditional script (`text` is then its simplified view). */
  original?: string;
  format: DocumentFormat;
  lines: LineIndex;
  lineKinds: LineKind[];
  /** Web residue inside lines of text (a title glued to 发布时间…, a site's watermark). */
  residueRuns: ResidueSpan[];
  blocks: Block[];
  /** Blocks that are body text (title, closing, signature and regions excluded), by index into `blocks`. */
  bodyBlocks: Block[];
  /**
   * Text read from a file's furniture (page headers, footnotes, comments …), after the body. Its
   * blocks are in `blocks` (checks that scan every paragraph see them) but not in the outline,
   * the metadata, the signature or the sentences.
   */
  regions: TextRegion[];
  /** Where the body ends: the start of the first region, or the text's length. */
  bodyEnd: number;
  outline: OutlineNode;
  /** Outline nodes in document order, root excluded. */
  nodes: OutlineNode[];
  meta: ReportMeta;
  frontMatter?: Record<string, unknown>;
  disables: DisableDirective[];
  /** Problems found while parsing (e.g. malformed front matter). */
  problems: DocumentProblem[];
  contentStart: number;
  contentEnd: number;
  /** Sentences of the body text, computed on first use. */
  readonly sentences: Sentence[];
}

export interface ParseOptions {
  path?: string;
  /** Defaults to Markdown for .md/.markdown paths, text otherwise. */
  format?: DocumentFormat;
  /** Parts of the text that are not the report's body (see ReportDocument.regions), in order, after the body. */
  regions?: readonly TextRegion[];
}

/** A part of the text read from outside a file's body, e.g. 页眉 or 脚注. */
export interface TextRegion {
  /** What a user calls it (页眉, 页脚, 脚注 1, 批注 2 …). */
  label: string;
  start: number;
  end: number;
}

export function formatForPath(path: string | undefined): DocumentFormat {
  return path && /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'text';
}

export function parseReport(source: string, options: ParseOptions = {}): ReportDocument {
  const format = options.format ?? formatForPath(options.path);
  const traditional = isTraditional(source);
  const text = traditional ? simplifiedView(source) : source;
  const lines = new LineIndex(text);
  const problems: DocumentProblem[] = [];
  const deep = format === 'markdown' ? tooDeeplyNested(lines) : undefined;
  if (deep) {
    problems.push({
      rule: 'fzlint/markdown-depth',
      message: `Markdown 嵌套层级过深（第 ${deep.line + 1} 行约 ${deep.depth} 层，上限 ${MAX_MARKDOWN_NESTING} 层），已按纯文本检查`,
      start: lines.lineStarts[deep.line]!,
      end: lines.lineEnd(deep.line),
    });
  }
  const scan: BlockScan = format === 'markdown' && !deep ? scanMarkdown(lines) : scanText(lines);
  let frontMatter: Record<string, unknown> | undefined;
  if (scan.frontMatter) {
    frontMatter = readFrontMatter(scan.frontMatter.value, scan.frontMatter.valueStart, problems);
  }
  const lastLine = lines.lineCount - 1;
  const textEnd = lines.lineEnd(lastLine);
  if (format === 'markdown') scan.blocks = splitTrailingSignature(text, scan.blocks, lines.lineStarts, (l) => lines.lineEnd(l));
  const regions = options.regions?.length ? [...options.regions] : [];
  const bodyEnd = regions.length ? Math.min(regions[0]!.start, text.length) : text.length;
  // Regions come after the body: title, signature and outline are read from the body's blocks only.
  const split = regions.length ? firstBlockFrom(scan.blocks, bodyEnd) : scan.blocks.length;
  const body = split < scan.blocks.length ? scan.blocks.slice(0, split) : scan.blocks;
  const bodyTextEnd = split < scan.blocks.length ? (body[body.length - 1]?.end ?? 0) : textEnd;
  const { meta, skip, contentStart, contentEnd, residueLines } = scanMetadata(text, body, frontMatter, bodyTextEnd);
  for (const line of residueLines) scan.lineKinds[line] = 'residue';
  const outline = buildOutline({ text, blocks: body, skip, contentStart, contentEnd });
  const bodyBlocks = body.filter((_, i) => !skip.has(i));
  let sentences: Sentence[] | undefined;
  return {
    path: options.path,
    text,
    ...(traditional ? { original: source } : {}),
    format,
    lines,
    lineKinds: scan.lineKinds,
    residueRuns: scan.residueRuns,
    blocks: scan.blocks,
    bodyBlocks,
    regions,
    bodyEnd,
    outline,
    nodes: flattenOutline(outline),
    meta,
    frontMatter,
    disables: parseDisableDirectives(scan.htmlComments, lines),
    problems,
    contentStart,
    contentEnd,
    get sentences() {
      return (sentences ??= splitSentences(text, bodyBlocks));
    },
  };
}

/** Index of the first block starting at or after `offset` (blocks are in text order). */
function firstBlockFrom(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readFrontMatter(value: string, valueStart: number, problems: DocumentProblem[]): Record<string, unknown> | undefined {
  const deep = yamlTooDeep(value);
  if (deep) {
    problems.push({ rule: 'fzlint/front-matter', message: `文档开头的 YAML 元数据（front matter）${tooDeepMessage(deep)}`, start: valueStart + deep.offset, end: valueStart + deep.offset + 1 });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    problems.push({
      rule: 'fzlint/front-matter',
      message: `文档开头的 YAML 元数据（front matter）${explainYamlError(e.code, e.message).replace(/^YAML /, '')}`,
      start: valueStart + e.pos[0],
      end: valueStart + Math.max(e.pos[1], e.pos[0] + 1),
    });
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    // An alias bomb (aliases that expand to millions of nodes) is refused by the parser.
    problems.push({ rule: 'fzlint/front-matter', message: `文档开头的 YAML 元数据（front matter）无法读取：${(e as Error).message}`, start: valueStart, end: valueStart + 1 });
    return undefined;
  }
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

// Title and opening sentence (year, unit) are in the first paragraphs, the signature in the last lines.
const META_HEAD = 4_000;
const META_TAIL = 1_000;

/**
 * Title, year, unit, signature and front matter `previous` without parsing the whole report:
 * only its first and last few thousand characters are read, and Markdown only line by line
 * (front matter and # headings). Hosts use it to look at many files (finding last year's report).
 * Offsets in the result are only meaningful for texts shorter than the head and tail together.
 */
export function readReportMeta(source: string, options: ParseOptions = {}): ReportMeta {
  const text = isTraditional(source) ? simplifiedView(source) : source;
  let sample = text;
  if (text.length > META_HEAD + META_TAIL) {
    const headEnd = text.lastIndexOf('\n', META_HEAD);
    const tailStart = text.indexOf('\n', text.length - META_TAIL);
    sample = `${text.slice(0, headEnd > 0 ? headEnd : META_HEAD)}\n\n${text.slice(tailStart > 0 ? tailStart + 1 : text.length - META_TAIL)}`;
  }
  const format = options.format ?? formatForPath(options.path);
  const lines = new LineIndex(sample);
  const scan = format === 'markdown' ? scanMarkdownLines(lines) : scanText(lines);
  const frontMatter = scan.frontMatter ? readFrontMatter(scan.frontMatter.value, scan.frontMatter.valueStart, []) : undefined;
  return scanMetadata(sample, scan.blocks, frontMatter, lines.lineEnd(lines.lineCount - 1)).meta;
}
