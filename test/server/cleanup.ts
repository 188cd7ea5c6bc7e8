import { afterEach } from 'vitest';

const pending: Array<() => unknown> = [];

/** Test clients and workspaces register how to undo themselves here when they are created. */
export function onCleanup(undo: () => unknown): void {
  pending.push(undo);
}

/** Stops the clients and removes the workspaces each test created (call once at the top of a test file). */
export function cleanUpAfterEachTest(): void {
  afterEach(async () => {
    while (pending.length) await pending.pop()!();
  });
}
