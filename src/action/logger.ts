import * as core from '@actions/core';
import type { Logger } from '../logger.ts';

/** Progress goes to the job log; warnings become annotations. */
export function actionLogger(): Logger {
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
  };
}
