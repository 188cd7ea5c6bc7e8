import { ErrorCodes, ResponseError, type Position } from 'vscode-languageserver';

/**
 * Checks of what a client sent, before a provider sees it: malformed params get an InvalidParams
 * error, never a crash. Used by the wiring (server.ts) only; providers take checked values.
 */

/** The `textDocument.uri` of request params (a non-empty string). */
export function documentUri(params: unknown, method: string): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string' || !uri) throw new ResponseError(ErrorCodes.InvalidParams, `${method}：参数缺少 textDocument.uri`);
  return uri;
}

/** An LSP position in params, for the requests that take one. */
export function positionOf(params: unknown, method: string): Position {
  const p = (params as { position?: { line?: unknown; character?: unknown } } | null | undefined)?.position;
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!p || !ok(p.line) || !ok(p.character)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}：参数 position 无效（须为非负整数 line、character）`);
  return { line: p.line as number, character: p.character as number };
}
