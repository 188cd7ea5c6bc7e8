import { resolve } from 'node:path';
import type { CliArgs } from '../args.js';
import { realFs } from '@fzlint/workspace';
import { ReportLinter } from '../lint-file.js';
import type { MainOptions } from '../options.js';
import { regionOption } from '../region-option.js';

/** A linter for the subcommands, with --config / discovery from the working directory. */
export function subcommandLinter(args: CliArgs, options: MainOptions): ReportLinter {
  return new ReportLinter(
    { cwd: options.cwd, configFile: args.config ? resolve(options.cwd, args.config) : undefined, edition: args.edition, region: regionOption(args.region), rules: args.rules, fix: 'none' },
    options.fs ?? realFs,
  );
}
