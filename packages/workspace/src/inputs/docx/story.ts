import { child, isOn, textOf, type XmlElement, type XmlNode } from '../xml.js';
import type { Numbering, NumberingCounters } from './numbering.js';
import { clipped, shifted, type LineTrace, type TraceSegment } from './trace.js';

/** One line of extracted text and where it is in Word (第 3 段, 表格 1 第 2 行). */
export interface StoryLine {
  text: string;
  place: string;
  /** Where its characters come from in the XML (body lines, when the context asks for traces). */
  trace?: LineTrace;
}

/** What reading a story (the body, a header, a footnote …) found besides its lines. */
export interface StoryContext {
  numbering: Numbering;
  /** Text boxes met in the body: their lines, each box on its own. */
  textBoxes: StoryLine[][];
  /** Unaccepted tracked changes (insertions, deletions, moves, format changes) seen. */
  changes: number;
  /** Line index of the first tracked change in the body, for the finding's place. */
  firstChangeLine?: number;
  /** Record where each body line's characters come from (for writing comments back into the file). */
  trace?: boolean;
}

/** Containers whose children are read as if they stood in their place (content controls, custom XML, links …). */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo', 'w:ins', 'w:moveTo']);
/** Removed by accepting all changes. */
const DELETED = new Set(['w:del', 'w:moveFrom']);
/** Marks of tracked formatting changes: no text of their own, but the file has unaccepted changes. */
const FORMAT_CHANGES = new Set(['w:pPrChange', 'w:rPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:tblGridChange', 'w:tcPrChange', 'w:trPrChange', 'w:tblPrExChange', 'w:numberingChange', 'w:cellIns', 'w:cellDel', 'w:cellMerge']);

/**
 * Reads one story of a Word document the way Word shows it with all changes accepted: each
 * paragraph one line, prefixed with its automatic number; each table row one line with its cells
 * joined by tabs; deleted text left out and inserted text kept; text boxes set aside (in the body)
 * or read in place (in headers, footnotes …).
 */
export class StoryReader {
  readonly lines: StoryLine[] = [];
  private paragraphs = 0;
  private tables = 0;
  /** A paragraph whose mark was deleted runs on into the next one (its text and number). */
  private carry: { text: string; paragraph: number; trace?: LineTrace } | undefined;
  private readonly tracing: boolean;

  constructor(
    private readonly ctx: StoryContext,
    private readonly counters: NumberingCounters,
    /** Body: text boxes are regions of their own; elsewhere they are read where they stand. */
    private readonly isBody: boolean,
    /** Place of every line of a story that is not the body (页眉, 脚注 1 …). */
    private readonly fixedPlace?: string,
  ) {
    // Only the body's lines are traced: comments are anchored there (cells are read by inner readers).
    this.tracing = ctx.trace === true && isBody && (fixedPlace === undefined || fixedPlace === 'cell');
  }

  /** Reads the block-level content of a story root (w:body, w:hdr, w:footnote, w:txbxContent …). */
  readBlocks(root: XmlElement): void {
    for (const el of blockElements(root, this.ctx)) {
      if (el.name === 'w:p') this.paragraph(el);
      else if (el.name === 'w:tbl') this.table(el);
    }
    if (this.carry) this.push(this.carry.text, this.place(`第 ${this.carry.paragraph} 段`), this.carry.trace);
    this.carry = undefined;
  }

  private place(own: string): string {
    return this.fixedPlace ?? own;
  }

  private push(text: string, place: string, trace?: LineTrace): void {
    if (!trace) {
      for (const part of text.split('\n')) this.lines.push({ text: part, place });
      return;
    }
    let from = 0;
    for (const part of text.split('\n')) {
      this.lines.push({ text: part, place, trace: { paragraph: trace.paragraph, segments: clipped(trace.segments, from, from + part.length) } });
      from += part.length + 1;
    }
  }

