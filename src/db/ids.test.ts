import { test } from "node:test";
import assert from "node:assert/strict";
import { uuidv7 } from "./ids.ts";

test("uuidv7: version 7, RFC variant, the timestamp in the first 48 bits, later keys sort after earlier ones", () => {
  const a = uuidv7(Date.UTC(2026, 11, 7, 4, 0, 0, 1));
  const b = uuidv7(Date.UTC(2026, 11, 7, 4, 0, 0, 2));
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(parseInt(a.replace(/-/g, "").slice(0, 12), 16), Date.UTC(2026, 11, 7, 4, 0, 0, 1));
  assert.ok(a < b);
  assert.notEqual(uuidv7(1), uuidv7(1), "random bits differ within one millisecond");
});

test("uuidv7: ids drawn across the random pool's refills stay distinct", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5000; i++) seen.add(uuidv7(1));
  assert.equal(seen.size, 5000);
});
