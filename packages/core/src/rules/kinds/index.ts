import type { RuleKind } from '../kind.js';
import dataPoint from './data-point.js';
import nonEmptySection from './non-empty-section.js';
import outlineNumbering from './outline-numbering.js';
import pattern from './pattern.js';
import plansFollowed from './plans-followed.js';
import problemsAddressed from './problems-addressed.js';
import problemsCopied from './problems-copied.js';
import quantification from './quantification.js';
import requiredSection from './required-section.js';
import requiredSubsection from './required-subsection.js';
import sectionOrder from './section-order.js';
import signature from './signature.js';
import title from './title.js';
import webResidue from './web-residue.js';
import yearsAgree from './years-agree.js';

/** The closed set of rule kinds. Rule files choose one by `kind:`; nothing in YAML runs code. */
export const KINDS: readonly RuleKind[] = [
  requiredSection,
  sectionOrder,
  requiredSubsection,
  nonEmptySection,
  outlineNumbering,
  dataPoint,
  quantification,
  pattern,
  title,
  signature,
  webResidue,
  problemsAddressed,
  problemsCopied,
  plansFollowed,
  yearsAgree,
];

export const KIND_BY_NAME: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((k) => [k.name, k]));
