import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { pathKey, uriToPath } from './workspace/paths.js';

/**
 * The editor's open documents, kept in sync from didOpen/didChange/didClose, and findable by file
 * path too: config, rule and previous-year files are read from the editor first, so unsaved
 * edits count. Owned by one server instance.
 */
export class OpenDocuments {
  private readonly byUri = new Map<string, TextDocument>();
  private readonly byPath = new Map<string, string>();

  open(document: TextDocument): void {
    this.byUri.set(document.uri, document);
    const p = uriToPath(document.uri);
    if (p) this.byPath.set(pathKey(p), document.uri);
  }

  /** Applies the editor's changes (incremental or full); undefined when the document is not open. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const doc = this.byUri.get(uri);
    return doc ? TextDocument.update(doc, changes, version) : undefined;
  }

  /** Removes the document (before anyone is told it closed: from then on its file is read from disk). */
  close(uri: string): TextDocument | undefined {
    const doc = this.byUri.get(uri);
    if (!doc) return undefined;
    this.byUri.delete(uri);
    const p = uriToPath(uri);
    if (p && this.byPath.get(pathKey(p)) === uri) this.byPath.delete(pathKey(p));
    return doc;
  }

  get(uri: string): TextDocument | undefined {
    return this.byUri.get(uri);
  }

  all(): TextDocument[] {
    return [...this.byUri.values()];
  }

  byFilePath(path: string): TextDocument | undefined {
    const uri = this.byPath.get(pathKey(path));
    return uri ? this.byUri.get(uri) : undefined;
  }

  /** The URI to publish diagnostics under for a file: the editor's spelling when it is open. */
  uriOfPath(path: string): string | undefined {
    return this.byPath.get(pathKey(path));
  }
}
