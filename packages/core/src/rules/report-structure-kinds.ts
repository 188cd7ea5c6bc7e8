/**
 * Rule kinds that judge a document as an annual report — its parts, title, data points, 落款 and
 * last year's report. A document whose title says it is something else (a 政策解读, a 政府信息公开
 * annual report) gets none of them: only the kinds about wording, numbers and safety apply.
 */
export const REPORT_STRUCTURE_KINDS: ReadonlySet<string> = new Set([
  'required-section',
  'required-subsection',
  'section-order',
  'non-empty-section',
  'title',
  'signature',
  'data-point',
  'quantification',
  'topic-coverage',
  'years-agree',
  'plans-followed',
  'problems-addressed',
  'problems-copied',
]);
