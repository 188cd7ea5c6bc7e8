import { SaxesParser } from 'saxes';

/** An XML element with namespace prefixes normalised (w:p, r:id …) and its children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Where the element is in the XML text (UTF-16 offsets), when parsed with `positions`. */
  at?: XmlSpan;
}
export type XmlNode = XmlElement | string;

/** An element's place in the XML text: its start tag [start, openEnd), its end tag [closeStart, end) (empty for <a/>). */
export interface XmlSpan {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
}

/** Canonical prefixes for the namespaces Word, WPS and LibreOffice write (transitional and strict). */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
};

/** Real documents nest tables and text boxes a few levels; far deeper is a broken or hostile file. */
const MAX_DEPTH = 1_000;

export class XmlError extends Error {}

/**
 * Parses an XML part into a small tree (iteratively: no recursion on the file's nesting). Only
 * text inside elements is kept; whitespace-only text between elements is dropped unless
 * `keepSpace(name)` says the element's text matters (w:t keeps its spaces).
 */
export function parseXml(xml: string, keepSpace: (name: string) => boolean = () => false, options: { positions?: boolean } = {}): XmlElement {
  const positions = options.positions === true;
  try {
    return parse(xml, keepSpace, true, positions);
  } catch (e) {
    // Some generators use prefixes they never declare: read such a part by its prefixes as written.
    if (e instanceof XmlError && /prefix/i.test(e.message)) return parse(xml, keepSpace, false, positions);
    throw e;
  }
}

function parse(xml: string, keepSpace: (name: string) => boolean, namespaces: boolean, positions: boolean): XmlElement {
  const parser = new SaxesParser({ xmlns: namespaces, position: positions });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) throw new XmlError(`XML 嵌套超过 ${MAX_DEPTH} 层`);
    const attrs: Record<string, string> = {};
    let name: string;
    if (namespaces) {
      const t = tag as { uri: string; local: string; attributes: Record<string, { uri: string; local: string; prefix: string; value: string }> };
      for (const a of Object.values(t.attributes)) {
        if (a.prefix === 'xmlns' || a.local === 'xmlns') continue;
        attrs[PREFIXES[a.uri] === 'r' ? `r:${a.local}` : a.local] = a.value;
      }
      name = `${PREFIXES[t.uri] ?? '?'}:${t.local}`;
    } else {
      for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) {
        if (key.startsWith('xmlns')) continue;
        const colon = key.indexOf(':');
        attrs[colon > 0 && key.slice(0, colon) !== 'r' ? key.slice(colon + 1) : key] = value;
      }
      name = tag.name.includes(':') ? tag.name : `?:${tag.name}`;
    }
    const el: XmlElement = { name, attrs, children: [] };
    if (positions) {
      // The parser stands just after the start tag's '>'; '<' cannot occur inside a tag.
      const openEnd = parser.position;
      const start = xml.lastIndexOf('<', openEnd - 1);
      el.at = { start, openEnd, closeStart: openEnd, end: openEnd };
    }
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', (tag) => {
    const el = stack.pop();
    if (positions && el?.at && !tag.isSelfClosing) {
      el.at.end = parser.position;
      el.at.closeStart = xml.lastIndexOf('<', parser.position - 1);
    }
  });
  const onText = (text: string) => {
    const parent = stack[stack.length - 1]!;
    if (keepSpace(parent.name) || /\S/.test(text)) parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    throw e instanceof XmlError ? e : new XmlError((e as Error).message);
  }
  if (error) throw new XmlError(error.message);
  return root;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

/** The text directly inside an element. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}

/** `w:val` of a child element, e.g. val(pPr, 'w:pStyle'). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs.val;
}

/** An on/off property (w:b, w:vanish …): present and not val="0"/"false"/"off". */
export function isOn(el: XmlElement | undefined, name: string): boolean {
  const c = child(el, name);
  return !!c && !['0', 'false', 'off'].includes(c.attrs.val ?? '');
}
