import type { TextDocument } from 'vscode';

/** Documents the server handles: reports (Markdown, plain text) and the YAML config and rule files, on disk or unsaved. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'file', language: 'yaml' },
];

export function handled(doc: TextDocument): boolean {
  return DOCUMENT_SELECTOR.some((s) => s.scheme === doc.uri.scheme && s.language === doc.languageId);
}
