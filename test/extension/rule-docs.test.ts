// 查看规则说明 (packages/vscode-extension/src/rule-docs): the command link that replaces a rule id's
// file: link and the way back to the rule, and the webview page made from the generated docs,
// whose script is run here on the real docs/rules.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { URI } from 'vscode-uri';
import { describe, expect, test } from 'vitest';
import { isLocalDoc, ruleDocCommandLink, ruleDocOfCode, SHOW_RULE_DOC_COMMAND } from '../../packages/vscode-extension/src/rule-docs/link.js';
import { docPage } from '../../packages/vscode-extension/src/rule-docs/page.js';
import { ROOT } from '../helpers.js';

const RULES_HTML = join(ROOT, 'packages/vscode-extension/docs/rules.html');
const href = (id: string) => `${pathToFileURL(RULES_HTML).href}#${id}`;

describe('rule doc links', () => {
  test('a file: link becomes a command link that gives the rule and the link back', () => {
    const doc = { ruleId: 'gd2024/part-order', href: href('gd2024/part-order') };
    // vscode-uri is the Uri implementation VS Code uses: parsed as VS Code parses the link.
    const link = URI.parse(ruleDocCommandLink(doc));
    expect(link.scheme).toBe('command');
    expect(link.path).toBe(SHOW_RULE_DOC_COMMAND);
    expect(ruleDocOfCode({ value: doc.ruleId, target: link })).toEqual(doc);
  });

  test('the plain link of a diagnostic gives its rule; other codes give nothing', () => {
    const target = URI.parse(href('fzlint/front-matter'));
    expect(ruleDocOfCode({ value: 'fzlint/front-matter', target })).toEqual({ ruleId: 'fzlint/front-matter', href: target.toString(true) });
    expect(URI.parse(ruleDocOfCode({ value: 'x', target })!.href).fragment).toBe('fzlint/front-matter');
    expect(ruleDocOfCode('gd2024/title')).toBeUndefined();
    expect(ruleDocOfCode(undefined)).toBeUndefined();
    expect(ruleDocOfCode({ value: 'x', target: URI.parse('command:other.command?%5B%5D') })).toBeUndefined();
    expect(ruleDocOfCode({ value: 'x', target: URI.parse(`command:${SHOW_RULE_DOC_COMMAND}?not-json`) })).toBeUndefined();
  });

  test('only local docs are shown in the panel; published ones open in the browser', () => {
    expect(isLocalDoc(href('a'))).toBe(true);
    expect(isLocalDoc('https://example.org/rules.html#a')).toBe(false);
  });
});

interface RunPage {
  document: Document;
  posted: unknown[];
  scrolled: Element[];
  click(element: Element): Event;
}

/** Parses the page and runs its one script as the webview would. */
function runPage(html: string): RunPage {
  const { document, Event } = parseHTML(html);
  const scripts = [...document.querySelectorAll('script')];
  expect(scripts).toHaveLength(1);
  const scrolled: Element[] = [];
  (document.defaultView as unknown as { Element: typeof Element }).Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  const posted: unknown[] = [];
  new Function('document', 'acquireVsCodeApi', 'Element', scripts[0]!.textContent!)(document, () => ({ postMessage: (m: unknown) => posted.push(m) }), (document.defaultView as unknown as { Element: typeof Element }).Element);
  const click = (element: Element) => {
    const event = new Event('click', { bubbles: true, cancelable: true });
    element.dispatchEvent(event);
    return event;
  };
  return { document, posted, scrolled, click };
}

describe('rule doc page', () => {
  const html = readFileSync(RULES_HTML, 'utf8');
  const page = (anchor: string) => docPage({ html, anchor, nonce: 'bm9uY2U=', notFoundMessage: `没有「${anchor}」` });

  test('a Content-Security-Policy that lets only the nonce script run, and the theme style after the page style', () => {
    const out = page('gd2024/part-order');
    expect(out).toMatch(/<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-bm9uY2U=';">/);
    expect(out.indexOf('var(--vscode-editor-background)')).toBeGreaterThan(out.indexOf('max-width: 60rem'));
    expect(out).toContain('<script nonce="bm9uY2U=">');
  });

  test('the script marks the rule and scrolls to it', () => {
    const { document, scrolled } = runPage(page('gd2024/part-order'));
    const marked = [...document.querySelectorAll('.fzlint-current')];
    expect(marked.map((e) => e.id)).toEqual(['gd2024/part-order']);
    expect(scrolled).toEqual(marked);
    expect(marked[0]!.tagName).toBe('H3');
    expect(document.querySelector('.fzlint-not-found')).toBeNull();
  });

  test('a rule the page does not describe: a note on top, nothing marked', () => {
    const { document } = runPage(page('my/own-rule'));
    expect(document.querySelector('.fzlint-current')).toBeNull();
    expect(document.body.firstElementChild!.textContent).toBe('没有「my/own-rule」');
  });

  test('a rule id cannot end the script', () => {
    const out = page('</script><script>alert(1)</script>');
    expect(out.match(/<script/g)).toHaveLength(1);
    const { document } = runPage(out);
    expect(document.body.firstElementChild!.textContent).toBe('没有「</script><script>alert(1)</script>」');
  });

  test('a link to the rule kinds page is handed to the extension; an in-page link is not', () => {
    const { document, posted, click } = runPage(page('gd2024/part-order'));
    const event = click(document.querySelector('a[href="rule-kinds.html#section-order"]')!);
    expect(posted).toEqual([{ page: 'rule-kinds.html', anchor: 'section-order' }]);
    expect(event.defaultPrevented).toBe(true);
    expect(click(document.querySelector('a[href="#gd2024/part-order"]')!).defaultPrevented).toBe(false);
    expect(posted).toHaveLength(1);
  });
});
