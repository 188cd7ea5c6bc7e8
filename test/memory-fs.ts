import type { Dirent, Stats } from 'node:fs';
import { posix } from 'node:path';
import type { WorkspaceFs } from '@fzlint/workspace';

type Special = 'fifo' | 'device';
type Entry = { kind: 'file'; data: Buffer; mtimeMs: number } | { kind: 'dir' } | { kind: Special };

/**
 * A WorkspaceFs held in memory (absolute POSIX paths): hosts run over it in-process without
 * touching the disk. Named pipes and devices can be laid out too, to prove they are refused.
 * Every path read is recorded in `reads`.
 */
export class MemoryFs implements WorkspaceFs {
  private readonly entries = new Map<string, Entry>([['/', { kind: 'dir' }]]);
  readonly reads: string[] = [];
  private clock = 1;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  /** Writes a file (parent folders made as needed). */
  put(path: string, content: string | Uint8Array): string {
    const p = norm(path);
    this.makeDirs(posix.dirname(p));
    this.entries.set(p, { kind: 'file', data: Buffer.from(content), mtimeMs: this.clock++ });
    return p;
  }

  /** A named pipe or a device at `path` (reading one would block or never end on a real disk). */
  special(path: string, kind: Special): string {
    const p = norm(path);
    this.makeDirs(posix.dirname(p));
    this.entries.set(p, { kind });
    return p;
  }

  remove(path: string): void {
    this.entries.delete(norm(path));
  }

  text(path: string): string | undefined {
    const e = this.entries.get(norm(path));
    return e?.kind === 'file' ? e.data.toString('utf8') : undefined;
  }

  async readFile(path: string): Promise<Buffer> {
    const p = norm(path);
    this.reads.push(p);
    const e = this.get(p, 'open');
    if (e.kind === 'dir') throw fsError('EISDIR', 'read', p);
    if (e.kind !== 'file') throw new Error(`MemoryFs: reading the ${e.kind} ${p} would block`);
    return Buffer.from(e.data);
  }

  async writeFile(path: string, data: Uint8Array | string, options?: { flag?: string }): Promise<void> {
    const p = norm(path);
    if (options?.flag?.includes('x') && this.entries.has(p)) throw fsError('EEXIST', 'open', p);
    if (this.entries.get(posix.dirname(p))?.kind !== 'dir') throw fsError('ENOENT', 'open', p);
    this.entries.set(p, { kind: 'file', data: Buffer.from(data), mtimeMs: this.clock++ });
  }

  async rename(from: string, to: string): Promise<void> {
    const e = this.get(norm(from), 'rename');
    this.entries.delete(norm(from));
    this.entries.set(norm(to), e);
  }

  async unlink(path: string): Promise<void> {
    this.get(norm(path), 'unlink');
    this.entries.delete(norm(path));
  }

  async stat(path: string): Promise<Stats> {
    const p = norm(path);
    return stats(this.get(p, 'stat'));
  }

  lstat(path: string): Promise<Stats> {
    return this.stat(path);
  }

  async readdir(path: string): Promise<Dirent[]> {
    const p = norm(path);
    const e = this.get(p, 'scandir');
    if (e.kind !== 'dir') throw fsError('ENOTDIR', 'scandir', p);
    const out: Dirent[] = [];
    for (const [child, entry] of this.entries) {
      if (child === p || posix.dirname(child) !== p) continue;
      out.push(dirent(posix.basename(child), p, entry));
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async realpath(path: string): Promise<string> {
    const p = norm(path);
    this.get(p, 'realpath');
    return p;
  }

  async access(path: string): Promise<void> {
    this.get(norm(path), 'access');
  }

  async chmod(path: string): Promise<void> {
    this.get(norm(path), 'chmod');
  }

  async mkdir(path: string): Promise<unknown> {
    this.makeDirs(norm(path));
    return undefined;
  }

  private get(p: string, syscall: string): Entry {
    const e = this.entries.get(p);
    if (!e) throw fsError('ENOENT', syscall, p);
    return e;
  }

  private makeDirs(dir: string): void {
    for (let d = dir; !this.entries.has(d); d = posix.dirname(d)) this.entries.set(d, { kind: 'dir' });
  }
}

function norm(path: string): string {
  if (!path.startsWith('/')) throw new Error(`MemoryFs: not an absolute POSIX path: ${path}`);
  return posix.normalize(path).replace(/(.)\/$/, '$1');
}

function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: ${syscall} '${path}'`);
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  return e;
}

function kinds(e: Entry) {
  return {
    isFile: () => e.kind === 'file',
    isDirectory: () => e.kind === 'dir',
    isFIFO: () => e.kind === 'fifo',
    isCharacterDevice: () => e.kind === 'device',
    isBlockDevice: () => false,
    isSocket: () => false,
    isSymbolicLink: () => false,
  };
}

function stats(e: Entry): Stats {
  const size = e.kind === 'file' ? e.data.length : 0;
  const mtimeMs = e.kind === 'file' ? e.mtimeMs : 0;
  return { ...kinds(e), size, mtimeMs, mtime: new Date(mtimeMs), mode: e.kind === 'dir' ? 0o40755 : 0o100644, ino: 0, dev: 0, nlink: 1, uid: 0, gid: 0 } as unknown as Stats;
}

function dirent(name: string, parentPath: string, e: Entry): Dirent {
  return { name, parentPath, path: parentPath, ...kinds(e) } as unknown as Dirent;
}
