import type { OutputStream } from './options.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

/** Long runs show a progress bar on stderr, but only on a terminal and never in CI. */
export const PROGRESS_MIN_FILES = 20;

export async function startProgress(stream: OutputStream, total: number, env: Record<string, string | undefined>): Promise<Progress | undefined> {
  if (!stream.isTTY || env.CI || env.FZLINT_NO_PROGRESS || total < PROGRESS_MIN_FILES) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({
    stream: stream as unknown as NodeJS.WritableStream,
    format: '检查中 [{bar}] {value}/{total} 份 · {percentage}%',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
