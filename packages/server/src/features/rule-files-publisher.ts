import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { BackgroundWork } from '../background.js';
import { pathKey } from '../workspace/paths.js';
import type { RuleFilesProvider } from './rule-files.js';

/**
 * Publishes config and rule file diagnostics (through `publish`): what changed since the last
 * time, and an empty list for files that no longer have any. Requests in the same turn of the
 * event loop are published once.
 */
export class RuleFilesPublisher {
  /** Per path key: the URI published under and what was published. */
  private readonly shown = new Map<string, { uri: string; fingerprint: string }>();
  private queued = false;

  constructor(
    private readonly provider: RuleFilesProvider,
    private readonly work: BackgroundWork,
    private readonly publish: (params: PublishDiagnosticsParams) => void,
  ) {}

  queue(): void {
    if (this.queued) return;
    this.queued = true;
    this.work.later(0, () => {
      this.queued = false;
      this.publishChanges();
    });
  }

  private publishChanges(): void {
    const seen = new Set<string>();
    for (const { path, uri, diagnostics } of this.provider.provideRuleFileDiagnostics()) {
      const key = pathKey(path);
      seen.add(key);
      const fingerprint = `${uri}\n${JSON.stringify(diagnostics)}`;
      const shown = this.shown.get(key);
      if (shown?.fingerprint === fingerprint) continue;
      if (!diagnostics.length && !shown) continue;
      this.shown.set(key, { uri, fingerprint });
      this.publish({ uri, diagnostics });
    }
    for (const [key, { uri }] of this.shown) {
      if (seen.has(key)) continue;
      this.shown.delete(key);
      this.publish({ uri, diagnostics: [] });
    }
  }
}
