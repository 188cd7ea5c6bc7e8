import { child, children, isOn, val, type XmlElement } from '../xml.js';
import { formatNumber } from './number-format.js';

/** One level of a list definition (w:lvl). */
interface Level {
  fmt: string;
  /** w:lvlText, e.g. 「%1、」 「第%1部分」 「（%2）」. */
  text: string;
  start: number;
  /** w:lvlRestart: the 1-based level whose use restarts this one; 0 never; absent: any higher level. */
  restart?: number;
  /** w:isLgl: every %n of this level in decimal (1.1.1). */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** w:pStyle: a paragraph style bound to this level. */
  style?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** w:numStyleLink: the definition lives with the numbering style of this id. */
  numStyleLink?: string;
}

interface Num {
  abstractId: string;
  /** w:lvlOverride: a restart value and/or a replaced level. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** The numbering a paragraph asks for, after following its style chain. */
export interface ParagraphNumbering {
  numId: string;
  ilvl: number;
}

/**
 * Word's automatic numbering (numbering.xml with the paragraph styles of styles.xml), turned into
 * the text Word displays before each numbered paragraph. Counters follow Word: lists (w:num)
 * that share a definition (w:abstractNum) continue one another unless a list restarts with
 * w:startOverride; a level restarts after a higher level is used (or as w:lvlRestart says).
 */
export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, StyleNumbering>();
  /** Style id → level of a definition that binds it (w:lvl/w:pStyle). */
  private readonly styleLevels = new Map<string, { abstractId: string; ilvl: number }>();