  private paragraph(p: XmlElement): void {
    this.paragraphs++;
    const segments: TraceSegment[] | undefined = this.tracing ? [] : undefined;
    const text = this.paragraphText(p, segments);
    let trace: LineTrace | undefined;
    if (segments) trace = { paragraph: this.carry?.trace?.paragraph ?? p, segments: [...(this.carry?.trace?.segments ?? []), ...shifted(segments, this.carry?.text.length ?? 0)] };
    const markDeleted = !!child(child(child(p, 'w:pPr'), 'w:rPr'), 'w:del');
    if (markDeleted) {
      this.countChange();
      this.carry = { text: (this.carry?.text ?? '') + text, paragraph: this.carry?.paragraph ?? this.paragraphs, trace };
      return;
    }
    this.push((this.carry?.text ?? '') + text, this.place(`第 ${this.carry?.paragraph ?? this.paragraphs} 段`), trace);
    this.carry = undefined;
  }

  /** The paragraph's number (if any) and runs; a line break inside it is a newline. `segments` receives the trace. */
  paragraphText(p: XmlElement, segments?: TraceSegment[]): string {
    const pPr = child(p, 'w:pPr');
    const numbering = this.ctx.numbering.resolve(pPr);
    const prefix = numbering ? this.counters.next(numbering) : '';
    const own: TraceSegment[] | undefined = segments ? [] : undefined;
    const text = this.inline(p, own);
    if (segments && own) segments.push(...shifted(own, prefix.length));
    return prefix + text;
  }

  private table(tbl: XmlElement): void {
    this.tables++;
    let row = 0;
    for (const tr of blockElements(tbl, this.ctx, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:del')) {
        this.countChange();
        continue;
      }
      if (child(trPr, 'w:ins')) this.countChange();
      row++;
      const changesBefore = this.ctx.changes;
      const cells: string[] = [];
      const trace: LineTrace | undefined = this.tracing ? { segments: [] } : undefined;
      let length = 0;
      for (const tc of blockElements(tr, this.ctx, 'w:tc')) {
        const inner = new StoryReader(this.ctx, this.counters, this.isBody, 'cell');
        inner.readBlocks(tc);
        const parts: string[] = [];
        for (const l of inner.lines) {
          const text = l.text.trim();
          if (!text) continue;
          if (trace && l.trace) {
            // Offsets in the row: the cells before, a tab, the cell's lines before, a space.
            const at = length + (cells.length ? 1 : 0) + parts.reduce((n, t) => n + t.length + 1, 0);
            const lead = l.text.length - l.text.trimStart().length;
            trace.paragraph ??= l.trace.paragraph;
            trace.segments.push(...shifted(clipped(l.trace.segments, lead, lead + text.length), at));
          }
          parts.push(text);
        }
        const text = parts.join(' ');
        if (text) {
          length += (cells.length ? 1 : 0) + text.length;
          cells.push(text);
        }
      }
      if (this.ctx.changes > changesBefore && this.isBody && this.fixedPlace === undefined) this.ctx.firstChangeLine ??= this.lines.length;
      this.push(cells.join('\t'), this.place(`表格 ${this.tables} 第 ${row} 行`), trace);
    }
  }

  private countChange(): void {
    this.ctx.changes++;
    if (this.isBody && this.fixedPlace === undefined) this.ctx.firstChangeLine ??= this.lines.length;
  }

