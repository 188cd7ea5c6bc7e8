import type { RuleKind } from '../kind.js';
import cjkPunctuation from './cjk-punctuation.js';
import citationForm from './citation-form.js';
import canonicalName from './canonical-name.js';
import classificationMark from './classification-mark.js';
import dataPoint from './data-point.js';
import idNumber from './id-number.js';
import mobileNumber from './mobile-number.js';
import nonEmptySection from './non-empty-section.js';
import outlineNumbering from './outline-numbering.js';
import pattern from './pattern.js';
import percentFormat from './percent-format.js';
import percentSum from './percent-sum.js';
import plansFollowed from './plans-followed.js';
import problemsAddressed from './problems-addressed.js';
import problemsCopied from './problems-copied.js';
import quantification from './quantification.js';
import rateConsistency from './rate-consistency.js';
import rateRange from './rate-range.js';
import repetition from './repetition.js';
import requiredSection from './required-section.js';
import requiredSubsection from './required-subsection.js';
import sectionOrder from './section-order.js';
import signature from './signature.js';
import substitution from './substitution.js';
import title from './title.js';
import topicCoverage from './topic-coverage.js';
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
  substitution,
  repetition,
  percentFormat,
  rateRange,
  rateConsistency,
  percentSum,
  idNumber,
  mobileNumber,
  classificationMark,
  topicCoverage,
  cjkPunctuation,
  citationForm,
  canonicalName,
  problemsAddressed,
  problemsCopied,
  plansFollowed,
  yearsAgree,
];

export const KIND_BY_NAME: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((k) => [k.name, k]));
