import { findWords, shieldedBy } from '../../text/keywords.js';
import { distanceWithin, documentType, fuzzLimit, locallyPrefixed, normalizeName, overlap, splitName, YEARS_AFTER, type YearRange } from '../../text/names.js';
import type { Fix } from '../../types.js';
import { defineKind, type RuleContext } from '../kind.js';
import { inText, scanParagraphs } from '../scope.js';

interface Entry {
  name: string;
  note: string;
}

/** One written form of an official name (its full name or an accepted one), split into stem and years. */
interface Form {
  entry: Entry;
  stem: string;
  years?: YearRange;
}

const CITED = /[《〈]([^《》〈〉\n]{1,120})[》〉]/g;

function yearsText(y: YearRange): string {
  return `${y.from}—${y.to}`;
}

/** The smallest edit turning `written` (at `start`) into `wanted`: common head and tail left alone. */
function minimalEdit(written: string, wanted: string, start: number): { start: number; end: number; text: string } {
  let head = 0;
  while (head < written.length && head < wanted.length && written[head] === wanted[head]) head++;
  let tail = 0;
  while (tail < written.length - head && tail < wanted.length - head && written[written.length - 1 - tail] === wanted[wanted.length - 1 - tail]) tail++;
  return { start: start + head, end: start + written.length - tail, text: wanted.slice(head, wanted.length - tail) };
}

