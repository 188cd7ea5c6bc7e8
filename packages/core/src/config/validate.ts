import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema } from '../rules/kind.js';
import type { ConfigProblem } from '../types.js';
import type { YamlPath, YamlSource } from './yaml-source.js';

let ajvClass: typeof Ajv | undefined;
let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Loads the JSON Schema validator. Only user rule and config files are validated (the built-in
 * packs are checked by the tests), so a run with the default config never loads Ajv.
 */
export async function loadValidator(): Promise<void> {
  // Node gives a CommonJS module's exports by name, a bundle only as `default`.
  const mod = (await import('ajv')) as { Ajv?: typeof Ajv; default?: { Ajv?: typeof Ajv } };
  ajvClass ??= mod.Ajv ?? mod.default?.Ajv;
}

function validator(schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    if (!ajvClass) throw new Error('fzlint: loadValidator() must be awaited before validating');
    ajv ??= new ajvClass({ allErrors: true, strict: false, verbose: true });
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length]![b.length]!;
}

/** "Did you mean" for a misspelt key or value. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function pathOf(instancePath: string): YamlPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function describePath(path: YamlPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join(' › ');
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v: unknown = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p as string] : undefined;
  return v;
}

function explain(e: ErrorObject, data: unknown): { message: string; key?: boolean; extra?: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { message: `缺少必填项「${p.missingProperty}」` };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys(((e.parentSchema as JsonSchema)?.properties as object) ?? {}).filter((k) => k !== '$schema');
      const guess = closest(name, allowed);
      return {
        message: `未知的字段「${name}」${guess ? `，是否要写「${guess}」？` : ''}可用字段：${allowed.join('、')}`,
        key: true,
        extra: name,
      };
    }
    case 'type': {
      const want = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('或');
      return { message: `应为${want}，实为${TYPE_NAMES[typeOf(valueAt(data, pathOf(e.instancePath)))] ?? '其他'}` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const actual = String(valueAt(data, pathOf(e.instancePath)));
      const guess = closest(actual, allowed);
      return { message: `取值「${actual}」无效${guess ? `，是否要写「${guess}」？` : ''}可选：${allowed.join('、')}` };
    }
    case 'const':
      return { message: `取值应为「${String(p.allowedValue)}」` };
    case 'minItems':
      return { message: `至少需要 ${p.limit} 项` };
    case 'minLength':
      return { message: '不能为空' };
    case 'minimum':
      return { message: `不能小于 ${p.limit}` };
    case 'maximum':
      return { message: `不能大于 ${p.limit}` };
    case 'pattern':
      return { message: `格式不正确（应匹配 ${p.pattern}）` };
    default:
      return { message: e.message ?? '取值无效' };
  }
}

/**
 * Validates `data` (found at `base` inside `source`) against a schema and returns problems
 * positioned at the offending YAML nodes, in Chinese.
 */
export function validateAt(schema: JsonSchema, data: unknown, source: YamlSource, base: YamlPath, context: string): ConfigProblem[] {
  const fn = validator(schema);
  if (fn(data)) return [];
  const errors = fn.errors ?? [];
  // anyOf produces one error per branch; report the alternative as a whole instead.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const inAnyOf = [...anyOfPaths].some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    let message: string;
    let key = false;
    let path = pathOf(e.instancePath);
    if (e.keyword === 'anyOf') {
      const desc = (e.parentSchema as JsonSchema)?.description;
      message = `取值形式不正确${desc ? `：${desc}` : ''}`;
    } else if (inAnyOf) continue;
    else {
      const r = explain(e, data);
      message = r.message;
      key = r.key === true;
      if (r.extra) path = [...path, r.extra];
    }
    const where = describePath(context ? path : [...base, ...path]);
    const full = `${context}${where ? `${context ? ' › ' : ''}${where}` : ''}：${message}`;
    if (seen.has(full)) continue;
    seen.add(full);
    out.push(source.problem([...base, ...path], full, key));
  }
  return out;
}
