import { KINDS } from '../rules/kinds/index.js';
import type { JsonSchema, RuleKind } from '../rules/kind.js';

/**
 * JSON Schemas for rule and config files, generated from the kinds' metadata. The engine
 * validates with the per-part schemas (for precise messages); editors get the combined one.
 */

export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

export const COMMON_RULE_PROPERTIES: Record<string, JsonSchema> = {
  kind: { enum: KINDS.map((k) => k.name), description: '规则类型' },
  severity: { enum: [...SEVERITIES], description: '严重程度：error、warning、info 或 off（关闭）' },
  message: { type: 'string', description: '诊断信息（中文），可用 {{占位符}}' },
  messages: { type: 'object', additionalProperties: { type: 'string' }, description: '按信息 id 覆盖其他诊断信息' },
  description: { type: 'string', description: '一句话说明（显示在规则列表和悬停提示中）' },
  doc: { type: 'string', description: '详细说明：为什么要这样写' },
  source: { type: 'string', description: '依据的文件和条款' },
  url: { type: 'string', description: '说明文档链接' },
  edition: { type: 'string', description: '只在该模板版本下生效' },
  years: {
    type: 'object',
    properties: { from: { type: 'integer', description: '起始年度（含）' }, to: { type: 'integer', description: '截止年度（含）' } },
    additionalProperties: false,
    description: '只对这些年度的报告生效（含两端），如 { from: 2021 }；报告年度无法识别时不运行',
  },
};

export function ruleSchema(kind: RuleKind, partial = false): JsonSchema {
  // One schema object per kind, so the validator compiles it once, not once per rule.
  let schemas = ruleSchemas.get(kind);
  if (!schemas) ruleSchemas.set(kind, (schemas = {}));
  return (schemas[partial ? 'partial' : 'full'] ??= {
    type: 'object',
    properties: { ...COMMON_RULE_PROPERTIES, ...kind.options },
    ...(partial ? {} : { required: ['kind', ...(kind.required ?? [])] }),
    additionalProperties: false,
  });
}

const ruleSchemas = new WeakMap<RuleKind, { full?: JsonSchema; partial?: JsonSchema }>();

const STRING_LIST = { type: 'array', items: { type: 'string', minLength: 1 } };

export const SECTION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, description: '部分名称（显示给用户）' },
    heading: { type: 'string', description: '标准标题，用于插入建议和补全' },
    level: { type: 'integer', minimum: 1, maximum: 5, description: '候选标题的层级：1 为「一、」，2 为「（一）」，默认 1' },
    within: { type: 'string', description: '上级部分 id：在其下级标题和段首句中识别' },
    order: { type: 'integer', minimum: 1, description: '在模板中的顺序（从 1 开始）' },
    keywords: { ...STRING_LIST, description: '标题含这些词即计分（每个 1 分）' },
    patterns: { ...STRING_LIST, description: 'RE2 正则，标题匹配任一即计 10 分' },
    exclude: { ...STRING_LIST, description: '标题含这些词时不可能是该部分' },
    minScore: { type: 'integer', minimum: 1, description: '识别所需的最低分，默认 1' },
    mentions: { ...STRING_LIST, description: '正文中表明涉及该主题的词（默认同 keywords）' },
    multiple: { type: 'boolean', description: '允许多个标题同属该部分' },
    fallbackBefore: { type: 'string', description: '未识别的同级标题若位于该部分之前，归入本部分' },
    edition: { type: 'string', description: '只在该模板版本下生效' },
  },
  additionalProperties: false,
};

const SEVERITY_OR_RULE = {
  anyOf: [{ enum: [...SEVERITIES] }, { type: 'object' }],
};

const TEMPLATE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: '模板版本 id' },
    name: { type: 'string', description: '模板版本名称' },
    years: {
      type: 'object',
      properties: { from: { type: 'integer' }, to: { type: 'integer' } },
      additionalProperties: false,
      description: '适用的报告年度范围（含两端）',
    },
    regions: { type: 'array', items: { type: 'string', minLength: 1 }, description: '只适用于这些省级地区的报告（如 [广东]）；不写则适用于所有地区' },
    default: { type: 'boolean', description: '年度无法识别时使用此模板' },
  },
  required: ['id', 'name'],
  additionalProperties: false,
};

