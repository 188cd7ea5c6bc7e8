/**
 * @fzlint/workspace — the host layer between the engine and the world, shared by the command line
 * and the language server (and the editor extension): the file system is injected (WorkspaceHost),
 * and everything a host needs besides its own user interface is here once — reading report files
 * in every input format, config discovery and caching, which files are reports, choosing and
 * finding last year's report, writing fixes in the file's own encoding, the report skeleton, and
 * the findings a host adds to the engine's.
 */
export { realFs, asyncFs, describeFsError, type WorkspaceFs } from './fs.js';
export type { WorkspaceHost, WatchHooks } from './host.js';
export { engineEnvironment } from './engine-environment.js';
export { pathKey, isWithin } from './paths.js';
export { writeFileAtomic, assertWritable, contentDigest, WriteError, type WriteOptions } from './write-file.js';
export { writeFixedText } from './fix-writer.js';
export { frontMatterPathRefusal } from './front-matter-paths.js';
export { readRegularFile, readRegularText, FileReadError, READ_LIMITS, fileKind } from './read-file.js';
export {
  readInput,
  InputError,
  REPORT_EXTENSIONS,
  SUPPORTED_FORMATS,
  INPUT_RULES,
  placeOf,
  detectType,
  type InputDocument,
  type ReadOptions,
  type InputKind,
  type InputRegion,
  type InputPlace,
  type InputFinding,
  type RegionKind,
} from './inputs/index.js';
export { decodeText, encodeText, ENCODING_LABEL, withLineEnding, type TextStorage, type LineEnding } from './inputs/encoding.js';
export { ConfigResolver, type ConfigResolution, type ConfigRequest } from './config/config-resolver.js';
export { ReportFilter, looksLikeReport, type ReportQuestion } from './config/report-filter.js';
export { PreviousDiscovery, CANDIDATE_EXTENSIONS } from './previous/discovery.js';
export { choosePrevious, type PreviousChoice, type PreviousOutcome, type PreviousRequest, type PreviousSource } from './previous/choose.js';
export { PreviousReader, previousLabel, previousUnreadable, type PreviousRead } from './previous/reader.js';
export { templateParts, reportSkeleton, configTemplate, UNIT_PLACEHOLDER, type TemplateAnswers, type TemplateParts } from './template.js';
export { Suppressions, SuppressionsError, SUPPRESSIONS_FILE, type SuppressionCounts } from './suppressions.js';
export { HOST_RULES, builtinFinding, hostFinding, problemLocation, type HostRule } from './host-findings.js';
export { copyFindings, paragraphs, COPY_RULE_ID, type BatchReport } from './batch/copy-findings.js';
export { annotatedCopy, annotateDocx, renderDocx, findingComment, AnnotateError, type Annotation, type AnnotateOptions, type AnnotatedFile, type CommentRule, type RenderedDocx } from './annotate/index.js';
