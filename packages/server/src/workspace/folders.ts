import type { WorkspaceFolder } from 'vscode-languageserver';
import { pathKey, uriToPath } from './paths.js';

/** The workspace folders (multi-root): settings and configs resolve per folder. */
export class WorkspaceFolders {
  private folders: Array<{ uri: string; path: string; key: string }> = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [];
    for (const f of folders ?? []) this.add(f);
  }

  add(folder: WorkspaceFolder): void {
    const path = uriToPath(folder.uri);
    if (path) this.folders.push({ uri: folder.uri, path, key: pathKey(path) });
  }

  remove(folder: WorkspaceFolder): void {
    this.folders = this.folders.filter((f) => f.uri !== folder.uri);
  }

  /** The innermost folder containing a path (or the first folder for documents without one). */
  folderOf(path: string | undefined): string | undefined {
    if (!path) return this.folders[0]?.path;
    const key = pathKey(path);
    let best: { path: string; key: string } | undefined;
    for (const f of this.folders) {
      if ((key === f.key || key.startsWith(f.key.endsWith('/') ? f.key : `${f.key}/`)) && (!best || f.key.length > best.key.length)) best = f;
    }
    return best?.path;
  }

  paths(): string[] {
    return this.folders.map((f) => f.path);
  }
}
