import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The generated rule docs installed with the command (docs/rules.html next to dist/ and bundle/,
 * copied there by the build): the default target of rule links when the config sets no docsUrl.
 */
export function shippedDocsUrl(): string | undefined {
  const url = new URL('../docs/rules.html', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url.href : undefined;
}
