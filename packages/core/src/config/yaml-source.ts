import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigProblem } from '../types.js';
import { tooDeepMessage, yamlTooDeep } from './yaml-depth.js';
import { explainYamlError } from './yaml-errors.js';

export type YamlPath = Array<string | number>;

/** A parsed YAML file that can point back at the line and column of any value or key. */
export interface YamlSource {
  file: string;
  data: unknown;
  locate(path: YamlPath, key?: boolean): Omit<ConfigProblem, 'file' | 'message'>;
  problem(path: YamlPath, message: string, key?: boolean): ConfigProblem;
}

export function parseYamlSource(file: string, text: string): { source?: YamlSource; problems: ConfigProblem[] } {
  const deep = yamlTooDeep(text);
  if (deep) {
    const before = text.slice(0, deep.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = deep.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
    return { problems: [{ file, line, column, message: tooDeepMessage(deep) }] };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    return { problems: [{ file, line: 1, column: 1, message: `无法解析 YAML：${(e as Error).message}` }] };
  }
  const pos = (offset: number) => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => {
        const [s, end] = e.pos;
        const a = pos(s);
        const b = pos(end);
        return {
          file,
          line: a.line,
          column: a.col,
          endLine: b.line,
          endColumn: b.col,
          message: explainYamlError(e.code, e.message),
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { problems: [{ file, line: 1, column: 1, message: `无法读取 YAML：${(e as Error).message}` }] };
  }
  const locate = (path: YamlPath, key = false) => {
    let node: unknown = doc.contents;
    let range: [number, number, number] | undefined = (doc.contents as Node | null)?.range ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (last && key && isScalar(pair.key)) {
          range = pair.key.range ?? range;
          break;
        }
        node = pair.value;
        range = (pair.value as Node | null)?.range ?? (isScalar(pair.key) ? pair.key.range : undefined) ?? range;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (!item) break;
        node = item;
        range = (item as Node).range ?? range;
      } else break;
    }
    const a = pos(range?.[0] ?? 0);
    const b = pos(range?.[1] ?? range?.[0] ?? 0);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  return {
    source: {
      file,
      data,
      locate,
      problem: (path, message, key) => ({ file, ...locate(path, key), message }),
    },
    problems: [],
  };
}

/**
 * A built-in pack: its data was parsed at build time (parsing ~100 KB of YAML costs every
 * process ~0.2 s); the text is parsed only if a position is ever asked for (a problem in a
 * built-in pack, which only happens while developing the packs).
 */
export function prebuiltYamlSource(file: string, text: string, data: unknown): YamlSource {
  let parsed: YamlSource | undefined;
  const real = () => (parsed ??= parseYamlSource(file, text).source!);
  return {
    file,
    data,
    locate: (path, key) => real().locate(path, key),
    problem: (path, message, key) => real().problem(path, message, key),
  };
}
