import { parseRelationships, relationshipsPath } from '../inputs/docx/read-docx.js';

export const WORD_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WORD_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A comment's content: who, when, and its paragraphs (the first is the message). */
export interface CommentContent {
  id: number;
  author: string;
  initials: string;
  /** ISO 8601, as Word writes it (2025-03-01T09:30:00Z). */
  date: string;
  paragraphs: string[];
}

/** The parts of a package that hold comments, read as text and written back changed. */
export interface PackageText {
  get(name: string): string | undefined;
  set(name: string, text: string): void;
  has(name: string): boolean;
}

/** The namespace of the main part: transitional (nearly every file) or strict. */
export function wordNamespace(mainXml: string): string {
  return mainXml.includes(WORD_STRICT) && !mainXml.includes(WORD_MAIN) ? WORD_STRICT : WORD_MAIN;
}

/** The first id free for new comments: after every comment id in the comments part and the main part. */
export function nextCommentId(mainXml: string, commentsXml: string | undefined): number {
  let max = -1;
  const scan = (text: string, re: RegExp) => {
    for (const m of text.matchAll(re)) max = Math.max(max, Number(m[1]));
  };
  scan(mainXml, /<(?:[\w.-]+:)?comment(?:RangeStart|RangeEnd|Reference)\b[^>]*?\bid\s*=\s*["'](\d+)["']/g);
  if (commentsXml) scan(commentsXml, /<(?:[\w.-]+:)?comment\b[^>]*?\bid\s*=\s*["'](\d+)["']/g);
  return max + 1;
}

/**
 * Adds comments to the package: into its comments part if it has one (kept as it is, the new
 * comments appended), else a new word/comments.xml with its relationship from the main part and
 * its content type. Returns the comments part's name.
 */
export function addComments(pkg: PackageText, mainPath: string, uri: string, comments: readonly CommentContent[]): string {
  const relsPath = relationshipsPath(mainPath);
  const relsText = pkg.get(relsPath);
  const strict = uri === WORD_STRICT;
  const existing = existingComments(pkg, mainPath);
  if (existing) {
    const text = pkg.get(existing.target)!;
    const close = /<\/([\w.-]+:)?comments\s*>\s*$/.exec(text);
    if (close) {
      const prefix = close[1] ?? '';
      // A part in the default namespace: attributes still need a prefix for it.
      const el = (l: string) => `${prefix}${l}`;
      const attr = (l: string) => (prefix ? `${prefix}${l}` : `fzw:${l}`);
      const decl = prefix ? '' : ` xmlns:fzw="${uri}"`;
      pkg.set(existing.target, text.slice(0, close.index) + comments.map((c) => commentXml(c, el, attr, decl)).join('') + text.slice(close.index));
      return existing.target;
    }
    // A comments part without its closing tag cannot be appended to: a second one is not allowed, so it is replaced.
  }
  const dir = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  let name = existing?.target ?? `${dir}comments.xml`;
  for (let n = 2; !existing && pkg.has(name); n++) name = `${dir}comments${n}.xml`;
  const w = (l: string) => `w:${l}`;
  pkg.set(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${uri}">${comments.map((c) => commentXml(c, w, w)).join('')}</w:comments>`);
  if (!existing) {
    const target = name.slice(dir.length);
    const relType = strict ? COMMENTS_REL_STRICT : COMMENTS_REL;
    const rels = relsText ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PACKAGE_RELS}"></Relationships>`;
    const ids = new Set([...rels.matchAll(/\bId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
    let id = 'rIdFzlintComments';
    for (let n = 2; ids.has(id); n++) id = `rIdFzlintComments${n}`;
    pkg.set(relsPath, insertBeforeClose(rels, 'Relationships', `<Relationship Id="${id}" Type="${relType}" Target="${target}"/>`));
    const types = pkg.get('[Content_Types].xml');
    if (types !== undefined && !new RegExp(`PartName\\s*=\\s*["']/${escapeRegex(name)}["']`, 'i').test(types)) {
      pkg.set('[Content_Types].xml', insertBeforeClose(types, 'Types', `<Override PartName="/${name}" ContentType="${COMMENTS_TYPE}"/>`));
    }
  }
  return name;
}

/** The comments part the main part refers to, if the package has one. */
export function existingComments(pkg: PackageText, mainPath: string): { target: string } | undefined {
  const relsText = pkg.get(relationshipsPath(mainPath));
  return relsText ? parseRelationships(relsText, mainPath).find((r) => /\/comments$/.test(r.type) && pkg.has(r.target)) : undefined;
}

function commentXml(c: CommentContent, el: (local: string) => string, attr: (local: string) => string, decl = ''): string {
  const paragraphs = c.paragraphs.map((text, i) => {
    const ref = i === 0 ? `<${el('r')}><${el('annotationRef')}/></${el('r')}>` : '';
    return `<${el('p')}>${ref}<${el('r')}><${el('t')} xml:space="preserve">${escapeXml(text)}</${el('t')}></${el('r')}></${el('p')}>`;
  });
  return `<${el('comment')}${decl} ${attr('id')}="${c.id}" ${attr('author')}="${escapeXml(c.author)}" ${attr('date')}="${c.date}" ${attr('initials')}="${escapeXml(c.initials)}">${paragraphs.join('')}</${el('comment')}>`;
}

function insertBeforeClose(xml: string, local: string, insert: string): string {
  const m = new RegExp(`<\\/(?:[\\w.-]+:)?${local}\\s*>\\s*$`).exec(xml);
  if (m) return xml.slice(0, m.index) + insert + xml.slice(m.index);
  // <Relationships .../> written self-closing.
  const self = new RegExp(`<((?:[\\w.-]+:)?${local})(\\b[^>]*?)\\s*/>\\s*$`).exec(xml);
  if (self) return `${xml.slice(0, self.index)}<${self[1]}${self[2]}>${insert}</${self[1]}>`;
  return xml;
}

/** Text as XML character data; characters XML cannot carry become spaces. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
