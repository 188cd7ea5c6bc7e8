// Generates files that must never be written by hand twice: the JSON Schema for config and
// rule files, and the rule and rule-kind docs. All come from the kinds' metadata and the packs.
// `writeGenerated(root, { write })` returns the files that differ from what is on disk.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function generatedFiles(root) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const { HOST_RULES } = await import(pathToFileURL(join(root, 'packages/workspace/dist/host-findings.js')).href);
  const engine = core.createEngine({ readFile: async () => { throw new Error('no files'); } });
  const strict = await engine.loadConfig({ extends: ['fzlint:strict'] });
  const recommended = await engine.loadConfig();
  const kinds = kindsDoc(core);
  const rules = rulesDoc(core, HOST_RULES, recommended, strict);
  return {
    'schema/fzlint.schema.json': `${JSON.stringify(core.editorSchema(), null, 2)}\n`,
    'docs/rule-kinds.md': kinds,
    'docs/rules.md': rules,
    // The pages rule links point to (SARIF helpUri, LSP codeDescription, the HTML report): each rule's
    // section has the rule id as its anchor (rules.html#gd2024/signature).
    'docs/rule-kinds.html': await docPage(kinds, '规则类型'),
    'docs/rules.html': await docPage(rules, '内置规则'),
  };
}

export async function writeGenerated(root, { write }) {
  const files = await generatedFiles(root);
  const changed = [];
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    changed.push(path);
    if (write) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
  return changed;
}

const HEADER = '<!-- 由 scripts/generate.mjs 根据规则类型元数据和内置规则包生成，请勿手工修改；运行 npm run gen 更新。 -->\n\n';

function schemaType(s) {
  if (s.enum) return s.enum.map((v) => `\`${v}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(schemaType).join(' 或 ');
  if (s.type === 'array') return `${schemaType(s.items ?? {})} 列表`;
  return s.type ?? '任意';
}

function kindsDoc(core) {
  const out = [HEADER, '# 规则类型（kind）\n\n'];
  out.push('规则文件中的每条规则都属于下面一种类型，由 `kind:` 指定。规则文件只是数据：不执行任何代码。\n\n');
  out.push('所有规则都可以写：`kind`、`severity`（error / warning / info / off）、`message`（可用 `{{占位符}}`）、`messages`（按信息 id 覆盖）、`description`、`doc`、`source`（依据）、`url`、`edition`（只在某模板版本下生效）、`years`（只对某些年度的报告生效，如 `{ from: 2021 }`；报告年度无法识别时不运行）。\n\n');
  out.push('正则表达式一律使用 RE2 语法（与 Go、Vale 相同）：匹配时间与文本长度成线性关系，任何写法都不会让检查卡死；不支持反向引用和前后断言，写了会在加载规则文件时报错并指出行列。\n\n');
  for (const k of core.KINDS) {
    out.push(`## ${k.name}\n\n${k.summary}\n\n${k.docs}\n\n`);
    const opts = Object.entries(k.options);
    if (opts.length) {
      out.push('| 选项 | 类型 | 必填 | 说明 |\n|---|---|---|---|\n');
      for (const [name, s] of opts) out.push(`| \`${name}\` | ${schemaType(s)} | ${(k.required ?? []).includes(name) ? '是' : ''} | ${s.description ?? ''} |\n`);
      out.push('\n');
    }
    out.push('信息（可用 `message` / `messages.<id>` 覆盖）：\n\n');
    for (const [id, m] of Object.entries(k.messages)) out.push(`- \`${id}\`：${m}\n`);
    if (k.placeholders) out.push(`\n占位符：${Object.entries(k.placeholders).map(([p, d]) => `\`{{${p}}}\` ${d}`).join('；')}\n`);
    if (k.fixable) out.push(`\n修复：${k.fixable === 'fix' ? '提供自动修复（--fix 可应用）' : '提供编辑器中的修复建议（不自动应用）'}\n`);
    out.push(`\n示例：\n\n\`\`\`yaml\nrules:\n  my-rule:\n${k.example.split('\n').map((l) => `    ${l}`).join('\n')}\n\`\`\`\n\n`);
  }
  return out.join('');
}

