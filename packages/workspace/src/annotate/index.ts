import type { InputKind } from '../inputs/types.js';
import { annotateDocx, type AnnotateOptions, type Annotation } from './annotate-docx.js';
import { renderDocx } from './render-docx.js';

export { annotateDocx, AnnotateError, type Annotation, type AnnotateOptions, type AnnotatedFile } from './annotate-docx.js';
export { renderDocx, type RenderedDocx } from './render-docx.js';
export { findingComment, type CommentRule } from './finding-comment.js';

/**
 * The Word copy of a checked report with a comment per annotation: a .docx is copied with its
 * comments added (everything else kept); any other report (.txt, .md, .pdf, .doc, web page) is
 * rendered as a Word file of the text fzlint checked, with the same comments. `text` is that
 * text; annotation offsets are offsets in it.
 */
export function annotatedCopy(file: { kind: InputKind; bytes: Uint8Array; text: string }, annotations: readonly Annotation[], options: AnnotateOptions = {}): { bytes: Uint8Array; exact: number; rendered: boolean } {
  if (file.kind === 'docx') {
    const copy = annotateDocx(file.bytes, annotations, options, file.text);
    return { bytes: copy.bytes, exact: copy.exact, rendered: false };
  }
  const rendered = renderDocx(file.text);
  const mapped = annotations.map((a) => ({ ...a, start: rendered.offset(a.start), end: rendered.offset(a.end) }));
  const copy = annotateDocx(rendered.bytes, mapped, options);
  return { bytes: copy.bytes, exact: copy.exact, rendered: true };
}
