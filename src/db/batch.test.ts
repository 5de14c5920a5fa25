/** Coalescing (src/db/batch.ts): concurrent items share a batch; each caller gets its own result or its batch's error. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { coalesce } from "./batch.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

test("a lone item goes out at once; items arriving while batches are in flight go out together, in order", async () => {
  const batches: number[][] = [];
  const c = coalesce<number, number>(
    async (items) => {
      batches.push(items);
      await tick();
      return items.map((i) => i * 10);
    },
    { inFlight: 1 },
  );
  const out = await Promise.all([1, 2, 3, 4, 5].map((i) => c.run(i)));
  assert.deepEqual(out, [10, 20, 30, 40, 50]);
  assert.deepEqual(batches, [[1], [2, 3, 4, 5]]);
  assert.deepEqual(await c.run(6), 60);
  assert.deepEqual(batches.at(-1), [6]);
});

test("a failed batch rejects its own callers only", async () => {
  let n = 0;
  const c = coalesce<number, number>(
    async (items) => {
      n += 1;
      await tick();
      if (n === 1) throw new Error("first batch fails");
      return items;
    },
    { inFlight: 1 },
  );
  const results = await Promise.allSettled([1, 2, 3].map((i) => c.run(i)));
  assert.equal(results[0]!.status, "rejected");
  assert.deepEqual(
    results.slice(1).map((r) => (r.status === "fulfilled" ? r.value : "rejected")),
    [2, 3],
  );
});

test("batches are cut at maxBatch", async () => {
  const sizes: number[] = [];
  const c = coalesce<number, number>(
    async (items) => {
      sizes.push(items.length);
      await tick();
      return items;
    },
    { inFlight: 1, maxBatch: 3 },
  );
  await Promise.all(Array.from({ length: 10 }, (_, i) => c.run(i)));
  assert.deepEqual(sizes, [1, 3, 3, 3]);
});
