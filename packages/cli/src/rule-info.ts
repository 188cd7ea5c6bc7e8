import { ENGINE_RULES, registry, type RuleDefinition } from '@fzlint/core';
import { basename } from 'node:path';
import { INPUT_RULES } from '@fzlint/workspace';
import type { RuleInfo } from './results.js';

/** Findings the CLI itself produces, documented like rules (explain, SARIF). */
export const CLI_RULES: Readonly<Record<string, RuleInfo>> = registry({
  'fzlint/empty-file': {
    id: 'fzlint/empty-file',
    severity: 'error',
    description: '文件为空或只有空白字符',
    doc: '空文件不是一份报告，fzlint 不做其他检查，只报告这一个错误。可能是导出或复制时出了问题，请检查原稿。',
    pack: 'fzlint',
  },
  ...Object.fromEntries(Object.entries(INPUT_RULES).map(([id, r]) => [id, { id, ...r, pack: 'fzlint' }])),
});

export function engineRuleInfo(id: string): RuleInfo | undefined {
  const r = ENGINE_RULES[id];
  return r ? { id, severity: r.severity, description: r.description, doc: r.doc, pack: 'fzlint' } : CLI_RULES[id];
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
