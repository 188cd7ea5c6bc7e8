import { compose, type PlacedLine, type RegionLines } from '../compose.js';
import { InputError, type InputDocument, type InputFinding } from '../types.js';
import { child, children, parseXml, XmlError, type XmlElement } from '../xml.js';
import { readZip, ZipError, type ZipEntries } from '../zip.js';
import { Numbering } from './numbering.js';
import { StoryReader, type StoryContext, type StoryLine } from './story.js';

const REL_TYPES = {
  officeDocument: /\/officeDocument$/,
  header: /\/header$/,
  footer: /\/footer$/,
  footnotes: /\/footnotes$/,
  endnotes: /\/endnotes$/,
  comments: /\/comments$/,
  numbering: /\/numbering$/,
  styles: /\/styles$/,
};

const HEADER_LABEL: Record<string, string> = { default: '', first: '首页', even: '偶数页' };

/**
 * A Word (.docx, also WPS's) document read from its XML parts: the body as Word shows it
 * (automatic numbering rendered, one line per paragraph and per table row), then headers,
 * footers, footnotes, endnotes, comments and text boxes as regions. Tracked changes are read as
 * accepted; a finding says the file still has them.
 */
export function readDocx(bytes: Uint8Array): InputDocument {
  return readDocxPackage(bytes, false).doc;
}

/** A .docx read with the origin of each body line's characters, to write comments back into it. */
export interface TracedDocx {
  doc: InputDocument;
  /** The main part's path (word/document.xml), its XML text and its tree with positions in that text. */
  mainPath: string;
  xml: string;
  document: XmlElement;
  /** The body's lines in order (the first lines of `doc.text`), each with where its characters come from. */
  body: StoryLine[];
}

export function readDocxTraced(bytes: Uint8Array): TracedDocx {
  return readDocxPackage(bytes, true) as TracedDocx;
}

