import type { ReportDocument } from '../document/parse.js';
import type { SectionIndex } from './sections.js';

/** Last year's report, when the host found one: parsed and classified with the same sections. */
export interface PreviousReport {
  path: string;
  doc: ReportDocument;
  sections: SectionIndex;
}
