import type { EditionDefinition } from './load.js';

export interface EditionChoice {
  edition?: EditionDefinition;
  reason: 'pinned' | 'year' | 'default' | 'none';
}

/**
 * Picks the template edition for a report: a pinned id wins; with `auto`, the edition whose
 * year range holds the report year (the most recent range when several do); without a year,
 * the edition marked default, else the newest.
 */
export function chooseEdition(editions: EditionDefinition[], setting: string, year: number | undefined): EditionChoice {
  if (editions.length === 0) return { reason: 'none' };
  if (setting && setting !== 'auto') {
    const pinned = editions.find((e) => e.id === setting);
    if (pinned) return { edition: pinned, reason: 'pinned' };
  }
  const newest = [...editions].sort((a, b) => (b.from ?? -Infinity) - (a.from ?? -Infinity));
  if (year !== undefined) {
    const holding = newest.filter((e) => (e.from === undefined || e.from <= year) && (e.to === undefined || year <= e.to));
    if (holding[0]) return { edition: holding[0], reason: 'year' };
    const before = newest.filter((e) => e.from !== undefined && e.from > year);
    if (before.length === newest.length) return { edition: before[before.length - 1], reason: 'year' };
    return { edition: newest[0], reason: 'year' };
  }
  return { edition: editions.find((e) => e.default) ?? newest[0], reason: 'default' };
}
