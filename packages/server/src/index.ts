/**
 * @fzlint/server — the fzlint language server. `startServer()` runs it on the connection given by
 * the command line (--stdio, --node-ipc, --socket=PORT); bundlers import this module.
 * `LanguageService` is the same server without a transport: its providers answer in-process.
 */
export { startServer, keepAlive, type ServerOptions } from './server.js';
export { LanguageService, type LanguageServiceOptions } from './language-service.js';
export type { ClientSupport, ServerLog } from './context.js';
export { ChecklistRequest, type ChecklistParams, type ChecklistResult, type ChecklistItem } from './protocol.js';
export { DEFAULT_SETTINGS, type Settings, type RunMode } from './settings.js';
export { SERVER_VERSION } from './version.js';
