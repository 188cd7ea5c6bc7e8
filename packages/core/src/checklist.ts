import type { LintResult } from './engine.js';
import type { Fact } from './rules/kind.js';

/** One line of a report's checklist: a part, subsection, data point … found (with where) or missing. */
export interface ChecklistEntry {
  ruleId: string;
  /** Section id, for parts and subsections. */
  id?: string;
  name: string;
  found: boolean;
  /** The template's heading for the part, to insert when it is missing. */
  heading?: string;
  /** Position in the template's order (top-level parts only). */
  order?: number;
  detail?: string;
  /** Where it was found (UTF-16 offsets into the report), when it was. */
  start?: number;
  end?: number;
}

/** What a report has and lacks, grouped the way a drafter reads a checklist. */
export interface ReportChecklist {
  /** Required parts (一、二、…), in the template's order. */
  parts: ChecklistEntry[];
  subsections: ChecklistEntry[];
  dataPoints: ChecklistEntry[];
  quantification: ChecklistEntry[];
  /** Facts about last year's report (they carry its path). */
  previous: Array<ChecklistEntry & { type: string; path: string }>;
  other: Array<ChecklistEntry & { type: string }>;
}

/** Groups a lint result's facts into a checklist; positions stay offsets for the host to map. */
export function reportChecklist(result: LintResult): ReportChecklist {
  const out: ReportChecklist = { parts: [], subsections: [], dataPoints: [], quantification: [], previous: [], other: [] };
  for (const fact of result.facts) {
    const entry = checklistEntry(result, fact);
    if (fact.path) out.previous.push({ ...entry, type: fact.type, path: fact.path });
    else if (fact.type === 'section') out.parts.push(entry);
    else if (fact.type === 'subsection') out.subsections.push(entry);
    else if (fact.type === 'data-point') out.dataPoints.push(entry);
    else if (fact.type === 'quantification') out.quantification.push(entry);
    else out.other.push({ ...entry, type: fact.type });
  }
  out.parts.sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
  return out;
}

function checklistEntry(result: LintResult, fact: Fact): ChecklistEntry {
  const entry: ChecklistEntry = { ruleId: fact.ruleId, name: fact.name, found: fact.found };
  if (fact.id) {
    entry.id = fact.id;
    const def = result.sections.definition(fact.id);
    if (def?.heading) entry.heading = def.heading;
    if (def?.order !== undefined && !def.within) entry.order = def.order;
  }
  if (fact.detail) entry.detail = fact.detail;
  if (fact.start !== undefined) {
    entry.start = fact.start;
    entry.end = fact.end ?? fact.start;
  }
  return entry;
}
