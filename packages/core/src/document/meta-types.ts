/** What the engine reads about a report: its title, year, unit, region, signature. Offsets into the document. */

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Where a fact about the report was read. */
export type MetaSource = 'front-matter' | 'title' | 'opening' | 'heading' | 'signature' | 'body';

export interface ReportDate extends Span {
  year: number;
  month: number;
  day: number;
}

export interface MetaValue<T> {
  value: T;
  source: MetaSource;
  start?: number;
  end?: number;
}

export interface TitleMeta extends Span {
  /** The lines the title is written on (two or three when split), each without prefixes or residue. */
  parts: Span[];
}

export interface RegionMeta extends Omit<MetaValue<string>, 'source'> {
  /** `unit` when the unit's name gave it (广州市花都区…), else where the place name was read. */
  source: MetaSource | 'unit';
  /** The place name it was read from (越秀区), when it was read from the text. */
  via?: string;
}

export interface ReportMeta {
  title?: TitleMeta;
  year?: MetaValue<number>;
  /** Years the body states for the report (opening, headings), for comparing with the title's. */
  bodyYears?: Array<MetaValue<number>>;
  unit?: MetaValue<string>;
  region?: RegionMeta;
  /** 落款. `blankDate`: a date line with the month or day left blank (2025年  月  日, the template's), instead of `date`. */
  signature?: { unit?: Span; date?: ReportDate; blankDate?: Span; start: number; end: number };
  /** 主送机关 line under the title (中共某县委、县人大常委会：). */
  addressee?: Span;
  /** 专此报告 / 特此报告 closing line. */
  closing?: Span;
  /** Explicit previous-year report path from front matter. */
  previous?: string;
}
