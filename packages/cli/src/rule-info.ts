import { own, type RuleDefinition } from '@fzlint/core';
import { builtinFinding, HOST_RULES } from '@fzlint/workspace';
import { basename } from 'node:path';
import type { RuleInfo } from './results.js';

/** Documentation of a finding made by the engine or a host (not by a rule of the config). */
export function engineRuleInfo(id: string): RuleInfo | undefined {
  const r = builtinFinding(id);
  return r ? { id, severity: r.severity, description: r.description, doc: r.doc, pack: 'fzlint' } : undefined;
}

export function hostRuleInfo(id: string): RuleInfo | undefined {
  const r = own(HOST_RULES, id);
  return r ? { id, severity: r.severity, description: r.description, doc: r.doc, pack: 'fzlint' } : undefined;
}

/** `rules/guangdong-2024.yaml` → `fzlint:guangdong-2024`; a user file keeps its name. */
export function packName(def: RuleDefinition): string {
  if (def.origin.pack) return def.origin.pack.startsWith('fzlint:') ? def.origin.pack : `fzlint:${def.origin.pack}`;
  const m = /^rules\/([^/]+)\.ya?ml$/.exec(def.origin.file);
  return m ? `fzlint:${m[1]}` : basename(def.origin.file);
}

export function ruleInfo(def: RuleDefinition): RuleInfo {
  const info: RuleInfo = { id: def.id, severity: def.severity, kind: def.kind, pack: packName(def) };
  if (def.description) info.description = def.description;
  if (def.doc) info.doc = def.doc;
  if (def.source) info.source = def.source;
  if (def.url) info.url = def.url;
  if (def.edition) info.edition = def.edition;
  return info;
}