  constructor(numbering: XmlElement | undefined, styles: XmlElement | undefined) {
    const root = child(numbering, 'w:numbering');
    for (const a of children(root, 'w:abstractNum')) {
      const id = a.attrs.abstractNumId ?? '';
      const levels = new Map<number, Level>();
      for (const l of children(a, 'w:lvl')) {
        const level = readLevel(l);
        levels.set(Number(l.attrs.ilvl ?? 0), level);
        if (level.style) this.styleLevels.set(level.style, { abstractId: id, ilvl: Number(l.attrs.ilvl ?? 0) });
      }
      this.abstracts.set(id, { levels, numStyleLink: val(a, 'w:numStyleLink') });
    }
    for (const n of children(root, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'w:lvlOverride')) {
        const start = val(o, 'w:startOverride');
        const lvl = child(o, 'w:lvl');
        overrides.set(Number(o.attrs.ilvl ?? 0), { start: start === undefined ? undefined : Number(start), level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(n.attrs.numId ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', overrides });
    }
    for (const s of children(child(styles, 'w:styles'), 'w:style')) {
      const id = s.attrs.styleId;
      if (!id) continue;
      const numPr = child(child(s, 'w:pPr'), 'w:numPr');
      const ilvl = val(numPr, 'w:ilvl');
      this.styles.set(id, { numId: val(numPr, 'w:numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: val(s, 'w:basedOn') });
    }
  }

  /** The list and level of a paragraph (its own w:numPr, else its style's), or undefined. */
  resolve(pPr: XmlElement | undefined): ParagraphNumbering | undefined {
    const numPr = child(pPr, 'w:numPr');
    let numId = val(numPr, 'w:numId');
    const ownLevel = val(numPr, 'w:ilvl');
    let ilvl = ownLevel === undefined ? undefined : Number(ownLevel);
    const styleId = val(pPr, 'w:pStyle');
    if (numId === undefined && styleId) {
      const seen = new Set<string>();
      for (let id: string | undefined = styleId; id && !seen.has(id); id = this.styles.get(id)?.basedOn) {
        seen.add(id);
        const s = this.styles.get(id);
        if (s?.numId !== undefined) {
          numId = s.numId;
          ilvl ??= s.ilvl ?? this.styleLevels.get(id)?.ilvl;
          break;
        }
      }
    }
    // numId 0 switches numbering off (a style's list removed from one paragraph).
    if (numId === undefined || numId === '0' || !this.nums.has(numId)) return undefined;
    return { numId, ilvl: ilvl ?? (styleId ? this.styleLevels.get(styleId)?.ilvl : undefined) ?? 0 };
  }

  /** A fresh set of counters: the body and each region (header, footnote …) count on their own. */
  counters(): NumberingCounters {
    return new NumberingCounters(this);
  }

  /** @internal The definition a list uses, following w:numStyleLink to the numbering style. */
  definition(numId: string): { abstractId: string; abstract: AbstractNum; num: Num } | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    let abstractId = num.abstractId;
    let abstract = this.abstracts.get(abstractId);
    const link = abstract?.numStyleLink;
    if (link) {
      const linkedNum = this.styles.get(link)?.numId;
      const target = linkedNum ? this.nums.get(linkedNum) : undefined;
      if (target && this.abstracts.has(target.abstractId)) {
        abstractId = target.abstractId;
        abstract = this.abstracts.get(abstractId);
      }
    }
    return abstract ? { abstractId, abstract, num } : undefined;
  }
}

export class NumberingCounters {
  /** Per definition: the current value of each level (absent: not used since its last restart). */
  private readonly values = new Map<string, Map<number, number>>();
  /** Lists whose w:startOverride has been applied (at their first paragraph). */
  private readonly started = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /**
   * The text Word shows before a paragraph with this numbering, advancing the counters. The
   * separator Word puts after it (a tab or a space) is kept as one space only where the number
   * does not end in punctuation: 「第一部分 总体情况」 but 「一、总体情况」.
   */
  next(n: ParagraphNumbering): string {
    const def = this.numbering.definition(n.numId);
    if (!def) return '';
    const level = (ilvl: number) => def.num.overrides.get(ilvl)?.level ?? def.abstract.levels.get(ilvl);
    const lvl = level(n.ilvl);
    if (!lvl) return '';
    let values = this.values.get(def.abstractId);
    if (!values) this.values.set(def.abstractId, (values = new Map()));
    if (!this.started.has(n.numId)) {
      this.started.add(n.numId);
      for (const [ilvl, o] of def.num.overrides) {
        if (o.start !== undefined) {
          values.set(ilvl, o.start - 1);
          // A restarted list restarts its deeper levels too.
          for (const k of [...values.keys()]) if (k > ilvl) values.delete(k);
        } else if (o.level) values.delete(ilvl);
      }
    }
    const current = values.has(n.ilvl) ? values.get(n.ilvl)! + 1 : startOf(def.num, lvl, n.ilvl);
    values.set(n.ilvl, current);
    for (const k of [...values.keys()]) {
      if (k <= n.ilvl) continue;
      const restart = level(k)?.restart;
      if (restart === undefined || (restart !== 0 && n.ilvl < restart)) values.delete(k);
    }
    if (lvl.fmt === 'bullet' || lvl.fmt === 'none') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const kl = level(k);
      const value = values!.get(k) ?? (kl ? startOf(def.num, kl, k) : 1);
      return formatNumber(value, lvl.legal && k !== n.ilvl ? 'decimal' : (kl?.fmt ?? 'decimal'));
    });
    if (!text || lvl.suffix === 'nothing' || /[\p{P}\s]$/u.test(text)) return text;
    return `${text} `;
  }
}

function startOf(num: Num, lvl: Level, ilvl: number): number {
  return num.overrides.get(ilvl)?.start ?? lvl.start;
}

function readLevel(l: XmlElement): Level {
  const restart = val(l, 'w:lvlRestart');
  const suff = val(l, 'w:suff');
  const start = Number(val(l, 'w:start'));
  return {
    fmt: val(l, 'w:numFmt') ?? 'decimal',
    text: val(l, 'w:lvlText') ?? '',
    start: Number.isInteger(start) && val(l, 'w:start') !== undefined ? start : 1,
    restart: restart === undefined ? undefined : Number(restart),
    legal: isOn(l, 'w:isLgl'),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: val(l, 'w:pStyle'),
  };
}
