/**
 * Entry of dist/template.js: the report template, bundled apart from the client because it needs
 * the whole engine (config loading); the client loads it only when 插入报告模板 runs, so
 * activation stays light.
 */
import { regionOfUnit } from '@fzlint/core';
import { loadConfigFor, type ConfigLookup } from './config.js';
import { reportSkeleton, templateParts, type TemplateAnswers } from '@fzlint/workspace';

export interface TemplateRequest extends ConfigLookup, TemplateAnswers {
  /** `fzlint.edition` ('' follows the configuration). */
  edition?: string;
  format: 'markdown' | 'text';
}

export interface TemplateResponse {
  /** Undefined when the configuration defines no ordered parts. */
  text?: string;
  editionName?: string;
  /** A broken configuration (the built-in one was used instead). */
  problem?: string;
}

export async function buildReportTemplate(request: TemplateRequest): Promise<TemplateResponse> {
  const { config, problem } = await loadConfigFor(request);
  const edition = request.edition || config.editionFor(request.docPath);
  // The region as the engine will read it: the config's, else the unit's name (广州市… → 广东省).
  const region = config.regionFor(request.docPath) ?? (request.unit ? regionOfUnit(request.unit) : undefined);
  const parts = templateParts(config, request.year, edition, region);
  if (parts.parts.length === 0) return { problem, editionName: parts.editionName };
  return { text: reportSkeleton(request, parts, request.format), editionName: parts.editionName, problem };
}
