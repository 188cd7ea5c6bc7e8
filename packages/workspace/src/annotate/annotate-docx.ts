import { readDocx, readDocxTraced } from '../inputs/docx/read-docx.js';
import { InputError } from '../inputs/types.js';
import { readZipParts, writeZipParts, ZipError } from '../inputs/zip.js';
import { AnchorMap, type XmlAnchor } from './anchors.js';
import { writeCommentMarks, wordNames } from './comment-marks.js';
import { addComments, existingComments, nextCommentId, wordNamespace, type CommentContent, type PackageText } from './comments-part.js';

/** A comment to write: on [start, end) of the text fzlint checked, with its paragraphs (the first is the message). */
export interface Annotation {
  start: number;
  end: number;
  paragraphs: string[];
}

export interface AnnotateOptions {
  /** Shown as the comment's author (default fzlint) and initials (default FZ). */
  author?: string;
  initials?: string;
  /** The comments' date, ISO 8601 (default now). */
  date?: string;
}

export interface AnnotatedFile {
  bytes: Uint8Array;
  /** The text of the file as fzlint reads it (the offsets of the annotations are offsets in it). */
  text: string;
  /** Annotations placed on the text of their finding; the others went on the nearest paragraph that has text. */
  exact: number;
}

/** The copy could not be written (a damaged package, a file that changed since it was checked). */
export class AnnotateError extends Error {}

/**
 * A copy of a Word file with a comment (批注) for each annotation, anchored on its text: the main
 * part gets comment ranges (runs split where a range starts or ends inside one), the comments
 * part gets the comments (appended to the file's own comments, if any), and every other part is
 * copied unchanged. Findings in headers, footers or notes, where Word anchors no comment, go on
 * the first paragraph with their region named. `expectText`, when given, must be the text the
 * findings were made on, or nothing is written.
 */
export function annotateDocx(bytes: Uint8Array, annotations: readonly Annotation[], options: AnnotateOptions = {}, expectText?: string): AnnotatedFile {
  const traced = readDocxTraced(bytes);
  if (expectText !== undefined && traced.doc.text !== expectText) throw new AnnotateError('文件在检查之后被修改过，批注无法对应原文，请重新检查');
  const anchors = new AnchorMap(traced.body);
  const author = options.author ?? 'fzlint';
  const initials = options.initials ?? 'FZ';
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  let parts: Array<{ name: string; data: Uint8Array }>;
  try {
    parts = readZipParts(bytes);
  } catch (e) {
    throw new AnnotateError(`无法读取 Word 文档：${e instanceof ZipError ? e.message : (e as Error)?.message}`);
  }
  const byName = new Map(parts.map((p, i) => [p.name.toLowerCase(), i]));
  const changed = new Map<string, string>();
  const pkg: PackageText = {
    has: (name) => changed.has(name.toLowerCase()) || byName.has(name.toLowerCase()),
    get: (name) => changed.get(name.toLowerCase()) ?? (byName.has(name.toLowerCase()) ? decode(parts[byName.get(name.toLowerCase())!]!.data) : undefined),
    set: (name, text) => void changed.set(name.toLowerCase(), text),
  };

  const own = existingComments(pkg, traced.mainPath);
  let id = nextCommentId(traced.xml, own ? pkg.get(own.target) : undefined);
  const placed: Array<{ id: number; anchor: XmlAnchor }> = [];
  const contents: CommentContent[] = [];
  let exact = 0;
  for (const a of annotations) {
    let anchor = anchors.anchor(a.start, a.end);
    let paragraphs = a.paragraphs;
    if (anchor) exact++;
    else {
      anchor = anchors.firstParagraph();
      const region = traced.doc.regions?.find((r) => a.start >= r.start && a.start < r.end);
      if (region) paragraphs = [`（${region.label}中）${paragraphs[0] ?? ''}`, ...paragraphs.slice(1)];
    }
    if (!anchor) continue; // a document without any text: nothing to anchor on
    placed.push({ id, anchor });
    contents.push({ id, author, initials, date, paragraphs });
    id++;
  }

  if (contents.length) {
    const uri = wordNamespace(traced.xml);
    const root = traced.document.children.find((c) => typeof c !== 'string');
    const rootTag = root && typeof root !== 'string' && root.at ? traced.xml.slice(root.at.start, root.at.openEnd) : '';
    pkg.set(traced.mainPath, writeCommentMarks(traced.xml, traced.document, wordNames(rootTag, uri), placed));
    addComments(pkg, traced.mainPath, uri, contents);
  }

  const out = parts.map((p) => (changed.has(p.name.toLowerCase()) ? { name: p.name, data: encodeXml(changed.get(p.name.toLowerCase())!) } : p));
  for (const [name, text] of changed) if (!byName.has(name)) out.push({ name, data: encodeXml(text) });
  const written = writeZipParts(out);
  // The copy must read as the same text: a check of the writer, not of the user's file.
  const body = traced.doc.text.slice(0, anchors.bodyEnd);
  let reread: string;
  try {
    reread = readDocx(written).text;
  } catch (e) {
    throw new AnnotateError(`写入批注后的文档无法读取（${e instanceof InputError ? e.message : (e as Error)?.message}）`);
  }
  if (reread.slice(0, anchors.bodyEnd) !== body) throw new AnnotateError('写入批注后正文文字发生了变化，未保存该副本（这是 fzlint 的缺陷，请反馈）');
  return { bytes: written, text: traced.doc.text, exact };
}

function decode(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}

/** A changed part is written as UTF-8, its declaration saying so. */
function encodeXml(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, '$1UTF-8$2'));
}
