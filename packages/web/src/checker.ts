import { createEngine, reportChecklist, regionNames, type Diagnostic, type Engine, type LintOptions, type LintResult, type ReportChecklist, type ResolvedConfig, type TextRegion } from '@fzlint/core';

/** What the page asks of the engine for one check. */
export interface CheckRequest {
  text: string;
  /** A file name, when the text came from one (decides markdown or text like the CLI does). */
  fileName?: string;
  format: LintOptions['format'];
  /** `auto` or an edition id. */
  edition: string;
  /** Empty: read from the report (unit, title, 落款) as the CLI does. */
  region: string;
  /** Page headers, footnotes … of a .docx, after the body. */
  regions?: TextRegion[];
}

export interface CheckOutcome {
  result: LintResult;
  diagnostics: Diagnostic[];
  checklist: ReportChecklist;
}

/**
 * The engine in the page: the built-in recommended rules (embedded in the bundle at build time),
 * no file system — there is no config file to find, and nothing is read or sent anywhere.
 */
export class BrowserChecker {
  private constructor(
    private readonly engine: Engine,
    readonly config: ResolvedConfig,
  ) {}

  static async create(): Promise<BrowserChecker> {
    const engine = createEngine({
      readFile: async (path) => {
        throw new Error(`网页版不读取文件（${path}）`);
      },
      exists: async () => false,
    });
    return new BrowserChecker(engine, await engine.loadConfig({ cwd: '/' }));
  }

  get editions(): Array<{ id: string; name: string }> {
    return this.config.editions.map((e) => ({ id: e.id, name: e.name }));
  }

  get regions(): readonly string[] {
    return regionNames();
  }

  check(request: CheckRequest): CheckOutcome {
    const result = this.engine.lint(request.text, this.options(request));
    const diagnostics = [...result.diagnostics].sort((a, b) => a.start - b.start || a.end - b.end);
    return { result, diagnostics, checklist: reportChecklist(result) };
  }

  /** Every certain fix, applied in passes until none is left (like `fzlint --fix`). */
  fixAll(request: CheckRequest): { text: string; fixed: number } {
    const out = this.engine.fix(request.text, this.options(request));
    return { text: out.output, fixed: out.fixed };
  }

  private options(request: CheckRequest): LintOptions {
    const options: LintOptions = { config: this.config, format: request.format, edition: request.edition };
    if (request.fileName) options.path = request.fileName;
    if (request.region) options.region = request.region;
    if (request.regions?.length) options.regions = request.regions;
    return options;
  }
}