export default defineKind({
  name: 'canonical-name',
  summary: '机构、会议、文件的名称必须与正式名称完全一致（如 中央全面依法治国委员会、《法治政府建设实施纲要（2021—2025年）》）',
  docs:
    '`names` 列出正式名称：`name` 为全称，`accept` 为同样正确的其他写法（简称、不带发文机关的写法），`variants` 为已知的错误写法（改为 `name`），`note` 说明出处（发文机关、日期、文号），写进提示信息。' +
    '正文中出现 `variants` 中的写法时报告并修复（前一个字是「省」「市」「区」「县」「局」等时是地方或部门自己的名称，不报告；落在 `exceptions` 中某个词之内时也不报告）。' +
    '`citations: true` 时还检查书名号（《》〈〉）中的名称：与某个正式名称主干相同但年份不对（《法治政府建设实施纲要（2022—2025年）》）时报告，只有一个版本的年份与之重叠时给出修复，否则给出各版本供选择；' +
    '主干相同却没写年份（《法治政府建设实施纲要》）时报告，并按报告年度建议适用的版本；与某个正式名称只差一两个字（《法治政府建设与责任落实督查工作规定》）时报告并建议正式名称。' +
    '含有正式名称的更长的书名（《广东省法治政府建设实施纲要》《关于印发〈……〉的通知》）和文种不同的书名（《……职责清单》之于《……职责规定》）是别的文件，不报告。书名号外，主干后面紧跟的年份（法治政府建设实施纲要2022—2025年）也检查。' +
    '括号宽度、连接号写法由 citation-form 和标点规则检查，这里比较时不计。',
  options: {
    names: {
      type: 'array',
      minItems: 1,
      description: '正式名称列表：name 全称，accept 其他正确写法，variants 错误写法，note 出处',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 2, description: '正式名称（全称），文件名称不带书名号，年份写在括号里：法治政府建设实施纲要（2021—2025年）' },
          accept: { type: 'array', items: { type: 'string', minLength: 2 }, description: '同样正确的写法（简称、不带发文机关的写法）' },
          variants: { type: 'array', items: { type: 'string', minLength: 2 }, description: '已知的错误写法，修复为 name' },
          note: { type: 'string', description: '出处：发文机关、日期、文号，写进提示信息' },
        },
        required: ['name'],
        additionalProperties: false,
      },
    },
    citations: { type: 'boolean', description: '是否检查书名号中的名称（年份、近似写法），默认 false' },
    exceptions: { type: 'array', items: { type: 'string', minLength: 1 }, description: '包含错误写法的正确用法，不报告' },
    fix: { enum: ['fix', 'suggestion'], description: 'variants 的修复自动应用（fix，默认）或仅为建议（suggestion）' },
  },
  required: ['names'],
  messages: {
    default: '「{{match}}」应为「{{name}}」{{note}}',
    wrongYears: '「{{match}}」的年份不对：应为「{{name}}」{{note}}',
    noYears: '「{{match}}」没有写明年份：正式名称带年份（{{editions}}）{{hint}}',
    nearName: '「{{match}}」与正式名称「{{name}}」不一致{{note}}',
  },
  placeholders: {
    match: '原文',
    name: '正式名称',
    note: '出处（括号内，可能为空）',
    editions: '各版本的年份',
    hint: '按报告年度适用的版本（可能为空）',
  },
  fixable: 'fix',
  example: `kind: canonical-name
severity: warning
citations: true
names:
  - name: 法治政府建设实施纲要（2021—2025年）
    note: 中共中央、国务院2021年8月印发
  - name: 中央全面依法治国委员会
    variants: [中央依法治国委员会]`,
  compile(rule, ctx) {
    const raw = rule.options.names as Array<{ name: string; accept?: string[]; variants?: string[]; note?: string }>;
    const exceptions = (rule.options.exceptions as string[] | undefined) ?? [];
    const asSuggestion = rule.options.fix === 'suggestion';
    const citations = rule.options.citations === true;
    const variants = new Map<string, Entry>();
    const exact = new Set<string>();
    const families = new Map<string, Form[]>();
    raw.forEach((n, i) => {
      const entry: Entry = { name: n.name, note: n.note ? `（${n.note}）` : '' };
      for (const written of [n.name, ...(n.accept ?? [])]) {
        exact.add(normalizeName(written));
        const { stem, years } = splitName(written);
        const list = families.get(stem) ?? [];
        list.push({ entry, stem, years });
        families.set(stem, list);
      }
      (n.variants ?? []).forEach((v, j) => {
        if (exact.has(normalizeName(v)) || n.name.includes(v)) ctx.problem(['names', i, 'variants', j], `错误写法「${v}」与正式名称相同或包含在正式名称之中，修复后仍会被报告`);
        variants.set(v, entry);
      });
    });
    const variantWords = [...variants.keys()];
    const stems = [...families.keys()].filter((s) => families.get(s)!.some((f) => f.years));
    const allStems = [...families.keys()];

    return (rc) => {
      const text = rc.doc.text;
      // Characters already reported on, so one name is reported once (a variant inside a cited title is not a near miss too).
      let done: Uint8Array | undefined;
      const report = (start: number, end: number, messageId: string, data: Record<string, unknown>, fix?: Fix, suggestions?: Fix[]) => {
        (done ??= new Uint8Array(text.length)).fill(1, start, end);
        rc.report({ start, end, messageId, data, fix, suggestions });
      };
      const overlapsDone = (start: number, end: number) => {
        if (!done) return false;
        for (let i = start; i < end; i++) if (done[i]) return true;
        return false;
      };

      for (const w of findWords(text, variantWords)) {
        rc.checkpoint();
        if (!inText(rc.doc, w.start, w.end) || locallyPrefixed(text, w.start) || shieldedBy(text, w.start, w.end, exceptions)) continue;
        const entry = variants.get(w.word)!;
        const edit = minimalEdit(w.word, entry.name, w.start);
        const fix = { title: `改为「${entry.name}」`, edits: [edit] };
        report(w.start, w.end, 'default', { match: w.word, name: entry.name, note: entry.note }, asSuggestion ? undefined : fix, asSuggestion ? [fix] : undefined);
      }
      if (!citations) return;

      scanParagraphs(rc.doc, CITED, (m, start, end) => {
        rc.checkpoint();
        const inner = m[1]!;
        const innerStart = start + 1;
        if (!overlapsDone(start, end)) checkCitation(rc, inner, innerStart, report);
        return true;
      });

      // Outside book-title marks: a stem followed by a year range (落实法治政府建设实施纲要2022—2025年的要求).
      for (const w of findWords(text, stems)) {
        rc.checkpoint();
        if (overlapsDone(w.start, w.end) || insideCitation(text, w.start) || locallyPrefixed(text, w.start) || !inText(rc.doc, w.start, w.end)) continue;
        const after = YEARS_AFTER.exec(text.slice(w.end, w.end + 20));
        if (!after) continue;
        const years = { from: Number(after[1]), to: Number(after[2]) };
        if (!(years.to > years.from && years.to - years.from <= 50)) continue;
        const written = text.slice(w.start, w.end + after[0].length);
        const fromStart = w.end + after[0].indexOf(after[1]!);
        const toStart = w.end + after[0].lastIndexOf(after[2]!);
        wrongYears(rc, families.get(w.word)!, years, written, w.start, [
          { start: fromStart, end: fromStart + 4 },
          { start: toStart, end: toStart + 4 },
        ], report);
      }
    };

    function checkCitation(rc: RuleContext, inner: string, innerStart: number, report: Reporter): void {
      if (exact.has(normalizeName(inner))) return;
      const split = splitName(inner);
      const family = families.get(split.stem);
      if (family) {
        if (split.years && split.yearSpans) {
          const spans = split.yearSpans.map((s) => ({ start: innerStart + s.start, end: innerStart + s.end })) as [Span, Span];
          wrongYears(rc, family, split.years, inner, innerStart, spans, report);
        } else if (!split.years && family.every((f) => f.years)) {
          noYears(rc, family, inner, innerStart, report);
        }
        return;
      }
      // A near miss of an official name; a longer title containing one is another document.
      if (allStems.some((s) => split.stem.includes(s))) return;
      const limit = fuzzLimit(split.stem.length);
      if (!limit) return;
      let best: string | undefined;
      let bestD = limit + 1;
      let tie = false;
      const type = documentType(split.stem);
      for (const s of allStems) {
        const other = documentType(s);
        if (type && other && type !== other) continue;
        const d = distanceWithin(split.stem, s, limit);
        if (d < bestD) {
          best = s;
          bestD = d;
          tie = false;
        } else if (d === bestD) tie = true;
      }
      if (!best || bestD > limit || tie || bestD === 0) return;
      const form = families.get(best)!.find((f) => !f.years || !split.years || (f.years.from === split.years.from && f.years.to === split.years.to)) ?? families.get(best)![0]!;
      const name = form.entry.name;
      const suggestion = { title: `改为「${name}」`, edits: [{ start: innerStart, end: innerStart + inner.length, text: name }] };
      report(innerStart, innerStart + inner.length, 'nearName', { match: inner, name, note: form.entry.note }, undefined, [suggestion]);
    }
  },
});

