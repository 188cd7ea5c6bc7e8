import type { Formatter } from './context.js';

/** Output formats by name; each is loaded only when used. */
export const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  html: async () => (await import('./html.js')).formatHtml,
  unix: async () => (await import('./unix.js')).formatUnix,
  csv: async () => (await import('./csv.js')).formatCsv,
  xlsx: async () => (await import('./xlsx.js')).formatXlsx,
};
