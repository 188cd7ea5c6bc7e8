import { resolve } from 'node:path';
import type { CliArgs } from '../args.js';
import { EXIT_OK } from '../exit-codes.js';
import { parseReport } from '@fzlint/core';
import { choosePrevious, PreviousDiscovery, READ_LIMITS, readInput, readRegularFile, realFs } from '@fzlint/workspace';
import type { MainOptions } from '../options.js';
import { regionOption } from '../region-option.js';
import { packName } from '../rule-info.js';
import { subcommandLinter } from './shared.js';

/** `--print-config FILE`: the resolved config for that file, as JSON (like ESLint's). */
export async function runPrintConfig(args: CliArgs, options: MainOptions): Promise<number> {
  const file = resolve(options.cwd, args.printConfig!);
  const linter = subcommandLinter(args, options);
  const config = await linter.configFor(file);
  const edition = args.edition ?? config.editionFor(file);
  const region = regionOption(args.region) ?? config.regionFor(file);
  const rules: Record<string, unknown> = {};
  for (const def of config.ruleDefinitions(file, args.rules)) {
    rules[def.id] = { severity: def.severity, kind: def.kind, pack: packName(def), ...(def.edition ? { edition: def.edition } : {}), ...(Object.keys(def.options).length ? { options: def.options } : {}) };
  }
  let previous: string | undefined;
  try {
    const fs = options.fs ?? realFs;
    const input = await readInput(file, await readRegularFile(fs, file, READ_LIMITS.report));
    const meta = parseReport(input.text, { path: file, format: input.format }).meta;
    const explicit = args.previous ? { path: resolve(options.cwd, args.previous), written: args.previous } : undefined;
    previous = (await choosePrevious({ file, meta, format: input.format, config, explicit, roots: [options.cwd], discovery: new PreviousDiscovery({ fs }) })).choice?.path;
  } catch {
    previous = config.data.previous?.[file];
  }
  const out = {
    filePath: file,
    configFile: config.data.file ?? null,
    edition,
    ...(region ? { region } : {}),
    editions: config.editions.map((e) => ({ id: e.id, name: e.name, ...(e.from ? { from: e.from } : {}), ...(e.to ? { to: e.to } : {}), ...(e.regions ? { regions: e.regions } : {}), ...(e.default ? { default: true } : {}) })),
    ...(config.data.files ? { files: config.data.files } : {}),
    ...(config.data.ignores ? { ignores: config.data.ignores } : {}),
    ...(previous ? { previous } : {}),
    rules,
  };
  options.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT_OK;
}