interface Span {
  start: number;
  end: number;
}
type Reporter = (start: number, end: number, messageId: string, data: Record<string, unknown>, fix?: Fix, suggestions?: Fix[]) => void;

/** Whether an offset lies inside 《…》 on its line. */
function insideCitation(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

/** The editions of a name ranked for a wrong year range: most years in common first, then the closest. */
function wrongYears(rc: RuleContext, family: Form[], years: YearRange, written: string, start: number, spans: [Span, Span], report: Reporter): void {
  const editions = family.filter((f) => f.years);
  if (!editions.length || editions.some((f) => f.years!.from === years.from && f.years!.to === years.to)) return;
  const ranked = [...editions].sort(
    (a, b) => overlap(b.years!, years) - overlap(a.years!, years) || Math.abs(a.years!.from - years.from) + Math.abs(a.years!.to - years.to) - (Math.abs(b.years!.from - years.from) + Math.abs(b.years!.to - years.to)),
  );
  const fixes = ranked.map((f) => {
    const edits = [
      { ...spans[0], text: String(f.years!.from) },
      { ...spans[1], text: String(f.years!.to) },
    ].filter((e) => rc.doc.text.slice(e.start, e.end) !== e.text);
    return { title: `改为「${f.entry.name}」`, edits };
  });
  const sure = editions.length === 1 || editions.filter((f) => overlap(f.years!, years) > 0).length === 1;
  const best = ranked[0]!;
  report(start, start + written.length, 'wrongYears', { match: written, name: best.entry.name, note: best.entry.note }, sure ? fixes[0] : undefined, sure ? undefined : fixes);
}

function noYears(rc: RuleContext, family: Form[], written: string, start: number, report: Reporter): void {
  const editions = family.filter((f) => f.years);
  const year = rc.year;
  const inForce = year === undefined ? [] : editions.filter((f) => f.years!.from <= year && year <= f.years!.to);
  const ranked = [...inForce, ...editions.filter((f) => !inForce.includes(f))];
  const seen = new Set<string>();
  const unique = ranked.filter((f) => !seen.has(yearsText(f.years!)) && seen.add(yearsText(f.years!)));
  const end = start + written.length;
  const suggestions = unique.map((f) => ({ title: `补上年份「（${yearsText(f.years!)}年）」`, edits: [{ start: end, end, text: `（${yearsText(f.years!)}年）` }] }));
  const hint = inForce.length === 1 && unique.length > 1 ? `，${year}年度适用「${inForce[0]!.entry.name}」` : '';
  report(start, end, 'noYears', { match: written, editions: unique.map((f) => `${yearsText(f.years!)}年`).join('、'), hint }, undefined, suggestions);
}
