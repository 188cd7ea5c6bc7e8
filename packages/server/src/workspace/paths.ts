import { URI } from 'vscode-uri';

/** File system path of a `file:` URI; undefined for other schemes (untitled:, vscode-notebook-cell: …). */
export function uriToPath(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** A `file:` URI in the form VS Code writes it, so published diagnostics land on the editor's document. */
export function pathToUri(path: string): string {
  return URI.file(path).toString();
}

/** One spelling per file for map keys (shared with the workspace layer). */
export { pathKey } from '@fzlint/workspace';

export function isYamlPath(path: string | undefined): boolean {
  return !!path && /\.ya?ml$/i.test(path);
}
