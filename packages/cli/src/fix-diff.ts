import type { Change } from 'diff';

/** Characters of unchanged text kept on either side of a change. */
const AROUND = 15;

/**
 * --fix-dry-run's diff at the level of words: a line of these reports is a whole paragraph, so a
 * unified diff would repeat a thousand characters for one changed word. Each changed line is shown
 * as its changes in git's word-diff notation ([-删去-]{+加上+}) with a little unchanged text around.
 */
export async function wordDiff(name: string, before: string, after: string): Promise<string> {
  const { diffChars, diffLines } = await import('diff');
  const out: string[] = [`--- a/${name}`, `+++ b/${name}`];
  let line = 1;
  const lines = diffLines(before, after);
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i]!;
    const count = lineCount(part.value);
    if (!part.added && !part.removed) {
      line += count;
      continue;
    }
    // A removed block followed by an added one is a change of those lines: diffed by character.
    const next = lines[i + 1];
    const removed = part.removed ? part.value : '';
    const added = part.added ? part.value : next?.added ? next.value : '';
    if (part.removed && next?.added) i++;
    out.push(`@@ 第 ${line} 行 @@`);
    out.push(...compact(diffChars(removed, added)));
    if (part.removed) line += count;
  }
  return out.length > 2 ? `${out.join('\n')}\n` : '';
}

function lineCount(s: string): number {
  return s.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(s) ? 1 : 0);
}

/** The changes with AROUND characters of context, one output line per changed line of text. */
function compact(changes: Change[]): string[] {
  let text = '';
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k]!;
    const v = c.value.replace(/\r\n|\r|\n/g, '⏎');
    if (c.removed) text += `[-${v}-]`;
    else if (c.added) text += `{+${v}+}`;
    else if (v.length <= 2 * AROUND) text += v;
    else text += `${k === 0 ? '' : v.slice(0, AROUND)}…${k === changes.length - 1 ? '' : v.slice(-AROUND)}`;
  }
  // An unchanged line end is not shown; a changed one stays visible as ⏎ inside its brackets.
  return text
    .split(/(?<=⏎)/)
    .filter((l) => /\[-|\{\+/.test(l))
    .map((l) => (/[^-+\]}]⏎$/.test(l.slice(-2)) || l === '⏎' ? l.slice(0, -1) : l));
}
