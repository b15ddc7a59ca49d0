import * as core from '@actions/core';
import type { ActionStateSource } from './destination.ts';

export interface RunOutputs {
  events: number;
  counts: Record<string, number>;
  files: string[];
  outputDir?: string;
  artifactId?: string;
  artifactUrl?: string;
  commitSha?: string;
  /** S3 mode: `s3://bucket/prefix`. */
  s3Uri?: string;
  morePending: boolean;
  authFailed: boolean;
  /** Which store the state was restored from. */
  stateSource: ActionStateSource | 'none';
  /** Stored files this run's compaction replaced (counted once delivered). */
  compacted: number;
}

/** Every output is set on every run, so workflow expressions never see an undefined one. */
export function setRunOutputs(outputs: RunOutputs, outputDir: string): void {
  core.setOutput('events', String(outputs.events));
  core.setOutput('counts', JSON.stringify(outputs.counts));
  core.setOutput('files', JSON.stringify(outputs.files));
  core.setOutput('output-dir', outputs.outputDir ?? outputDir);
  core.setOutput('artifact-id', outputs.artifactId ?? '');
  core.setOutput('artifact-url', outputs.artifactUrl ?? '');
  core.setOutput('commit-sha', outputs.commitSha ?? '');
  core.setOutput('more-pending', String(outputs.morePending));
  core.setOutput('auth-failed', String(outputs.authFailed));
  core.setOutput('state-source', outputs.stateSource);
  core.setOutput('s3-uri', outputs.s3Uri ?? '');
  core.setOutput('compacted', String(outputs.compacted));
}
