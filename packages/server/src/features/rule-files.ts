import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigProblem } from '@fzlint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, FileChangeType, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { uriOfPath, type ServerContext } from '../context.js';
import { problemLocation } from '@fzlint/workspace';
import { DIAGNOSTIC_SOURCE } from '../to-lsp.js';
import { isYamlPath, pathKey, uriToPath } from '../workspace/paths.js';
import type { DiagnosticsFeature } from './diagnostics.js';

/**
 * Config (.fzlint.yaml) and rule YAML files: their problems are published as diagnostics at
 * the offending YAML node, and editing or saving them re-checks every open report. A rule file
 * no config uses yet is validated on its own, on top of fzlint:recommended (as a config that
 * extends it would see it). Other YAML stays quiet.
 */
export class RuleFilesFeature {
  private readonly standalone = new Map<string, { path: string; problems: ConfigProblem[] }>();
  private readonly shown = new Map<string, string>();
  private publishQueued = false;
  private readonly pending = new Set<string>();
  private pendingTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly diagnostics: DiagnosticsFeature,
  ) {
    const docs = ctx.documents.documents;
    docs.onDidOpen(({ document }) => this.yamlEdited(document));
    docs.onDidChangeContent(({ document }) => this.yamlEdited(document));
    docs.onDidClose(({ document }) => {
      const path = yamlPath(document);
      if (!path) return;
      // Closing drops unsaved edits: the file on disk is what counts again.
      this.standalone.delete(pathKey(path));
      this.fileChanged(path);
      this.queuePublish();
    });
    ctx.configs.onDidChange(() => this.queuePublish());
    ctx.connection.onDidChangeWatchedFiles(({ changes }) => {
      for (const c of changes ?? []) {
        const path = uriToPath(c.uri);
        if (path && (c.type === FileChangeType.Changed || c.type === FileChangeType.Created || c.type === FileChangeType.Deleted)) this.fileChanged(path);
      }
    });
  }

  /**
   * A file on disk changed (watcher or client notification). Events are gathered for a moment:
   * one save fires several.
   */
  fileChanged(path: string): void {
    this.pending.add(path);
    if (this.pendingTimer) return;
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      const paths = [...this.pending];
      this.pending.clear();
      void this.apply(paths);
    }, 30);
  }

  dispose(): void {
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
  }

  private async apply(paths: string[]): Promise<void> {
    let configsChanged = false;
    const dependents = new Set<string>();
    const reportFolders = new Set<string>();
    for (const path of paths) {
      if (this.ctx.configs.invalidate(path)) configsChanged = true;
      this.ctx.previous.invalidate(path);
      for (const uri of this.ctx.analyzer.dependents(path)) dependents.add(uri);
      if (this.ctx.discovery.invalidate(path)) reportFolders.add(dirname(path));
      if (isYamlPath(path)) void this.validateYaml(path);
    }
    if (configsChanged) return this.diagnostics.revalidateAll();
    for (const dir of reportFolders) for (const uri of await this.ctx.analyzer.autoLinked(dir)) dependents.add(uri);
    if (dependents.size) this.diagnostics.revalidate(dependents);
  }

  private yamlEdited(document: TextDocument): void {
    const path = yamlPath(document);
    if (path) this.fileChanged(path);
  }

  /** Config files are loaded (and so validated) even when no open report uses them; other fzlint rule files on their own. */
  private async validateYaml(path: string): Promise<void> {
    const key = pathKey(path);
    if (CONFIG_FILE_NAMES.includes(basename(path))) {
      this.standalone.delete(key);
      await this.ctx.configs.load(path);
      return;
    }
    const usedByConfig = this.ctx.configs.allLoads().some((l) => l.deps.has(key));
    const doc = this.ctx.documents.byFilePath(path);
    if (usedByConfig || !doc || !looksLikeRuleFile(doc.getText())) {
      if (this.standalone.delete(key)) this.queuePublish();
      return;
    }
    const probe = join(dirname(path), '.fzlint-rule-file-check.yaml');
    const text = `extends:\n  - fzlint:recommended\n  - ${JSON.stringify(`./${basename(path)}`)}\n`;
    let problems: ConfigProblem[] = [];
    try {
      await this.ctx.engine.loadConfig({ file: probe, text });
    } catch (e) {
      problems = ((e as { problems?: ConfigProblem[] }).problems ?? []).filter((p) => pathKey(p.file) === key);
    }
    if (this.ctx.documents.byFilePath(path)) this.standalone.set(key, { path, problems });
    this.queuePublish();
  }

  private queuePublish(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    setImmediate(() => {
      this.publishQueued = false;
      this.publish();
    });
  }

  /** Publishes the union of every known config problem per file, and clears files that no longer have any. */
  private publish(): void {
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
    const seen = new Set<string>();
    for (const [key, { path, problems }] of byFile) {
      seen.add(key);
      const diagnostics = dedupe(problems).map(problemToLsp);
      const uri = uriOfPath(this.ctx, path);
      const fingerprint = `${uri}\n${JSON.stringify(diagnostics)}`;
      if (this.shown.get(key) === fingerprint) continue;
      if (!diagnostics.length && !this.shown.has(key)) continue;
      this.shown.set(key, fingerprint);
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const [key, fingerprint] of this.shown) {
      if (seen.has(key)) continue;
      this.shown.delete(key);
      void this.ctx.connection.sendDiagnostics({ uri: fingerprint.slice(0, fingerprint.indexOf('\n')), diagnostics: [] });
    }
  }
}

function yamlPath(document: TextDocument): string | undefined {
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

const FILE_KEYS = new Set(['$schema', 'extends', 'template', 'edition', 'sections', 'rules', 'overrides', 'files', 'ignores', 'previous']);

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
