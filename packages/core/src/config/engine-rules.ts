import { registry } from '../registry.js';
import type { Severity } from '../types.js';

/** Findings the engine itself produces; their severity is configurable like any rule's. */
export const ENGINE_RULES: Readonly<Record<string, { severity: Severity; description: string; doc: string }>> = registry({
  'fzlint/front-matter': {
    severity: 'error',
    description: 'Markdown 文首的 YAML 元数据（front matter）无法解析',
    doc: 'front matter 中的 year、unit、previous 用于识别报告年度、单位和上一年度报告；格式错误时这些信息不可用。',
  },
  'fzlint/markdown-depth': {
    severity: 'info',
    description: 'Markdown 嵌套层级过深，已按纯文本检查',
    doc: '列表或引用嵌套超过 16 层的 Markdown 会让解析时间急剧增长；这样的文件按纯文本检查（每行一段），结果仍然有效，但 Markdown 标题和代码块不再被识别。',
  },
  'fzlint/no-rules': {
    severity: 'info',
    description: '配置文件没有定义或继承任何规则',
    doc: '.fzlint.yaml 不写 extends 时不会自动继承内置规则包（与 ESLint、Vale 一致）。若要在内置规则的基础上调整，请写 extends: fzlint:recommended；若确实只用自己的规则，请在 rules 中定义。',
  },
  'fzlint/year-unknown': {
    severity: 'info',
    description: '未能识别报告年度，按默认模板检查',
    doc:
      '报告年度从 front matter 的 year、标题、开头段落（包括「根据《……》，现将2024年……」）、各部分标题（「一、2024年……主要举措」「（一）2023年度存在问题的整改情况」「2025年工作安排」）或落款日期中识别；' +
      '网页上的日期（发布时间、页面时钟）和所引文件中的年份不算。识别不到时按标为 default 的模板（全国五项内容格式）检查，不会套用只适用于某些年度的格式。',
  },
  'fzlint/region-unknown': {
    severity: 'info',
    description: '未能识别报告所属地区，按全国通用格式检查',
    doc:
      '广东省六部分格式只适用于广东省2023年度起的报告。地区从 front matter 的 region、单位名称、标题、落款、主送机关或正文中的地名识别。' +
      '识别不到而该年度有地区专用格式时，按全国五项内容格式检查并给出本提示；在 .fzlint.yaml 或报告的 front matter 中写 region: 广东 即可按广东省格式检查。',
  },
  'fzlint/not-annual-report': {
    severity: 'warning',
    description: '标题表明这不是法治政府建设年度报告',
    doc:
      '标题以「政府信息公开工作年度报告」「政策解读」「政府工作报告」「述职报告」「工作要点」等结尾的文件不是法治政府建设年度报告，多是混进待审文件夹或从网站一并复制来的。' +
      '这样的文件不按任何模板版本检查各部分、数据要点和落款（否则满篇都是缺少部分的错误），只检查用语、数字和公开安全等与格式无关的规则。' +
      '若它确实是年度报告（例如标题写法特殊），在 .fzlint.yaml 或文首 front matter 中写明 edition（如 edition: national-2019）即按该版本检查。',
  },
  'fzlint/edition-unknown': {
    severity: 'error',
    description: '指定的模板版本不存在',
    doc: '编辑器设置或调用方指定的模板版本（edition）不是配置中定义的版本。检查已按 auto 进行，但结果可能不是想要的；请改为提示中的版本 id。',
  },
  'fzlint/unused-disable': {
    severity: 'info',
    description: 'fzlint-disable 注释没有屏蔽任何问题',
    doc: 'Markdown 中的 <!-- fzlint-disable… --> 注释用来屏蔽某处的问题。问题改好以后，注释就没有用了，留着反而会屏蔽以后新出现的问题，应当删除（--fix 会删除）。与 ESLint 的未使用的禁用指令（reportUnusedDisableDirectives）相同。',
  },
  'fzlint/rule-timeout': {
    severity: 'error',
    description: '某条规则检查本报告超过时限，已停止',
    doc: '每条规则检查一份报告有时间上限（命令行默认 10 秒，可用 --rule-timeout 调整；编辑器中整份报告默认 2 秒，设置 fzlint.lintTimeoutMs）。超时的规则被停止、其结果不计，其余规则照常检查。正常的报告远达不到这个上限；出现这条提示多半是 fzlint 的缺陷，请附上报告内容反馈。',
  },
  'fzlint/copied-passage': {
    severity: 'warning',
    description: '段落与同一批次中另一单位同年度的报告基本相同',
    doc: '一次检查多份报告（一个文件夹或多个文件）时，fzlint 比较同一年度、不同单位的报告，找出与另一份报告基本相同的段落：逐字相同的，也有只改了几个字、换了单位名称或数字的。许多报告都有的套话（同一批次中三个及以上单位都有的文字）不计。每处在两份报告上各报告一次，并指向另一份报告的对应段落。只检查一个文件时不运行。关闭：rules 中写 fzlint/copied-passage: off（或命令行 --rule fzlint/copied-passage:off）；配置文件的 copies 可调整相似度阈值 threshold（默认 0.7）、最短段落字数 minChars（默认 50）和套话的单位数 commonIn（默认 3）。',
  },
  'fzlint/rule-error': {
    severity: 'error',
    description: '某条规则执行时出错，已跳过',
    doc: '这是 fzlint 的缺陷而不是报告的问题；检查的其余部分不受影响。请附上报告内容反馈。',
  },
});
