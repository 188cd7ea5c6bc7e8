import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import { pathKey, uriToPath } from './paths.js';

/** The editor's open documents, also findable by file path (config, rule and previous-year files are read from the editor first, so unsaved edits count). */
export class OpenDocuments {
  private readonly byPath = new Map<string, string>();

  constructor(readonly documents: TextDocuments<TextDocument>) {
    documents.onDidOpen(({ document }) => {
      const p = uriToPath(document.uri);
      if (p) this.byPath.set(pathKey(p), document.uri);
    });
    documents.onDidClose(({ document }) => {
      const p = uriToPath(document.uri);
      if (p && this.byPath.get(pathKey(p)) === document.uri) this.byPath.delete(pathKey(p));
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  byFilePath(path: string): TextDocument | undefined {
    const uri = this.byPath.get(pathKey(path));
    return uri ? this.documents.get(uri) : undefined;
  }

  /** The URI to publish diagnostics under for a file: the editor's spelling when it is open. */
  uriOfPath(path: string): string | undefined {
    return this.byPath.get(pathKey(path));
  }
}
