/**
 * Coalescing: many concurrent requests that each need the same kind of statement (the
 * verification's credential read, its audit entry) share one statement. The first caller's
 * item goes out at once; items that arrive while a statement is in flight wait for it and then
 * go out together in the next one. Nothing waits for a timer, so a lone request pays no delay,
 * and under load one statement (and, for writes, one commit) serves a whole batch.
 *
 * Each caller's promise settles with its own item's result, after its batch's statement has
 * finished (for writes: after the commit, so an answer is never given for an unwritten entry).
 */
export interface Coalescer<I, O> {
  run(item: I): Promise<O>;
}

export function coalesce<I, O>(
  /** Runs one batch; answers one result per item, in order. */
  runBatch: (items: I[]) => Promise<O[]>,
  opts: { maxBatch?: number; inFlight?: number } = {},
): Coalescer<I, O> {
  const maxBatch = opts.maxBatch ?? 256;
  const limit = opts.inFlight ?? 2;
  const waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let running = 0;
  const pump = () => {
    while (running < limit && waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      running += 1;
      runBatch(batch.map((b) => b.item)).then(
        (out) => {
          running -= 1;
          batch.forEach((b, i) => b.resolve(out[i] as O));
          pump();
        },
        (e: unknown) => {
          running -= 1;
          batch.forEach((b) => b.reject(e));
          pump();
        },
      );
    }
  };
  return {
    run: (item) =>
      new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        pump();
      }),
  };
}

/** One coalescer per long-lived object (a pool, a replica route), made on first use. */
export function coalescerFor<K extends object, I, O>(
  cache: WeakMap<K, Coalescer<I, O>>,
  key: K,
  make: () => Coalescer<I, O>,
): Coalescer<I, O> {
  let c = cache.get(key);
  if (!c) {
    c = make();
    cache.set(key, c);
  }
  return c;
}
