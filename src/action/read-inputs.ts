/** Phase 1: mask the secrets, then validate every input before any request is made. */
import * as core from '@actions/core';
import { ConfigErrors, parseConfig, type Config } from '../config.ts';
import { InputError } from '../errors.ts';
import { INPUT, SECRET_INPUTS } from '../inputs.ts';
import { resolveServerUrl, type ResolvedServerUrl } from '../onepassword/server-url.ts';
import * as log from './safe-log.ts';
import type { ActionContext } from './context.ts';

/** Where a user of the action gets the token from; config.ts only says what is wrong. */
const TOKEN_HINT = 'pass the Events Reporting token from a secret: token: ${{ secrets.OP_EVENTS_TOKEN }}';

export function maskSecrets(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
}

/**
 * The validated config and the Events API server, or undefined after one `::error::` per bad input
 * and a failed step: nothing has been requested then.
 */
export function readInputs(
  context: ActionContext,
  now: Date,
): { config: Config; server: string; serverSource: ResolvedServerUrl['source'] } | undefined {
  try {
    const config = parseConfig((name) => core.getInput(name), context, now);
    const { url: server, source: serverSource } = resolveServerUrl(config.serverUrl, config.token);
    return { config, server, serverSource };
  } catch (error) {
    const errors =
      error instanceof ConfigErrors ? error.errors : error instanceof InputError ? [error] : undefined;
    if (!errors) throw error;
    for (const e of errors)
      log.error(
        e.input === INPUT.token && e.message.endsWith('missing') ? `${e.message}; ${TOKEN_HINT}` : e.message,
      );
    log.setFailed(
      `${errors.length === 1 ? 'One input is' : `${errors.length} inputs are`} invalid; nothing was requested.`,
    );
    return undefined;
  }
}
