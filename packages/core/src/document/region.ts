import type { Block } from './blocks.js';
import type { MetaSource, RegionMeta, ReportMeta } from './meta-types.js';
import { places, type PlaceMatch } from './region-data.js';

/**
 * The province-level region a report comes from, read from the place names it gives of itself:
 * front matter `region`, the unit (广州市花都区… → 广东省), the title, the 落款, the 主送机关
 * (长沙市委、市人民政府： → 湖南省); failing those, place names in the body when one province
 * clearly dominates (a report of 我局 that speaks of 河源市 again and again). The data lives in
 * packages/core/data/regions.yaml.
 */

/** A region written by a user (广东, 广东省) in its official form, or undefined when unknown. */
export function normalizeRegion(name: string): string | undefined {
  return places().province(name);
}

/** The region a unit's name places it in (广州市越秀区… → 广东省), or undefined. */
export function regionOfUnit(unit: string): string | undefined {
  return fromText(unit, 'front-matter')?.value;
}

/** All province-level regions, in the data's order. */
export function regionNames(): readonly string[] {
  return places().provinces;
}

function fromText(text: string, source: MetaSource, offset?: number): RegionMeta | undefined {
  const found = places().find(text, { offset: offset ?? 0 });
  const first = found.find((m) => m.kind !== 'marker');
  if (!first) return undefined;
  const out: RegionMeta = { value: first.province, source, via: first.name };
  if (offset !== undefined) [out.start, out.end] = [first.start, first.end];
  return out;
}

/** How many mentions the leading province needs, and by how much it must lead the next. */
const BODY_MIN = 3;
const BODY_LEAD = 2;

/** How much of the body is searched for place names (a report names its own places early and often). */
const BODY_CHARS = 12_000;

function fromBody(text: string, blocks: readonly Block[]): RegionMeta | undefined {
  const counts = new Map<string, PlaceMatch[]>();
  for (const b of blocks) {
    if (b.contentStart > BODY_CHARS) break;
    for (const m of places().find(text.slice(b.contentStart, b.end), { body: true, offset: b.contentStart })) {
      // A province named in full (广东省) is often someone else's: a cited 《广东省…》 or 对口支援.
      if (m.kind === 'province') continue;
      const list = counts.get(m.province) ?? [];
      list.push(m);
      counts.set(m.province, list);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
  const [top, next] = ranked;
  if (!top || top[1].length < BODY_MIN || (next && top[1].length < BODY_LEAD * next[1].length)) return undefined;
  // Shown as the place it was read from: the place named most often (a provincial programme's name only without one).
  const names = new Map<string, number>();
  for (const m of top[1]) names.set(m.name, (names.get(m.name) ?? 0) + (m.kind === 'marker' ? 0 : 1));
  const best = [...names.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const first = top[1].find((m) => m.name === best)!;
  return { value: top[0], source: 'body', via: first.name, start: first.start, end: first.end };
}

/** Reads the region of a report from what the metadata scan found; front matter wins. */
export function readRegion(text: string, meta: ReportMeta, frontMatter: Record<string, unknown> | undefined, bodyBlocks: readonly Block[]): RegionMeta | undefined {
  const declared = typeof frontMatter?.region === 'string' ? frontMatter.region.trim() : '';
  if (declared) return { value: normalizeRegion(declared) ?? declared, source: 'front-matter' };
  const unit = meta.unit;
  const byUnit = unit && fromText(unit.value, unit.source, unit.start !== undefined && text.slice(unit.start, unit.end) === unit.value ? unit.start : undefined);
  if (byUnit) return { ...byUnit, source: 'unit' };
  if (meta.title) {
    const r = fromText(meta.title.text, 'title');
    if (r) return r;
  }
  const sig = meta.signature?.unit;
  if (sig) {
    const r = fromText(sig.text, 'signature', sig.start);
    if (r) return r;
  }
  if (meta.addressee) {
    const r = fromText(meta.addressee.text, 'opening', meta.addressee.start);
    if (r) return r;
  }
  return fromBody(text, bodyBlocks);
}
