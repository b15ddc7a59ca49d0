/**
 * Time as the exporter sees it. Injected everywhere that waits or measures, so tests can run the
 * rate budget and the simulator's limits against a simulated clock in milliseconds.
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock whose `sleep` jumps time forward instead of waiting. Concurrent sleepers each advance the
 * clock to their own wake-up time (never backwards), which is what a rate-limit test needs: the total
 * simulated time is the time the limits forced everyone to wait.
 */
export class SimulatedClock implements Clock {
  private current: number;
  constructor(start = Date.parse('2026-11-01T00:00:00Z')) {
    this.current = start;
  }
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const wake = this.current + Math.max(0, ms);
    // Yield to the event loop so concurrent work interleaves as it would in real time.
    await new Promise((resolve) => setImmediate(resolve));
    if (wake > this.current) this.current = wake;
  }
}
