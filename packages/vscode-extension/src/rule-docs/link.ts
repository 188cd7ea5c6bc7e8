/**
 * Where a diagnostic's rule is documented, and the command link that shows it inside VS Code.
 * Pure (no `vscode` import): the language client rewrites diagnostics with it and unit tests run it.
 */

export const SHOW_RULE_DOC_COMMAND = 'fzlint.showRuleDoc';

/** A rule and the address of its documentation (the server's LSP codeDescription.href). */
export interface RuleDoc {
  ruleId: string;
  href: string;
}

/** The parts of a `vscode.Uri` this module reads. */
export interface UriLike {
  scheme: string;
  path: string;
  query: string;
  toString(skipEncoding?: boolean): string;
}

/**
 * The docs installed with the extension are a local HTML file (file: URL). VS Code would open that
 * as HTML source; such links are shown in a webview instead. Published docs (http, https) open in
 * the browser as they are.
 */
export function isLocalDoc(href: string): boolean {
  return href.startsWith('file:');
}

/** `command:fzlint.showRuleDoc?[…]`: what the Problems panel and the hover open when the rule id is clicked. */
export function ruleDocCommandLink(doc: RuleDoc): string {
  return `command:${SHOW_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([doc]))}`;
}

/** The rule documentation a diagnostic's `code` points to: the plain link, or the command link made from it. */
export function ruleDocOfCode(code: { value: string | number; target: UriLike } | string | number | undefined): RuleDoc | undefined {
  if (code === undefined || typeof code !== 'object') return undefined;
  const { target } = code;
  if (target.scheme === 'command') return target.path === SHOW_RULE_DOC_COMMAND ? parseCommandArgs(target.query) : undefined;
  return { ruleId: String(code.value), href: target.toString(true) };
}

function parseCommandArgs(query: string): RuleDoc | undefined {
  let args: unknown;
  try {
    args = JSON.parse(query);
  } catch {
    return undefined;
  }
  return Array.isArray(args) && isRuleDoc(args[0]) ? args[0] : undefined;
}

export function isRuleDoc(value: unknown): value is RuleDoc {
  const v = value as Partial<RuleDoc> | null;
  return typeof v === 'object' && v !== null && typeof v.ruleId === 'string' && typeof v.href === 'string';
}