const OVERRIDE_SCHEMA = {
  type: 'object',
  properties: {
    files: { ...STRING_LIST, minItems: 1, description: '相对于配置文件的 glob' },
    excludedFiles: { ...STRING_LIST, description: '排除的 glob' },
    edition: { type: 'string', description: '这些文件使用的模板版本（auto 或版本 id）' },
    region: { type: 'string', description: '这些报告所属的省级地区（如 广东），用于选择模板版本' },
    rules: { type: 'object', additionalProperties: SEVERITY_OR_RULE },
  },
  required: ['files'],
  additionalProperties: false,
};

/** Top level of a rule or config file; rules and sections are validated one by one afterwards. */
export const FILE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    extends: {
      anyOf: [{ type: 'string' }, STRING_LIST],
      description: '继承的规则包或文件：fzlint:recommended、fzlint:strict、fzlint:guangdong-2024、./my-rules.yaml',
    },
    template: TEMPLATE_SCHEMA,
    edition: { type: 'string', description: '模板版本：auto（按报告年度和地区自动选择，默认）或版本 id' },
    region: { type: 'string', description: '报告所属的省级地区（如 广东）；不写时从报告的单位、标题等识别，识别不到时按全国通用格式检查' },
    sections: { type: 'object', additionalProperties: { type: 'object' }, description: '部分定义' },
    rules: { type: 'object', additionalProperties: SEVERITY_OR_RULE, description: '规则：新增、覆盖或设置严重程度' },
    overrides: { type: 'array', items: OVERRIDE_SCHEMA, description: '按文件 glob 覆盖设置' },
    files: { ...STRING_LIST, description: '哪些文件是报告（编辑器和目录检查使用）' },
    ignores: { ...STRING_LIST, description: '忽略的文件 glob' },
    previous: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: '上一年度报告：{ 本年报告路径: 上年报告路径 }（相对于配置文件）',
    },
    docsUrl: {
      type: 'string',
      pattern: '^(https?|file)://',
      description: '规则说明文档（生成的 rules.html）的地址，如单位内网上的副本；内置规则链接到「地址#规则id」。默认为随程序安装的文档',
    },
    copies: {
      type: 'object',
      properties: {
        threshold: { type: 'number', minimum: 0.3, maximum: 1, description: '段落相似度阈值：本段（套话以外）的文字在另一份报告中出现的比例，默认 0.7' },
        minChars: { type: 'integer', minimum: 10, description: '参与比较的最短段落（不计标点和空白的字数），默认 50' },
        commonIn: { type: 'integer', minimum: 2, maximum: 50, description: '同一批次中这么多个单位的报告都有的文字算作套话、不计为抄袭，默认 3' },
      },
      additionalProperties: false,
      description: '批量检查时查找报告之间互相抄袭的段落（规则 fzlint/copied-passage；关闭请在 rules 中写 off）',
    },
    allowExternalPrevious: {
      type: 'boolean',
      description: '允许报告 front matter 的 previous 指向配置文件所在文件夹、工作目录和报告所在文件夹以外的文件（默认不允许）',
    },
  },
  additionalProperties: false,
};

/** One schema for editors (YAML extension): everything above, rules checked by kind. */
export function editorSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {
    common: { type: 'object', properties: COMMON_RULE_PROPERTIES },
    section: SECTION_SCHEMA,
    ruleValue: {
      anyOf: [
        { enum: [...SEVERITIES] },
        {
          allOf: [
            { $ref: '#/definitions/common' },
            ...KINDS.map((k) => ({
              if: { properties: { kind: { const: k.name } }, required: ['kind'] },
              then: { $ref: `#/definitions/kind-${k.name}` },
            })),
          ],
        },
      ],
    },
  };
  for (const k of KINDS) definitions[`kind-${k.name}`] = { ...ruleSchema(k), description: k.summary };
  const props = FILE_SCHEMA.properties as Record<string, JsonSchema>;
  const rules = { type: 'object', additionalProperties: { $ref: '#/definitions/ruleValue' }, description: '规则：新增、覆盖或设置严重程度' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://fzlint.dev/schema/fzlint.schema.json',
    title: 'fzlint 配置与规则文件',
    type: 'object',
    definitions,
    properties: {
      ...props,
      sections: { type: 'object', additionalProperties: { $ref: '#/definitions/section' }, description: '部分定义' },
      rules,
      overrides: { type: 'array', items: { ...OVERRIDE_SCHEMA, properties: { ...OVERRIDE_SCHEMA.properties, rules } } },
    },
    additionalProperties: false,
  };
}
