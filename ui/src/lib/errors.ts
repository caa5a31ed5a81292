import type { ErrorCode } from './ipc';
import type { MessageKey } from './i18n/catalog';

/** The translated sentence for each error code. */
export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}` as MessageKey;
}