  /** The text of a paragraph's runs, walked iteratively (fields, links, content controls, changes). */
  private inline(p: XmlElement, segments?: TraceSegment[]): string {
    let out = '';
    const stack: XmlNode[] = [...p.children].reverse();
    /** Open complex fields: true while in a field's instructions (between fldChar begin and separate). */
    const instr: boolean[] = [];
    while (stack.length) {
      const node = stack.pop()!;
      if (typeof node === 'string') continue;
      const name = node.name;
      if (name === 'w:pPr' || name === 'w:rPr') {
        if (child(node, 'w:rPrChange') || child(node, 'w:pPrChange')) this.countChange();
        continue;
      }
      if (FORMAT_CHANGES.has(name)) {
        this.countChange();
        continue;
      }
      if (DELETED.has(name)) {
        this.countChange();
        continue;
      }
      if (name === 'w:ins' || name === 'w:moveTo') this.countChange();
      if (TRANSPARENT.has(name) || name === 'w:r') {
        if (name === 'w:r' && isOn(child(node, 'w:rPr'), 'w:vanish')) continue; // hidden text: Word does not show it
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
        continue;
      }
      if (name === 'mc:AlternateContent') {
        // The same content twice (for new and old readers): read the first choice only.
        const choice = node.children.find((c): c is XmlElement => typeof c !== 'string');
        if (choice) for (let i = choice.children.length - 1; i >= 0; i--) stack.push(choice.children[i]!);
        continue;
      }
      if (name === 'w:fldChar') {
        const type = node.attrs.fldCharType;
        if (type === 'begin') instr.push(true);
        else if (type === 'separate' && instr.length) instr[instr.length - 1] = false;
        else if (type === 'end' && instr.length) instr.pop();
        continue;
      }
      if (instr.includes(true)) continue;
      switch (name) {
        case 'w:t': {
          const text = textOf(node);
          if (segments && text) segments.push({ at: out.length, length: text.length, el: node, from: 0 });
          out += text;
          break;
        }
        case 'w:tab':
        case 'w:ptab':
          out += '\t';
          break;
        case 'w:br':
          if (!node.attrs.type || node.attrs.type === 'textWrapping') out += '\n';
          break;
        case 'w:cr':
          out += '\n';
          break;
        case 'w:noBreakHyphen':
          out += '-';
          break;
        case 'w:sym': {
          const code = parseInt(node.attrs.char ?? '', 16);
          // Symbol-font characters (U+F0xx) have no meaning as text.
          if (code && !(code >= 0xe000 && code <= 0xf8ff)) out += String.fromCodePoint(code);
          break;
        }
        case 'w:ruby': {
          const base = child(node, 'w:rubyBase');
          if (base) for (let i = base.children.length - 1; i >= 0; i--) stack.push(base.children[i]!);
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.textBoxesIn(node, (t) => (out += t));
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** Text boxes inside a drawing: a region of their own in the body, text in place elsewhere. */
  private textBoxesIn(node: XmlElement, inPlace: (text: string) => void): void {
    for (const box of descendants(node, 'w:txbxContent')) {
      const inner = new StoryReader(this.ctx, this.counters, false, this.isBody ? `文本框 ${this.ctx.textBoxes.length + 1}` : 'box');
      inner.readBlocks(box);
      const lines = inner.lines.filter((l) => l.text.trim());
      if (!lines.length) continue;
      if (this.isBody && this.fixedPlace === undefined) this.ctx.textBoxes.push(lines);
      else inPlace(lines.map((l) => l.text).join(' '));
    }
  }
}

/**
 * The block-level children of a container (paragraphs and tables, or `want` elements) with
 * content controls, custom XML, inserted blocks and alternate content opened, deleted blocks
 * skipped. Iterative: no recursion on the file's nesting.
 */
function blockElements(root: XmlElement, ctx: StoryContext, want?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    if (want ? node.name === want : node.name === 'w:p' || node.name === 'w:tbl') {
      out.push(node);
      continue;
    }
    if (DELETED.has(node.name)) {
      ctx.changes++;
      continue;
    }
    let open: XmlElement | undefined;
    if (TRANSPARENT.has(node.name)) open = node;
    else if (node.name === 'mc:AlternateContent') open = node.children.find((c): c is XmlElement => typeof c !== 'string');
    if (node.name === 'w:ins' || node.name === 'w:moveTo') ctx.changes++;
    if (open) for (let i = open.children.length - 1; i >= 0; i--) stack.push(open.children[i]!);
  }
  return out;
}

/** Every descendant element of this name, outermost first (not looking inside a match). */
function descendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el !== root && el.name === name) {
      out.push(el);
      continue;
    }
    if (el.name === 'mc:AlternateContent') {
      const choice = el.children.find((c): c is XmlElement => typeof c !== 'string');
      if (choice) stack.push(choice);
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}
