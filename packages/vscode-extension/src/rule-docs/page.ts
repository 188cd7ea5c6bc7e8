/**
 * The webview page of a rule's documentation: the generated docs HTML (docs/rules.html, or
 * rule-kinds.html) with a Content-Security-Policy, the editor theme's colours and a small script
 * that scrolls to the rule and marks it. Pure, so the page can be checked without VS Code.
 */

export interface DocPageOptions {
  /** The generated docs page. */
  html: string;
  /** The element to scroll to (a rule id or a rule kind). */
  anchor: string;
  /** A fresh random value: only the script carrying it runs. */
  nonce: string;
  /** Shown at the top when the page has no element with the anchor's id. */
  notFoundMessage: string;
}

/** Sibling pages a doc page may link to (rules.html ↔ rule-kinds.html); the script hands such clicks to the extension. */
export const SIBLING_PAGE = /^([a-z0-9-]+\.html)(?:#(.*))?$/;

const THEME_STYLE = `body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); }
a { color: var(--vscode-textLink-foreground); }
code, pre { background: var(--vscode-textCodeBlock-background); }
th, td { border-color: var(--vscode-editorWidget-border, #888); }
.fzlint-current, :target { background: var(--vscode-editor-findMatchHighlightBackground); }
.fzlint-not-found { border-left: 4px solid var(--vscode-editorWarning-foreground); padding: .5rem 1rem; }`;

/** A value placed inside an inline script: `</script>` in it cannot end the script. */
function scriptValue(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function script(options: DocPageOptions): string {
  return `(() => {
  const vscode = acquireVsCodeApi();
  const target = document.getElementById(${scriptValue(options.anchor)});
  if (target) {
    target.classList.add('fzlint-current');
    target.scrollIntoView({ block: 'start' });
  } else {
    const note = document.createElement('p');
    note.className = 'fzlint-not-found';
    note.textContent = ${scriptValue(options.notFoundMessage)};
    document.body.prepend(note);
  }
  const sibling = ${SIBLING_PAGE.toString()};
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    const m = link ? sibling.exec(link.getAttribute('href')) : null;
    if (!m) return;
    event.preventDefault();
    event.stopPropagation();
    vscode.postMessage({ page: m[1], anchor: m[2] ? decodeURIComponent(m[2]) : '' });
  }, true);
})();`;
}

export function docPage(options: DocPageOptions): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${options.nonce}';">`;
  const head = /<head(\s[^>]*)?>/i;
  let page = head.test(options.html) ? options.html.replace(head, (m) => `${m}\n${csp}`) : `${csp}\n${options.html}`;
  // Replacements are functions: the inserted text is never read as `$&` patterns.
  // After the page's own style, so the editor theme's colours win.
  const style = `<style>${THEME_STYLE}</style>`;
  page = /<\/head>/i.test(page) ? page.replace(/<\/head>/i, () => `${style}\n</head>`) : `${style}\n${page}`;
  const tag = `<script nonce="${options.nonce}">${script(options)}</script>`;
  return /<\/body>/i.test(page) ? page.replace(/<\/body>/i, () => `${tag}\n</body>`) : `${page}\n${tag}`;
}
