import type { Diagnostic, Fix } from '@fzlint/core';
import type { Annotation } from './annotate-docx.js';

/** What a comment says about the rule behind a finding. */
export interface CommentRule {
  /** The guideline the rule rests on (the rule's `source`). */
  source?: string;
  kind?: string;
}

/**
 * Kinds whose findings are about the report's structure (parts, order, title, signature,
 * numbering, last year's problems and plans): their comments cite the rule's source, so the unit
 * sees which document asks for it.
 */
const STRUCTURAL_KINDS = new Set([
  'required-section',
  'required-subsection',
  'section-order',
  'non-empty-section',
  'title',
  'signature',
  'outline-numbering',
  'topic-coverage',
  'problems-addressed',
  'problems-copied',
  'plans-followed',
  'years-agree',
]);

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;
const QUOTE_MAX = 120;

/**
 * A finding as a Word comment: 【级别】message; the rule id; the replacement when the finding
 * has a fix or a suggestion; the legal source for structural findings.
 */
export function findingComment(d: Diagnostic, text: string, rule?: CommentRule): Annotation {
  const paragraphs = [`【${LEVEL[d.severity]}】${d.message}`, `规则：${d.ruleId}`];
  const change = d.fix ?? d.suggestions?.[0];
  if (change) paragraphs.push(replacement(change, text, d));
  if (rule?.source && rule.kind && STRUCTURAL_KINDS.has(rule.kind)) paragraphs.push(`依据：${rule.source}`);
  return { start: d.start, end: d.end, paragraphs };
}

/**
 * 建议改为「…」 / 建议删除「…」 / 建议补充「…」: the finding's text as the fix leaves it when the
 * edits lie inside it (「法治宣传」 for 法制→法治 in 「法制宣传」), else the span the edits cover.
 */
function replacement(fix: Fix, text: string, at: { start: number; end: number }): string {
  let start = Math.min(...fix.edits.map((e) => e.start));
  let end = Math.max(...fix.edits.map((e) => e.end));
  if (at.end > at.start && start >= at.start && end <= at.end) [start, end] = [at.start, at.end];
  let after = '';
  let pos = start;
  for (const e of [...fix.edits].sort((a, b) => a.start - b.start)) {
    after += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  after += text.slice(pos, end);
  const before = text.slice(start, end);
  if (!after.trim()) return `建议删除：「${quote(before)}」`;
  if (!before.trim()) return `建议补充：「${quote(after)}」`;
  return `建议改为：「${quote(after)}」`;
}

function quote(s: string): string {
  const one = s.replace(/\s*\n\s*/g, ' ').trim();
  return one.length > QUOTE_MAX ? `${one.slice(0, QUOTE_MAX)}…` : one;
}
