import { toIpcError, type ErrorCode, type IpcError } from './ipc';
import type { MessageKey } from './i18n/catalog';

/** The translated sentence for each error code. */
export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}` as MessageKey;
}

/**
 * Runs a task that calls the backend. A failure is not thrown: it is turned into an IpcError and
 * handed to `onerror`. When `busy` is given it is called with `true` before the task starts and
 * with `false` once it has ended, whatever the outcome.
 *
 * Resolves to the task's value, or to `undefined` when the task failed.
 */
export async function attempt<T>(
  task: () => Promise<T>,
  onerror: (error: IpcError) => void,
  busy?: (running: boolean) => void,
): Promise<T | undefined> {
  busy?.(true);
  try {
    return await task();
  } catch (e) {
    onerror(toIpcError(e));
    return undefined;
  } finally {
    busy?.(false);
  }
}
