/**
 * Preload (`node --import`) that sets the process's clock to FAKE_NOW (an ISO
 * date) and lets it run on from there: `new Date()`, `Date()` and
 * `Date.now()` all say FAKE_NOW plus the time since start. Explicit dates
 * (`new Date(2020, 0)`) are untouched. The reproducibility gate builds under
 * two clocks years apart, so anything the build takes from the clock shows.
 */
const RealDate = globalThis.Date;
const fakeNow = RealDate.parse(process.env.FAKE_NOW ?? '');
if (Number.isNaN(fakeNow)) throw new Error(`fake-clock: FAKE_NOW must be an ISO date, not ${JSON.stringify(process.env.FAKE_NOW)}`);
const offset = fakeNow - RealDate.now();
const now = () => RealDate.now() + offset;

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget === globalThis.Date ? target : newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
});
