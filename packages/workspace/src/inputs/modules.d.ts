// word-extractor ships no types; only its OLE (.doc/.wps) reader is used, without its .docx reader.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<unknown>;
  }
}
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}
// pdf.js's worker code, run in this thread (see pdf/read-pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
