import { dirname } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BackgroundWork } from '../background.js';
import type { ServerContext } from '../context.js';
import { isYamlPath } from '../workspace/paths.js';
import type { DiagnosticsPublisher } from './diagnostics-publisher.js';
import type { RuleFilesPublisher } from './rule-files-publisher.js';
import { yamlPath, type RuleFilesProvider } from './rule-files.js';

/** How long file events are gathered: one save fires several. */
const GATHER_MS = 30;

/**
 * Files that checking depends on changed — on disk (the server's watcher, the client's
 * didChangeWatchedFiles) or in the editor (a config or rule file edited, unsaved): the caches that
 * read them are dropped, YAML files are validated again, and the reports whose result could change
 * are checked again (all of them when a config changed).
 */
export class FileChanges {
  private readonly pending = new Set<string>();
  private gathering = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly ruleFiles: RuleFilesProvider,
    private readonly ruleFilesPublisher: RuleFilesPublisher,
    private readonly diagnostics: DiagnosticsPublisher,
    private readonly work: BackgroundWork,
  ) {}

  fileChanged(path: string): void {
    this.pending.add(path);
    if (this.gathering) return;
    this.gathering = true;
    this.work.later(GATHER_MS, () => {
      this.gathering = false;
      const paths = [...this.pending];
      this.pending.clear();
      return this.apply(paths);
    });
  }

  /** A YAML document was opened or edited in the editor: its unsaved text is what counts. */
  documentEdited(doc: TextDocument): void {
    const path = yamlPath(doc);
    if (path) this.fileChanged(path);
  }

  /** Closing drops unsaved edits: the file on disk is what counts again. */
  documentClosed(doc: TextDocument): void {
    const path = yamlPath(doc);
    if (!path) return;
    this.ruleFiles.forget(path);
    this.fileChanged(path);
    this.ruleFilesPublisher.queue();
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
      if (isYamlPath(path)) {
        this.work.track(
          this.ruleFiles.validateYaml(path).then((changed) => {
            if (changed) this.ruleFilesPublisher.queue();
          }),
        );
      }
    }
    if (configsChanged) return this.diagnostics.revalidateAll();
    for (const dir of reportFolders) for (const uri of await this.ctx.analyzer.autoLinked(dir)) dependents.add(uri);
    if (dependents.size) this.diagnostics.revalidate(dependents);
  }
}
