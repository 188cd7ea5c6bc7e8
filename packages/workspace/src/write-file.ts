import { constants } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { describeFsError, type WorkspaceFs } from './fs.js';

export class WriteError extends Error {
  constructor(
    message: string,
    /** changed: the file was edited while fzlint worked on it, and is left as the user left it. */
    readonly reason: 'io' | 'changed' = 'io',
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

export interface WriteOptions {
  /** False when the target is known not to exist yet (no realpath/stat needed). */
  existing?: boolean;
  /**
   * Digest (contentDigest) of the bytes the file held when it was read. The file is not written
   * if it holds anything else by the time the new content would replace it.
   */
  expectedDigest?: string;
}

/** A digest of file content, to tell whether a file changed since it was read. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Replaces a file's content. A regular file is replaced atomically: the new content goes to a
 * temporary file in the same folder, gets the original's permissions (and owner, where allowed),
 * and is renamed over the target, so a reader — or a crash — sees the old file or the new one,
 * never half of it. A symlink is followed and its target replaced. Two kinds of target are
 * written in place instead, because a rename would destroy what they are: anything that is not a
 * regular file (/dev/null, /dev/stdout, a pipe: renaming over them would turn a system device
 * into a file), and a file with several hard links (a rename would split it from its other names).
 */
export async function writeFileAtomic(fs: WorkspaceFs, path: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  let target = path;
  let stat: Awaited<ReturnType<WorkspaceFs['stat']>> | undefined;
  if (options.existing !== false) {
    try {
      // stat follows links: /dev/stdout is a link to the process's pipe, which has no real path.
      stat = await fs.stat(path);
      if (stat.isFile()) target = await fs.realpath(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(`无法写入「${path}」：${describeFsError(e)}`);
    }
  }
  if (stat && (!stat.isFile() || stat.nlink > 1)) {
    await assertUnchanged(fs, path, target, options.expectedDigest);
    try {
      await fs.writeFile(path, data, { flag: 'w' });
    } catch (e) {
      throw new WriteError(`无法写入「${path}」：${describeFsError(e)}`);
    }
    return;
  }
  await removeStaleTemporaries(fs, target);
  const tmp = temporaryName(target);
  const mode = stat ? stat.mode & 0o7777 : undefined;
  try {
    await fs.writeFile(tmp, data, { flag: 'wx', mode: mode ?? 0o644 });
    if (mode !== undefined) await fs.chmod(tmp, mode);
    // Keep the owner and group (fzlint run by root on a user's file); an ordinary user cannot give files away, which is fine.
    if (stat && fs.chown && (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.())) await fs.chown(tmp, stat.uid, stat.gid).catch(() => undefined);
    await assertUnchanged(fs, path, target, options.expectedDigest);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    if (e instanceof WriteError) throw e;
    throw new WriteError(`无法写入「${path}」：${describeFsError(e)}（原文件未改动）`);
  }
}

async function assertUnchanged(fs: WorkspaceFs, path: string, target: string, expected: string | undefined): Promise<void> {
  if (expected === undefined) return;
  let now: Buffer | undefined;
  try {
    now = await fs.readFile(target);
  } catch {
    now = undefined;
  }
  if (!now || contentDigest(now) !== expected) {
    throw new WriteError(`未修改「${path}」：检查期间文件被改动（或被删除），修复没有写入，以免覆盖新的内容；请再运行一次 --fix`, 'changed');
  }
}

const TEMPORARY = /^\.(.+)\.fzlint-(\d+)-[0-9a-f]{8}\.tmp$/;

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.fzlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Temporary files of this target left by a run that was killed (SIGKILL leaves no chance to
 * clean up): removed when their process no longer exists.
 */
async function removeStaleTemporaries(fs: WorkspaceFs, target: string): Promise<void> {
  const dir = dirname(target);
  const name = basename(target);
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMPORARY.exec(e.name);
    if (!m || m[1] !== name || !e.isFile() || alive(Number(m[2]))) continue;
    await fs.unlink(join(dir, e.name)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses files the user cannot (or chose not to) write: no write permission, or no write bit at all (read-only). */
export async function assertWritable(fs: WorkspaceFs, path: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new WriteError(`无法写入「${path}」：${describeFsError(e)}`);
  }
  if ((stat.mode & 0o222) === 0) throw new WriteError(`无法写入「${path}」：文件是只读的（未修改）`);
  try {
    await fs.access(path, constants.W_OK);
  } catch (e) {
    throw new WriteError(`无法写入「${path}」：${describeFsError(e)}（未修改）`);
  }
}
