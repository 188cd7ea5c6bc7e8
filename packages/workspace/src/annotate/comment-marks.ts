import type { XmlElement } from '../inputs/xml.js';
import type { XmlAnchor, XmlPoint } from './anchors.js';

/** How the main part names WordprocessingML elements: its prefix for the namespace (w), or a local declaration. */
export interface WordNames {
  /** `w:commentRangeStart` and the like. */
  el(local: string): string;
  /** Attributes, with a namespace declaration where the part uses a default namespace. */
  attrs(list: string): string;
}

export function wordNames(rootTag: string, uri: string): WordNames {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']`).exec(rootTag);
  if (m) return { el: (local) => `${m[1]}:${local}`, attrs: (list) => list.replace(/\bW:/g, `${m[1]}:`) };
  return { el: (local) => local, attrs: (list) => ` xmlns:fzw="${uri}"${list.replace(/\bW:/g, 'fzw:')}` };
}

interface Mark {
  id: number;
  type: 'start' | 'end';
  /** Marks at one place: ends of earlier comments first, then starts, then ends of comments opened here. */
  rank: number;
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Writes comment ranges into the main part's XML text without touching anything else: each
 * comment's start and end become w:commentRangeStart / w:commentRangeEnd (the end followed by a
 * run with its w:commentReference) at run boundaries, or inside a run by splitting it in two runs
 * with the same properties. Returns the new XML text.
 */
export function writeCommentMarks(xml: string, root: XmlElement, names: WordNames, comments: ReadonlyArray<{ id: number; anchor: XmlAnchor }>): string {
  const parents = parentMap(root);
  const at = new Map<string, { point: XmlPoint; marks: Mark[] }>();
  const add = (point: XmlPoint, mark: Mark) => {
    const key = pointKey(point, parents, xml);
    const entry = at.get(key) ?? { point, marks: [] };
    entry.marks.push(mark);
    at.set(key, entry);
  };
  for (const c of comments) {
    const sameSpot = pointKey(c.anchor.start, parents, xml) === pointKey(c.anchor.end, parents, xml);
    add(c.anchor.start, { id: c.id, type: 'start', rank: 1 });
    add(c.anchor.end, { id: c.id, type: 'end', rank: sameSpot ? 2 : 0 });
  }
  const splices: Splice[] = [];
  const preserved = new Set<XmlElement>();
  for (const [key, { point, marks }] of at) {
    marks.sort((a, b) => a.rank - b.rank || a.id - b.id);
    const text = marks.map((m) => markXml(names, m)).join('');
    const [kind, pos] = [key[0], Number(key.slice(2))];
    if (kind === 'b') {
      splices.push({ at: pos, remove: 0, insert: text });
    } else if (kind === 'p') {
      // A self-closing paragraph (<w:p/>) is opened to hold the marks.
      const p = (point as { p: XmlElement }).p;
      const tag = xml.slice(p.at!.start, p.at!.end);
      const name = /^<([^\s/>]+)/.exec(tag)![1];
      splices.push({ at: p.at!.start, remove: tag.length, insert: `${tag.replace(/\s*\/>$/, '>')}${text}</${name}>` });
    } else {
      const el = (point as { el: XmlElement }).el;
      const run = parents.get(el)!;
      const tName = /^<([^\s/>]+)/.exec(xml.slice(el.at!.start, el.at!.openEnd))![1];
      const runOpen = xml.slice(run.at!.start, run.at!.openEnd);
      const rName = /^<([^\s/>]+)/.exec(runOpen)![1];
      const rPr = run.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:rPr');
      const props = rPr?.at ? xml.slice(rPr.at.start, rPr.at.end) : '';
      splices.push({ at: pos, remove: 0, insert: `</${tName}></${rName}>${text}${runOpen}${props}<${tName} xml:space="preserve">` });
      if (!preserved.has(el)) {
        preserved.add(el);
        const open = xml.slice(el.at!.start, el.at!.openEnd);
        // Text before the split keeps a trailing space only when the element preserves spaces.
        if (!/xml:space\s*=\s*["']preserve["']/.test(open)) splices.push({ at: el.at!.start, remove: open.length, insert: `<${tName} xml:space="preserve">` });
      }
    }
  }
  splices.sort((a, b) => b.at - a.at);
  let out = xml;
  for (const s of splices) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return out;
}

function markXml(names: WordNames, m: Mark): string {
  const id = names.attrs(` W:id="${m.id}"`);
  if (m.type === 'start') return `<${names.el('commentRangeStart')}${id}/>`;
  return `<${names.el('commentRangeEnd')}${id}/><${names.el('r')}><${names.el('commentReference')}${id}/></${names.el('r')}>`;
}

/**
 * Where a point is in the XML text, as a key: `b:POS` a boundary between elements, `s:POS` a
 * split inside a w:t at that text offset, `p:POS` inside a self-closing paragraph.
 */
function pointKey(point: XmlPoint, parents: Map<XmlElement, XmlElement>, xml: string): string {
  if (point.kind !== 'text') {
    const p = point.p;
    if (p.at!.openEnd === p.at!.end) return `p:${p.at!.start}`;
    if (point.kind === 'paragraph-end') return `b:${p.at!.closeStart}`;
    const pPr = p.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:pPr');
    return `b:${pPr?.at ? pPr.at.end : p.at!.openEnd}`;
  }
  const el = point.el;
  const run = parents.get(el);
  const content = run?.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name !== 'w:rPr') ?? [];
  const length = textLength(el);
  if (run?.name === 'w:r' && point.offset <= 0 && content[0] === el) return `b:${run.at!.start}`;
  if (run?.name === 'w:r' && point.offset >= length && content[content.length - 1] === el) return `b:${run.at!.end}`;
  const raw = rawOffset(xml, el, point.offset);
  if (run?.name !== 'w:r' || raw === undefined) {
    // Text the splitter cannot cut (CDATA, an odd run): the nearer run boundary.
    const holder = run?.name === 'w:r' ? run : el;
    return `b:${point.offset * 2 < length ? holder.at!.start : holder.at!.end}`;
  }
  return `s:${raw}`;
}

function textLength(el: XmlElement): number {
  let n = 0;
  for (const c of el.children) if (typeof c === 'string') n += c.length;
  return n;
}

/** The offset in the XML text of the `offset`-th character of a w:t's decoded text (entities count as what they stand for). */
function rawOffset(xml: string, el: XmlElement, offset: number): number | undefined {
  let i = el.at!.openEnd;
  const end = el.at!.closeStart;
  let count = 0;
  while (count < offset) {
    if (i >= end) return undefined;
    const c = xml[i]!;
    if (c === '<' || c === '\r') return undefined;
    if (c === '&') {
      const semi = xml.indexOf(';', i);
      if (semi < 0 || semi > end) return undefined;
      count += entityLength(xml.slice(i + 1, semi));
      i = semi + 1;
    } else {
      count++;
      i++;
    }
  }
  return count === offset ? i : undefined;
}

function entityLength(name: string): number {
  const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : 0;
  return code > 0xffff ? 2 : 1;
}

function parentMap(root: XmlElement): Map<XmlElement, XmlElement> {
  const out = new Map<XmlElement, XmlElement>();
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      out.set(c, el);
      stack.push(c);
    }
  }
  return out;
}
