import ignore, { type Ignore } from 'ignore';
import { dirname, join, relative, sep } from 'node:path';
import { READ_LIMITS, readRegularText, type WorkspaceFs } from '@fzlint/workspace';

/** Files whose patterns (gitignore syntax) exclude paths from folder walks. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.fzlintignore'];

interface Layer {
  dir: string;
  ig: Ignore;
}

/**
 * The ignore files that apply to a folder: those of the folder itself and its ancestors, up to
 * the git repository root (or the working directory outside a repository). Like git, a deeper
 * file can re-include (`!pattern`) what a shallower one excluded.
 */
export class IgnoreStack {
  private constructor(private readonly layers: Layer[]) {}

  static async forDirectory(fs: WorkspaceFs, dir: string, cwd: string): Promise<IgnoreStack> {
    const chain: string[] = [];
    let d = dir;
    let root: string | undefined;
    for (;;) {
      chain.unshift(d);
      if (await exists(fs, join(d, '.git'))) {
        root = d;
        break;
      }
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    // Outside a git repository, only folders from the working directory down count.
    const dirs = root ? chain : chain.filter((c) => c === cwd || isInside(c, cwd));
    let stack = new IgnoreStack([]);
    for (const c of dirs) stack = await stack.enter(fs, c);
    return stack;
  }

  /** The stack for a subfolder: adds its own ignore files, if any. */
  async enter(fs: WorkspaceFs, dir: string): Promise<IgnoreStack> {
    const patterns: string[] = [];
    for (const name of IGNORE_FILE_NAMES) {
      try {
        patterns.push(await readRegularText(fs, join(dir, name), READ_LIMITS.ignore));
      } catch {
        // no ignore file here (or not one that can be read: a device, a pipe, a huge file)
      }
    }
    if (!patterns.length) return this;
    return new IgnoreStack([...this.layers, { dir, ig: ignore().add(patterns.join('\n')) }]);
  }

  ignores(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      if (!isInside(path, layer.dir)) continue;
      const rel = relative(layer.dir, path).split(sep).join('/') + (isDirectory ? '/' : '');
      const r = layer.ig.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

async function exists(fs: WorkspaceFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
