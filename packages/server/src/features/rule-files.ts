import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigProblem } from '@fzlint/core';
import { problemLocation } from '@fzlint/workspace';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { uriOfPath, type ServerContext } from '../context.js';
import { DIAGNOSTIC_SOURCE } from '../to-lsp.js';
import { isYamlPath, pathKey, uriToPath } from '../workspace/paths.js';

/** The diagnostics of one config or rule file. */
export interface RuleFileDiagnostics {
  path: string;
  uri: string;
  diagnostics: LspDiagnostic[];
}

/**
 * Config (.fzlint.yaml) and rule YAML files: their problems as diagnostics at the offending YAML
 * node. Problems of every config loaded for a report are known to the ConfigResolver; a rule file
 * no config uses yet is validated here on its own, on top of fzlint:recommended (as a config that
 * extends it would see it). Other YAML stays quiet.
 */
export class RuleFilesProvider {
  private readonly standalone = new Map<string, { path: string; problems: ConfigProblem[] }>();

  constructor(private readonly ctx: ServerContext) {}

  /**
   * Validates a YAML file that changed: config files are loaded (and so validated) even when no
   * open report uses them; other fzlint rule files open in the editor on their own. Returns
   * whether the diagnostics to publish may have changed.
   */
  async validateYaml(path: string): Promise<boolean> {
    const key = pathKey(path);
    if (CONFIG_FILE_NAMES.includes(basename(path))) {
      const was = this.standalone.delete(key);
      await this.ctx.configs.load(path);
      return was;
    }
    const usedByConfig = this.ctx.configs.allLoads().some((l) => l.deps.has(key));
    const doc = this.ctx.documents.byFilePath(path);
    if (usedByConfig || !doc || !looksLikeRuleFile(doc.getText())) return this.standalone.delete(key);
    const probe = join(dirname(path), '.fzlint-rule-file-check.yaml');
    const text = `extends:\n  - fzlint:recommended\n  - ${JSON.stringify(`./${basename(path)}`)}\n`;
    let problems: ConfigProblem[] = [];
    try {
      await this.ctx.engine.loadConfig({ file: probe, text });
    } catch (e) {
      problems = ((e as { problems?: ConfigProblem[] }).problems ?? []).filter((p) => pathKey(p.file) === key);
    }
    if (this.ctx.documents.byFilePath(path)) this.standalone.set(key, { path, problems });
    return true;
  }

  /** A rule file was closed: its unsaved edits no longer count. */
  forget(path: string): boolean {
    return this.standalone.delete(pathKey(path));
  }

  /** Every known config problem, per file; files of loaded configs are listed also when they have none (to clear them). */
  provideRuleFileDiagnostics(): RuleFileDiagnostics[] {
    const byFile = new Map<string, { path: string; problems: ConfigProblem[] }>();
    const entry = (path: string) => {
      const key = pathKey(path);
      let e = byFile.get(key);
      if (!e) byFile.set(key, (e = { path, problems: [] }));
      return e;
    };
    for (const load of this.ctx.configs.allLoads()) {
      if (load.file) entry(load.file);
      for (const p of load.error?.problems ?? []) if (isAbsolutePath(p.file)) entry(p.file).problems.push(p);
    }
    for (const s of this.standalone.values()) entry(s.path).problems.push(...s.problems);
    return [...byFile.values()].map(({ path, problems }) => ({ path, uri: uriOfPath(this.ctx, path), diagnostics: dedupe(problems).map(problemToLsp) }));
  }
}

/** The file path of a YAML document (by extension or language), if it has one. */
export function yamlPath(document: TextDocument): string | undefined {
  const path = uriToPath(document.uri);
  return path && (isYamlPath(path) || document.languageId === 'yaml') ? path : undefined;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function problemToLsp(p: ConfigProblem): LspDiagnostic {
  const { range } = problemLocation(p);
  return { range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'fzlint/config', message: p.message };
}

const FILE_KEYS: ReadonlySet<string> = new Set(['$schema', 'extends', 'template', 'edition', 'sections', 'rules', 'overrides', 'files', 'ignores', 'previous']);

/**
 * An fzlint rule file: names the fzlint schema, or every top-level key is one of the rule-file
 * keys and it defines rules, sections or a template. Keeps workflows, docker-compose files and
 * the like quiet.
 */
export function looksLikeRuleFile(text: string): boolean {
  if (/^\$schema\s*:.*fzlint/m.test(text) || /yaml-language-server:\s*\$schema=.*fzlint/.test(text)) return true;
  const keys = [...text.matchAll(/^([A-Za-z$][\w$-]*)\s*:/gm)].map((m) => m[1]!);
  return keys.length > 0 && keys.every((k) => FILE_KEYS.has(k)) && keys.some((k) => k === 'rules' || k === 'sections' || k === 'template');
}
