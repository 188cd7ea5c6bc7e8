/**
 * @fzlint/core — the fzlint engine. Pure: no file system, no LSP, no editor APIs. The host
 * passes an environment (file reading, logger) to createEngine().
 */
export * from './types.js';
export { createEngine, CONFIG_FILE_NAMES, type Engine, type EngineEnvironment, type LintOptions, type LintResult, type FixResult } from './engine.js';
export { ResolvedConfig, type ActiveRule } from './config/compile.js';
export { BUILTIN_PREFIX, DEFAULT_EXTENDS, builtinPackNames, unknownEdition, type EditionDefinition } from './config/load.js';
export { ENGINE_RULES } from './config/engine-rules.js';
export { ruleDocsUrl } from './rule-docs.js';
export { findCopies, DEFAULT_COPY_SETTINGS, type CopyReport, type CopySettings, type CopyMatch } from './batch/copies.js';
export { registry, own } from './registry.js';
export { editorSchema, ruleSchema, SECTION_SCHEMA, FILE_SCHEMA, SEVERITIES } from './config/schema.js';
export { parseYamlSource } from './config/yaml-source.js';
export { chooseEdition } from './config/editions.js';
export { applyFixes, applyEdits } from './fix.js';
export { TimeLimitExceeded, LintTimeout, formatDuration, type TimeLimit } from './time-limit.js';
export { parseReport, readReportMeta, formatForPath, type ReportDocument, type DocumentFormat, type ParseOptions, type TextRegion } from './document/parse.js';
export type { OutlineNode } from './document/outline.js';
export type { ReportMeta, ReportDate, Span, MetaSource, MetaValue, RegionMeta, TitleMeta } from './document/metadata.js';
export { normalizeRegion, regionNames, regionOfUnit } from './document/region.js';
export type { ReportInfo } from './report-info.js';
export {
  findPreviousReport,
  PreviousReportIndex,
  unitMatch,
  normalizeUnit,
  type PreviousCandidate,
  type PreviousDiscovery,
  type CandidateVerdict,
} from './document/previous-report.js';
export type { MarkerType } from './document/markers.js';
export { canonicalMarker } from './document/markers.js';
export { KINDS, KIND_BY_NAME } from './rules/kinds/index.js';
export type { RuleKind, RuleDefinition, Fact, FactValue, JsonSchema } from './rules/kind.js';
export { SectionIndex, type SectionDefinition, type SectionMatch } from './rules/sections.js';
export type { PreviousReport } from './rules/previous.js';
export { LineIndex, detectLineEnding, type LineEnding } from './text/line-index.js';
export { formatChineseNumeral, parseChineseNumeral } from './text/chinese-numerals.js';
export { findFigures, type Figure } from './text/figures.js';
export { compilePattern, type SafePattern } from './text/regex.js';
export { analyze, similarity, REPORT_STOP_WORDS, type TextAnalysis } from './text/similarity.js';
export { reportChecklist, type ReportChecklist, type ChecklistEntry } from './checklist.js';
