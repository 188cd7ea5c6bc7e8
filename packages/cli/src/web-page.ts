import { fileURLToPath } from 'node:url';

/**
 * The web page installed with the command (web/fzlint.html next to dist/ and bundle/, built by
 * packages/web/scripts/build-page.mjs): served by `fzlint serve`, or opened from disk.
 */
export function webPagePath(): string {
  return fileURLToPath(new URL('../web/fzlint.html', import.meta.url));
}

/**
 * What the page may load: its own inline script and style, nothing from anywhere (the meta tag in
 * the page says the same when it is opened from disk).
 */
export const WEB_PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'";
