import type { InputRuleId } from './types.js';

/** Findings the readers make about a file itself, documented like rules (hover, explain, SARIF). */
export const INPUT_RULES: Readonly<Record<InputRuleId, { severity: 'info' | 'warning' | 'error'; description: string; doc: string }>> = Object.freeze({
  'fzlint/tracked-changes': {
    severity: 'info',
    description: 'Word 文档中有未接受的修订',
    doc:
      'Word 或 WPS 的「修订」模式留下的插入、删除和格式修改尚未接受或拒绝。fzlint 按「全部接受」后的文字检查（删除的文字不查，插入的文字查）。' +
      '公开发布前应在「审阅」中接受或拒绝全部修订：带修订的文件公开后，删去的内容仍可被看到。',
  },
});