function rulesDoc(core, hostRules, recommended, strict) {
  const out = [HEADER, '# 内置规则\n\n'];
  out.push('`fzlint:recommended` 是默认配置；`fzlint:strict` 在其基础上提高了部分规则的严重程度。模板版本（edition）按报告年度和所属地区自动选择（地区从单位名称、标题、落款等识别，或在配置、front matter 中用 `region:` 写明）：\n\n');
  for (const e of recommended.editions) {
    const years = e.from && e.to ? `${e.from}–${e.to}年度` : e.from ? `${e.from}年度起` : e.to ? `${e.to}年度及以前` : '所有年度';
    const regions = e.regions?.length ? `${e.regions.join('、')}的` : '';
    out.push(`- \`${e.id}\`：${e.name}（${regions}${years}${regions ? '报告' : ''}${e.default ? '；年度无法识别时使用' : ''}）\n`);
  }
  out.push('\n');
  const strictSeverity = new Map(strict.ruleDefinitions().map((d) => [d.id, d.severity]));
  const defs = recommended.ruleDefinitions();
  const groups = new Map();
  for (const d of defs) {
    const pack = d.origin.pack ?? d.origin.file;
    if (!groups.has(pack)) groups.set(pack, []);
    groups.get(pack).push(d);
  }
  for (const [pack, list] of groups) {
    out.push(`## fzlint:${pack}\n\n| 规则 | 类型 | recommended | strict | 说明 |\n|---|---|---|---|---|\n`);
    for (const d of list) out.push(`| [\`${d.id}\`](#${anchor(d.id)}) | ${d.kind} | ${d.severity} | ${strictSeverity.get(d.id) ?? d.severity} | ${d.description ?? ''} |\n`);
    out.push('\n');
  }
  out.push('## 引擎自身的诊断\n\n');
  for (const [id, r] of Object.entries(core.ENGINE_RULES)) out.push(`### ${id}\n\n默认：${r.severity}。${r.description}。${r.doc}\n\n`);
  out.push('## 读取文件时的诊断\n\n');
  for (const [id, r] of Object.entries(hostRules)) if (!(id in core.ENGINE_RULES)) out.push(`### ${id}\n\n默认：${r.severity}。${r.description}。${r.doc}\n\n`);
  out.push('## 规则说明\n\n');
  for (const d of defs) {
    out.push(`### ${d.id}\n\n`);
    if (d.description) out.push(`${d.description}。\n\n`);
    if (d.doc) out.push(`${d.doc}\n\n`);
    out.push(`- 类型：\`${d.kind}\`（见 [rule-kinds.md](rule-kinds.md#${d.kind})）\n- 默认严重程度：${d.severity}${d.edition ? `\n- 模板版本：\`${d.edition}\`` : ''}${d.years ? `\n- 适用年度：${yearsText(d.years)}` : ''}\n`);
    if (d.source) out.push(`- 依据：${d.source}\n`);
    out.push('\n');
  }
  return out.join('');
}

function yearsText(y) {
  if (y.from !== undefined && y.to !== undefined) return y.from === y.to ? `${y.from}年度` : `${y.from}–${y.to}年度`;
  return y.from !== undefined ? `${y.from}年度起` : `${y.to}年度及以前`;
}

function anchor(id) {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/**
 * A Markdown doc as a standalone page (micromark with GFM tables): headings that are rule ids or
 * kind names get that id as their anchor, and links between the docs point at the pages.
 */
async function docPage(markdown, title) {
  const { micromark } = await import('micromark');
  const { gfmTable, gfmTableHtml } = await import('micromark-extension-gfm-table');
  const ids = new Map();
  const body = micromark(markdown.replace(/^<!--.*-->\n/, ''), { allowDangerousHtml: false, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] })
    .replace(/<h([23])>(?:<code>)?([a-z0-9][a-z0-9/-]*)(?:<\/code>)?<\/h\1>/g, (_, level, id) => {
      ids.set(anchor(id), id);
      return `<h${level} id="${id}">${id}</h${level}>`;
    })
    .replace(/href="(rules|rule-kinds)\.md#/g, 'href="$1.html#');
  const html = body.replace(/href="#([a-z0-9-]+)"/g, (m, slug) => (ids.has(slug) ? `href="#${ids.get(slug)}"` : m));
  return `<!doctype html>
<!-- 由 scripts/generate.mjs 生成，请勿手工修改；运行 npm run gen 更新。 -->
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fzlint ${title}</title>
<style>
body { font: 16px/1.7 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; background: #f6f8fa; border-radius: 4px; } code { padding: .1rem .3rem; } pre { padding: .8rem; overflow: auto; }
h3 { border-top: 1px solid #d0d7de; padding-top: 1rem; font-family: ui-monospace, Consolas, monospace; } :target { background: #fff8c5; }
</style>
</head>
<body>
${html}</body>
</html>
`;
}
