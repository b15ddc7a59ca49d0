import type { Logger } from '../logger.ts';
import * as log from './safe-log.ts';

/** Progress goes to the job log; warnings become annotations. Outside text is neutralised. */
export function actionLogger(): Logger {
  return {
    info: (message) => log.info(message),
    warning: (message) => log.warning(message),
    debug: (message) => log.debug(message),
  };
}
