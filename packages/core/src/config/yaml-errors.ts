/**
 * The yaml parser's error codes, explained in Chinese for people who write a .fzlint.yaml once a
 * year. The parser's own English text follows in brackets, for searching.
 */
const EXPLAINED: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    BAD_INDENT: '缩进不对：同一层的各项须从同一列开始，下一层比上一层多缩进（用空格）',
    TAB_AS_INDENT: '缩进用了制表符（Tab）：YAML 只能用空格缩进',
    DUPLICATE_KEY: '同一层里出现了两个相同的键，请合并或删去一个',
    MISSING_CHAR: '缺少配对的符号：方括号 [ ]、花括号 { } 或引号没有闭合',
    BLOCK_IN_FLOW: '方括号或花括号（[ ] { }）里不能换行写成多行的列表或映射',
    MULTILINE_IMPLICIT_KEY: '键（冒号前的部分）不能跨行；可能是上一行少了冒号或引号没有闭合',
    BLOCK_AS_IMPLICIT_KEY: '这里不能开始一个新的列表或映射；可能是缩进不对或少了冒号',
    UNEXPECTED_TOKEN: '出现了不该出现的符号；检查这一行的冒号、短横线、引号和缩进',
    BAD_SCALAR_START: '值不能以这个符号开头（如 @ ` % 等）；请给它加上引号',
    BAD_DQ_ESCAPE: '双引号里的反斜杠转义写法不对；正则表达式请改用单引号',
    MULTIPLE_DOCS: '一个文件里有多个 YAML 文档（出现了单独一行的 ---）；配置文件只能有一个',
    KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）；可能是少了冒号后的空格',
    BAD_ALIAS: '别名（*名称）写法不对',
    MISSING_ANCHOR: '别名（*名称）引用了不存在的锚点（&名称）',
    NON_STRING_KEY: '键须是文字',
  }),
);

/** The Chinese explanation of a yaml error, with the parser's own first line kept for reference. */
export function explainYamlError(code: string | undefined, message: string): string {
  const original = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // An unclosed [ or { is reported as an indentation error ("… must be sufficiently indented and end with a ]").
  const key = /end with an? [\]}]/.test(original) ? 'MISSING_CHAR' : code;
  const explained = key !== undefined && Object.hasOwn(EXPLAINED, key) ? EXPLAINED[key] : undefined;
  return explained ? `YAML 格式错误：${explained}（${original}）` : `YAML 格式错误：${original}`;
}
