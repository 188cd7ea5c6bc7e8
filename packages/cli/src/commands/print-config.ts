import { resolve } from 'node:path';
import type { CliArgs } from '../args.js';
import { EXIT_OK } from '../exit-codes.js';
import { realFs } from '../fs.js';
import { readInput } from '../inputs/index.js';
import type { MainOptions } from '../main.js';
import { choosePrevious } from '../previous.js';
import { PreviousFinder } from '../previous-finder.js';
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
    const input = await readInput(file, await fs.readFile(file));
    previous = (await choosePrevious({ file, text: input.text, format: input.format, config, explicit: args.previous ? resolve(options.cwd, args.previous) : undefined, fs, finder: new PreviousFinder(fs) })).choice?.path;
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
