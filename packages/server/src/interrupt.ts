import vm from 'node:vm';
import { TimeLimitExceeded } from '@fzlint/core';

/**
 * Runs synchronous code with a hard time limit: Node's vm timeout terminates whatever JavaScript
 * runs inside the call, also a loop that never returns. Each call starts a watchdog thread
 * (~0.1 ms), which is why the engine calls it once per window of rules, not per rule.
 */
export function createInterrupt(): <T>(fn: () => T, ms: number) => T {
  const sandbox: { run: (() => unknown) | null } = { run: null };
  const context = vm.createContext(sandbox);
  const script = new vm.Script('run()');
  return <T>(fn: () => T, ms: number): T => {
    const outer = sandbox.run;
    sandbox.run = fn;
    try {
      return script.runInContext(context, { timeout: ms }) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(`stopped after ${ms} ms`);
      throw e;
    } finally {
      sandbox.run = outer;
    }
  };
}
