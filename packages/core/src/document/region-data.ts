import { REGION_DATA } from './regions.generated.js';
import type { RegionData } from './region-types.js';

export type { RegionData } from './region-types.js';

/** A place name found in a text. */
export interface PlaceMatch {
  /** The province-level division it belongs to (广东省). */
  province: string;
  /** The name as found (越秀区). */
  name: string;
  start: number;
  end: number;
  kind: 'province' | 'city' | 'district' | 'marker';
}

interface Entry {
  province: string;
  kind: PlaceMatch['kind'];
  /** False for short province names (广西), which only count in unit names and titles. */
  inBody: boolean;
  /** A city's name without 市, which names the city only before a zone (佛山高新区, 中山火炬开发区). */
  zone?: boolean;
}

/** What follows a city's bare name when it names a zone of that city. */
const ZONE = /^(?:高新|经济|开发区|新区|保税|自贸|综合保税|产业园|工业园|火炬|临空|海关)/;

/** Place names by first character, longest first; names that belong to two places are dropped. */
export class PlaceIndex {
  /** Names by the code of their first character. */
  private readonly byFirst = new Map<number, Array<{ name: string; entry: Entry }>>();
  /** 1 for the codes names start with: most characters of a text start none. */
  private readonly starts = new Uint8Array(0x10000);
  readonly provinces: readonly string[];
  /** Province by its full and short names (广东省, 广东). */
  private readonly provinceNames = new Map<string, string>();

  constructor(data: RegionData) {
    const entries = new Map<string, Entry>();
    const ambiguous = new Set(data.elsewhere ?? []);
    const add = (name: string, entry: Entry) => {
      const seen = entries.get(name);
      if (seen && seen.province !== entry.province) ambiguous.add(name);
      else entries.set(name, entry);
    };
    for (const p of data.provinces) {
      this.provinceNames.set(p.name, p.name);
      add(p.name, { province: p.name, kind: 'province', inBody: true });
      for (const s of p.short ?? []) {
        this.provinceNames.set(s, p.name);
        add(s, { province: p.name, kind: 'province', inBody: false });
      }
      for (const m of p.markers ?? []) add(m, { province: p.name, kind: 'marker', inBody: true });
      for (const d of p.districts ?? []) add(d, { province: p.name, kind: 'district', inBody: true });
      for (const c of p.cities ?? []) {
        const city = typeof c === 'string' ? { name: c } : c;
        for (const n of [city.name, ...(city.aliases ?? [])]) add(n, { province: p.name, kind: 'city', inBody: true });
        if (/..市$/.test(city.name)) add(city.name.slice(0, -1), { province: p.name, kind: 'city', inBody: false, zone: true });
        for (const d of [...(city.districts ?? []), ...(city.areas ?? [])]) add(d, { province: p.name, kind: 'district', inBody: true });
      }
    }
    this.provinces = data.provinces.map((p) => p.name);
    for (const [name, entry] of entries) {
      if (ambiguous.has(name)) continue;
      const list = this.byFirst.get(name.charCodeAt(0)) ?? [];
      list.push({ name, entry });
      this.byFirst.set(name.charCodeAt(0), list);
      this.starts[name.charCodeAt(0)] = 1;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** The province a user wrote (广东, 广东省), or undefined. */
  province(name: string): string | undefined {
    const n = name.trim();
    for (const form of [n, `${n}省`, `${n}市`, n.replace(/(?:省|市|自治区)$/, '')]) {
      const found = this.provinceNames.get(form);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Unambiguous place names in `text`, left to right, longest first at each position. `body`
   * leaves out short province names (a Guangdong report may mention 广西 in passing).
   */
  find(text: string, options: { body?: boolean; offset?: number } = {}): PlaceMatch[] {
    const out: PlaceMatch[] = [];
    const offset = options.offset ?? 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!this.starts[code]) continue;
      const list = this.byFirst.get(code);
      if (!list) continue;
      for (const { name, entry } of list) {
        if (options.body && !entry.inBody) continue;
        if (!text.startsWith(name, i)) continue;
        // 河北区 is not 河北: a short province name followed by another place suffix is part of that name.
        if (entry.kind === 'province' && !entry.inBody && /[区县市镇乡州]/.test(text[i + name.length] ?? '')) continue;
        if (entry.zone && !ZONE.test(text.slice(i + name.length, i + name.length + 4))) continue;
        out.push({ province: entry.province, name, start: offset + i, end: offset + i + name.length, kind: entry.kind });
        i += name.length - 1;
        break;
      }
    }
    return out;
  }
}

let index: PlaceIndex | undefined;

/** The built-in place index (built on first use: most hosts read a report's region once). */
export function places(): PlaceIndex {
  return (index ??= new PlaceIndex(REGION_DATA));
}
