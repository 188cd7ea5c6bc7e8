import type { EngineEnvironment } from '@fzlint/core';
import { READ_LIMITS, readRegularText } from './read-file.js';
import type { WorkspaceHost } from './host.js';

/**
 * The engine's environment over a host: config and rule files come from the editor when open,
 * else from disk — regular files of a sane size, UTF-8, a byte-order mark dropped.
 */
export function engineEnvironment(host: WorkspaceHost): EngineEnvironment {
  return {
    readFile: async (path) => host.openText?.(path)?.text ?? readRegularText(host.fs, path, READ_LIMITS.config),
    exists: async (path) => (host.openText?.(path) ? true : host.fs.stat(path).then((s) => s.isFile(), () => false)),
    logger: host.log,
  };
}
