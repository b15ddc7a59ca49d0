/**
 * The action's only way to the job log. Every message and annotation property goes through
 * neutraliseLine (src/text/log-line.ts), so text from outside can never become a workflow command,
 * whatever it holds. Our own intended commands (add-mask, outputs, groups) are issued here or by
 * @actions/core's dedicated functions, never by printing text. eslint.config.js forbids calling the
 * logging functions of @actions/core anywhere else.
 */
import * as core from '@actions/core';
import { neutraliseLine } from '../text/log-line.ts';

export type AnnotationProperties = core.AnnotationProperties;

export function info(message: string): void {
  core.info(neutraliseLine(message));
}

export function debug(message: string): void {
  core.debug(neutraliseLine(message));
}

export function notice(message: string, properties?: AnnotationProperties): void {
  core.notice(neutraliseLine(message), safeProperties(properties));
}

export function warning(message: string, properties?: AnnotationProperties): void {
  core.warning(neutraliseLine(message), safeProperties(properties));
}

export function error(message: string, properties?: AnnotationProperties): void {
  core.error(neutraliseLine(message), safeProperties(properties));
}

/** An error annotation and a failed step (exit code 1). */
export function setFailed(message: string): void {
  core.setFailed(neutraliseLine(message));
}

export function startGroup(title: string): void {
  core.startGroup(neutraliseLine(title));
}

export function endGroup(): void {
  core.endGroup();
}

export function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(neutraliseLine(title), fn);
}

function safeProperties(properties: AnnotationProperties | undefined): AnnotationProperties {
  if (!properties) return {};
  const safe: AnnotationProperties = { ...properties };
  if (safe.title !== undefined) safe.title = neutraliseLine(safe.title);
  if (safe.file !== undefined) safe.file = neutraliseLine(safe.file);
  return safe;
}
