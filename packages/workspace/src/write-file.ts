import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { describeFsError, type WorkspaceFs } from './fs.js';

export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/**
 * Replaces a file atomically: the new content goes to a temporary file in the same folder, gets
 * the original's permissions, and is renamed over the target, so a reader (or a crash) sees the
 * old file or the new one, never half of it. A symlink is followed and its target replaced.
 */
export async function writeFileAtomic(fs: WorkspaceFs, path: string, data: Uint8Array | string, options: { existing?: boolean } = {}): Promise<void> {
  let target = path;
  let mode: number | undefined;
  if (options.existing !== false) {
    try {
      target = await fs.realpath(path);
      mode = (await fs.stat(target)).mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(`无法写入「${path}」：${describeFsError(e)}`);
    }
  }
  const tmp = join(dirname(target), `.${basename(target)}.fzlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx', mode: mode ?? 0o644 });
    if (mode !== undefined) await fs.chmod(tmp, mode);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw new WriteError(`无法写入「${path}」：${describeFsError(e)}（原文件未改动）`);
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
