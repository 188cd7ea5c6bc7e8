import { own, ruleDocsUrl, type RuleDefinition } from '@fzlint/core';
import { builtinFinding, HOST_RULES } from '@fzlint/workspace';
import { basename } from 'node:path';
import type { RuleInfo } from './results.js';

/** Documentation of a finding made by the engine or a host (not by a rule of the config). */
export function engineRuleInfo(id: string, docsUrl?: string): RuleInfo | undefined {
  const r = builtinFinding(id);
  return r ? withUrl({ id, severity: r.severity, description: r.description, doc: r.doc, pack: 'fzlint' }, ruleDocsUrl(id, undefined, docsUrl)) : undefined;
}

export function hostRuleInfo(id: string, docsUrl?: string): RuleInfo | undefined {
  const r = own(HOST_RULES, id);
  return r ? withUrl({ id, severity: r.severity, description: r.description, doc: r.doc, pack: 'fzlint' }, ruleDocsUrl(id, undefined, docsUrl)) : undefined;
}

function withUrl(info: RuleInfo, url: string | undefined): RuleInfo {
  if (url) info.url = url;
  return info;
}

/** `rules/guangdong-2024.yaml` → `fzlint:guangdong-2024`; a user file keeps its name. */
export function packName(def: RuleDefinition): string {
  if (def.origin.pack) return def.origin.pack.startsWith('fzlint:') ? def.origin.pack : `fzlint:${def.origin.pack}`;
  const m = /^rules\/([^/]+)\.ya?ml$/.exec(def.origin.file);
  return m ? `fzlint:${m[1]}` : basename(def.origin.file);
}

/** `docsUrl`: where the generated rule docs are (config docsUrl, or the ones installed with fzlint). */
export function ruleInfo(def: RuleDefinition, docsUrl?: string): RuleInfo {
  const info: RuleInfo = { id: def.id, severity: def.severity, kind: def.kind, pack: packName(def) };
  if (def.description) info.description = def.description;
  if (def.doc) info.doc = def.doc;
  if (def.source) info.source = def.source;
  const url = ruleDocsUrl(def.id, def, docsUrl);
  if (url) info.url = url;
  if (def.edition) info.edition = def.edition;
  return info;
}
