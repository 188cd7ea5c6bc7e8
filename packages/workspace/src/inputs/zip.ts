import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Parts larger than this are not document text (a zip bomb, or embedded media). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export class ZipError extends Error {}

export interface ZipEntries {
  names: string[];
  has(path: string): boolean;
  /** A part decoded as XML text (UTF-8, or UTF-16 with a byte order mark). */
  text(path: string): string | undefined;
}

/** The parts of a zip package that `want` selects, inflated in memory (media and other parts are not). */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): ZipEntries {
  const files = inflate(bytes, want);
  // Part names are case-insensitive in OPC packages.
  const byLower = new Map(Object.keys(files).map((k) => [k.toLowerCase(), k]));
  const get = (path: string) => {
    const key = byLower.get(path.replace(/^\//, '').toLowerCase());
    return key === undefined ? undefined : files[key];
  };
  return {
    names: Object.keys(files),
    has: (path) => get(path) !== undefined,
    text: (path) => {
      const data = get(path);
      if (!data) return undefined;
      if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
      if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
      return new TextDecoder('utf-8').decode(data);
    },
  };
}

/** The names in a zip's central directory, without inflating anything (to tell a .docx from other zips). */
export function zipNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return names.length ? names : undefined;
  }
  return names;
}

/** Every part of a zip package in the order of its directory, inflated (within the same limits as readZip). */
export function readZipParts(bytes: Uint8Array): Array<{ name: string; data: Uint8Array }> {
  return Object.entries(inflate(bytes, () => true)).map(([name, data]) => ({ name, data }));
}

/** The parts `want` selects, inflated, refusing a part or a total beyond the limits (a zip bomb). */
function inflate(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!want(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new ZipError(`「${f.name}」解压后超过 ${MAX_PART_BYTES >> 20} MB`);
        total += f.originalSize;
        if (total > MAX_TOTAL_BYTES) throw new ZipError(`解压后超过 ${MAX_TOTAL_BYTES >> 20} MB`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`不是有效的 zip 压缩包：${(e as Error)?.message ?? e}`);
  }
}

/** Already compressed media: stored as they are rather than deflated again. */
const STORED = /\.(?:png|jpe?g|gif|tiff?|wdp|jxr|mp[34]|m4a|wav|zip|docx|xlsx|pptx|odt)$/i;

/** A zip package of these parts, in this order (the content types part first, as Office writes it). */
export function writeZipParts(parts: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const files: Zippable = {};
  for (const p of parts) files[p.name] = [p.data, { level: STORED.test(p.name) ? 0 : 6 }];
  return zipSync(files);
}
