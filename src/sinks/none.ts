import type { Delivery, DeliveryResult, Sink } from './sink.ts';

/** `destination: none`: the files stay in the output directory for a later workflow step. */
export class NoneSink implements Sink {
  readonly name = 'none' as const;

  deliver(delivery: Delivery): Promise<DeliveryResult> {
    return Promise.resolve({ detail: `files left in ${delivery.outDir}` });
  }
}
