// Preloaded into the bundled action (NODE_OPTIONS="--require <this file>", which also reaches its
// worker thread): the process's clock reads FAKE_CLOCK_NOW_MS at start and runs on from there, so a
// test can run the action on simulated days without touching the action's code.
const start = Number(process.env.FAKE_CLOCK_NOW_MS);
if (!Number.isFinite(start)) throw new Error('fake-clock.js needs FAKE_CLOCK_NOW_MS');
const RealDate = Date;
const offset = start - RealDate.now();
class SimulatedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = SimulatedDate;
