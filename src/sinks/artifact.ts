import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ExportError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { STATE_FILE } from '../output/layout.ts';
import { serializeStateDocument } from '../state/parse.ts';
import type { Delivery, DeliveryResult, Sink } from './sink.ts';

export interface ArtifactSinkOptions {
  name: string;
  /** Days GitHub keeps the artifact; the repository default when absent (capped by GitHub). */
  retentionDays?: number;
  /** e.g. https://github.com (GITHUB_SERVER_URL), for the artifact's web link. */
  serverUrl: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string;
  runId: string;
  logger: Logger;
}

/**
 * `destination: artifact`: one workflow artifact holding the run's files with the output-dir layout
 * and the state the run moves to (`_state/state.json`), uploaded with @actions/artifact (the same service and zip format as actions/upload-artifact).
 */
export class ArtifactSink implements Sink {
  readonly name = 'artifact' as const;
  private readonly options: ArtifactSinkOptions;

  constructor(options: ArtifactSinkOptions) {
    this.options = options;
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const { name, retentionDays, logger } = this.options;
    if (delivery.files.length === 0) return { detail: 'nothing to upload' };
    // The state travels with the data, so a run whose cache entry was evicted continues from the
    // newest artifact (src/state/artifact-store.ts) instead of restarting.
    const statePath = join(delivery.outDir, STATE_FILE);
    await mkdir(dirname(statePath), { recursive: true });
    await writeFile(statePath, serializeStateDocument(delivery.state), { mode: 0o600 });
    const files = [...delivery.files.filter((file) => file !== STATE_FILE), STATE_FILE];
    const absolutePaths = files.map((file) => join(delivery.outDir, file));
    let id: number | undefined;
    try {
      const client = new DefaultArtifactClient();
      ({ id } = await client.uploadArtifact(
        name,
        absolutePaths,
        delivery.outDir,
        retentionDays === undefined ? {} : { retentionDays },
      ));
    } catch (error) {
      throw new ExportError(
        'delivery',
        `Uploading artifact "${name}" failed: ${withoutUrlQueries((error as Error).message)}`,
      );
    }
    if (id === undefined) {
      throw new ExportError('delivery', `Uploading artifact "${name}" failed: the service returned no id.`);
    }
    const artifactUrl = `${this.options.serverUrl.replace(/\/+$/, '')}/${this.options.repository}/actions/runs/${this.options.runId}/artifacts/${id}`;
    logger.info(
      `Uploaded ${delivery.files.length} files and the state as artifact "${name}" (${artifactUrl}).`,
    );
    return {
      artifactId: id,
      artifactUrl,
      detail: `uploaded ${delivery.files.length} files and the state as artifact "${name}"`,
    };
  }
}

/** Signed upload URLs carry their signature in the query string; keep it out of our messages. */
function withoutUrlQueries(message: string): string {
  return message.replace(/(https?:\/\/[^\s?'"]+)\?[^\s'"]*/g, '$1?…');
}