function readDocxPackage(bytes: Uint8Array, trace: boolean): Partial<TracedDocx> & { doc: InputDocument } {
  let zip: ZipEntries;
  try {
    zip = readZip(bytes, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  } catch (e) {
    throw new InputError('docx', `无法读取 Word 文档：文件已损坏，或不是 .docx 格式（${e instanceof ZipError ? e.message : (e as Error)?.message}）`);
  }
  try {
    return readPackage(zip, trace);
  } catch (e) {
    if (e instanceof XmlError) throw new InputError('docx', `无法读取 Word 文档：其中的 XML 有误（${e.message}），请在 Word 或 WPS 中打开后另存为 .docx`);
    throw e;
  }
}

function readPackage(zip: ZipEntries, trace: boolean): Partial<TracedDocx> & { doc: InputDocument } {
  const mainPath = mainDocumentPath(zip);
  const main = zip.text(mainPath);
  if (main === undefined) throw new InputError('docx', '无法读取 Word 文档：压缩包中没有正文（word/document.xml），请在 Word 或 WPS 中另存为 .docx');
  const rels = relationships(zip, mainPath);
  const part = (type: RegExp) => rels.find((r) => type.test(r.type));
  const xmlOf = (path: string | undefined, keepSpace = true): XmlElement | undefined => {
    const text = path ? zip.text(path) : undefined;
    return text === undefined ? undefined : parseXml(text, keepSpace ? keepTextSpace : undefined);
  };
  const numbering = new Numbering(xmlOf(part(REL_TYPES.numbering)?.target, false), xmlOf(part(REL_TYPES.styles)?.target, false));
  const ctx: StoryContext = { numbering, textBoxes: [], changes: 0, trace };

  const document = trace ? parseXml(main, keepTextSpace, { positions: true }) : xmlOf(mainPath)!;
  const body = child(child(document, 'w:document'), 'w:body');
  if (!body) throw new InputError('docx', '无法读取 Word 文档：正文（w:body）缺失，请在 Word 或 WPS 中另存为 .docx');
  const bodyReader = new StoryReader(ctx, numbering.counters(), true);
  bodyReader.readBlocks(body);
  const bodyChanges = ctx.changes;
  const firstChangeLine = ctx.firstChangeLine;

  const regions: RegionLines[] = [];
  const story = (root: XmlElement | undefined, kind: RegionLines['kind'], label: string) => {
    if (!root) return;
    const reader = new StoryReader(ctx, numbering.counters(), false, label);
    reader.readBlocks(root);
    regions.push({ kind, label, lines: reader.lines });
  };

  for (const kind of ['header', 'footer'] as const) {
    const refs = sectionReferences(body, kind === 'header' ? 'w:headerReference' : 'w:footerReference');
    const seen = new Set<string>();
    const bySection = new Set(refs.map((r) => r.section)).size > 1;
    for (const ref of refs) {
      const target = rels.find((r) => r.id === ref.id)?.target;
      if (!target || seen.has(target)) continue;
      seen.add(target);
      const name = `${HEADER_LABEL[ref.type] ?? ''}${kind === 'header' ? '页眉' : '页脚'}${bySection ? `（第 ${ref.section} 节）` : ''}`;
      story(child(xmlOf(target), kind === 'header' ? 'w:hdr' : 'w:ftr'), kind, name);
    }
  }
  for (const [kind, rel, element, name] of [
    ['footnote', REL_TYPES.footnotes, 'w:footnote', '脚注'],
    ['endnote', REL_TYPES.endnotes, 'w:endnote', '尾注'],
  ] as const) {
    const root = xmlOf(part(rel)?.target);
    const notes = children(root?.children.find((c): c is XmlElement => typeof c !== 'string'), element).filter((n) => !n.attrs.type || n.attrs.type === 'normal');
    notes.forEach((n, i) => story(n, kind, `${name} ${i + 1}`));
  }
  const comments = children(child(xmlOf(part(REL_TYPES.comments)?.target), 'w:comments'), 'w:comment');
  comments.forEach((c, i) => story(c, 'comment', `批注 ${i + 1}${c.attrs.author ? `（${c.attrs.author}）` : ''}`));
  ctx.textBoxes.forEach((lines, i) => regions.push({ kind: 'textbox', label: `文本框 ${i + 1}`, lines }));

  const changes = ctx.changes;
  const bodyLines: PlacedLine[] = bodyReader.lines;
  const doc = compose({
    kind: 'docx',
    body: bodyLines,
    regions,
    notWritable: '.docx 文件不能自动修复：请在 Word 中按提示修改，或另存为 .txt / .md 后再使用 --fix',
    findings: (text, lineStarts): InputFinding[] => {
      if (!changes) return [];
      const line = bodyChanges ? (firstChangeLine ?? 0) : 0;
      const start = lineStarts[Math.min(line, lineStarts.length - 1)] ?? 0;
      const end = Math.max(start, text.indexOf('\n', start));
      return [
        {
          ruleId: 'fzlint/tracked-changes',
          message: `文档中有 ${changes} 处未接受的修订（插入、删除或格式修改）：已按「全部接受」后的文字检查；定稿前请在 Word 或 WPS 中接受或拒绝修订`,
          start,
          end,
        },
      ];
    },
  });
  return trace ? { doc, mainPath, xml: main, document, body: bodyReader.lines } : { doc };
}

/** w:t and w:delText keep their spaces; elsewhere whitespace between elements is layout. */
function keepTextSpace(name: string): boolean {
  return name === 'w:t' || name === 'w:delText' || name === 'w:instrText';
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The main part named by the package's relationships (word/document.xml in nearly every file). */
function mainDocumentPath(zip: ZipEntries): string {
  const rels = relationships(zip, '');
  const main = rels.find((r) => REL_TYPES.officeDocument.test(r.type));
  return main && zip.has(main.target) ? main.target : 'word/document.xml';
}

/** The relationships of a part (word/_rels/document.xml.rels), targets resolved to package paths. */
function relationships(zip: ZipEntries, partPath: string): Relationship[] {
  const text = zip.text(relationshipsPath(partPath));
  return text === undefined ? [] : parseRelationships(text, partPath);
}

/** Where a part's relationships are stored: word/document.xml → word/_rels/document.xml.rels. */
export function relationshipsPath(partPath: string): string {
  const dir = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  return `${dir}_rels/${partPath.slice(dir.length)}.rels`;
}

/** A relationships part's internal relationships, targets resolved against the part they belong to. */
export function parseRelationships(text: string, partPath: string): Relationship[] {
  const dir = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  const root = parseXml(text);
  const list = root.children.find((c): c is XmlElement => typeof c !== 'string');
  const out: Relationship[] = [];
  for (const c of list?.children ?? []) {
    if (typeof c === 'string' || !c.name.endsWith(':Relationship') || c.attrs.TargetMode === 'External') continue;
    out.push({ id: c.attrs.Id ?? '', type: c.attrs.Type ?? '', target: resolvePath(dir, c.attrs.Target ?? '') });
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Header or footer references of each section (w:sectPr in paragraphs, then the body's own). */
function sectionReferences(body: XmlElement, name: string): Array<{ id: string; type: string; section: number }> {
  const sections: XmlElement[] = [];
  const stack: XmlElement[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === 'w:sectPr') {
      sections.push(el);
      continue;
    }
    if (el.name === 'w:tbl' || el.name === 'w:r') continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  const out: Array<{ id: string; type: string; section: number }> = [];
  sections.forEach((s, i) => {
    for (const ref of children(s, name)) out.push({ id: ref.attrs['r:id'] ?? '', type: ref.attrs.type ?? 'default', section: i + 1 });
  });
  return out;
}
