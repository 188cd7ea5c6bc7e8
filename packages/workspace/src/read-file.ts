import { describeFsError, type WorkspaceFs } from './fs.js';

/**
 * Size limits for the files fzlint reads. A path in a config file, a front matter or a flag can
 * name anything: /dev/zero and /dev/urandom never end, a FIFO blocks its reader forever (in the
 * server it holds one of libuv's four threads), a log file can be gigabytes. Only regular files
 * within these sizes are read.
 */
export const READ_LIMITS = {
  /** Config and rule files (.fzlint.yaml, extends). */
  config: 4 * 1024 * 1024,
  /** Ignore files (.gitignore, .fzlintignore). */
  ignore: 4 * 1024 * 1024,
  /** A report, or last year's report named explicitly. */
  report: 64 * 1024 * 1024,
  /** A file looked at while searching a folder for last year's report. */
  candidate: 8 * 1024 * 1024,
} as const;

/** A file that is not read: not a regular file, too large, or unreadable. The message is Chinese and names the path. */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'not-regular' | 'too-large' | 'io',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/**
 * Reads a regular file of at most `maxBytes` bytes (symbolic links followed). Anything else —
 * a directory, a device, a FIFO, a socket, a larger file — is refused before it is opened.
 */
export async function readRegularFile(fs: WorkspaceFs, path: string, maxBytes: number): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new FileReadError(path, 'io', describeFsError(e), (e as NodeJS.ErrnoException)?.code);
  }
  if (!stat.isFile()) throw new FileReadError(path, 'not-regular', `不是普通文件（${fileKind(stat)}），不予读取`);
  if (stat.size > maxBytes) throw new FileReadError(path, 'too-large', `文件过大（${megabytes(stat.size)}，上限 ${megabytes(maxBytes)}），不予读取`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    throw new FileReadError(path, 'io', describeFsError(e), (e as NodeJS.ErrnoException)?.code);
  }
  // A file that grew between the two calls (a log being written) is still held to the limit.
  if (bytes.length > maxBytes) throw new FileReadError(path, 'too-large', `文件过大（超过 ${megabytes(maxBytes)}），不予读取`);
  return bytes;
}

/** readRegularFile as UTF-8 text, a byte-order mark dropped (config, rule and ignore files). */
export async function readRegularText(fs: WorkspaceFs, path: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(fs, path, maxBytes)).toString('utf8').replace(/^\ufeff/, '');
}

export function fileKind(stat: { isDirectory(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return '这是一个目录';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '这是一个设备';
  if (stat.isFIFO()) return '这是一个命名管道';
  if (stat.isSocket()) return '这是一个套接字';
  return '不是文件';
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
