import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Reads the whole request body. Simulated payloads are small enough to hold in memory. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(payload.length),
    ...headers,
  });
  res.end(payload);
}

/** Parses a JSON body; `undefined` for an empty body, `SyntaxError` for a broken one. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  return JSON.parse(body.toString('utf8')) as unknown;
}

/** A short, stable fingerprint that lets a log tell tokens apart without ever holding one. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Status for a simulator bug: not 5xx, which the Actions clients would retry for ~25 s. */
export const CRASH_STATUS = 418;

/**
 * Starts `handler` on 127.0.0.1 with an ephemeral port. Any exception the handler lets escape is
 * reported to `onCrash` and answered with a JSON CRASH_STATUS rather than a hung socket, so a
 * simulator bug fails a test quickly and visibly.
 */
export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onCrash: (error: unknown) => void,
): Promise<LoopbackServer & { server: Server }> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      onCrash(error);
      if (!res.headersSent)
        sendJson(res, CRASH_STATUS, {
          code: 'internal',
          msg: `simulator crashed: ${String(error)}`,
          message: `simulator crashed: ${String(error)}`,
        });
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
