import { test } from "node:test";
import assert from "node:assert/strict";
import { freshDb } from "../../test/helpers.ts";
import { migrate } from "./migrate.ts";

test("uuid_v7() in SQL (migration 019): version 7, RFC variant, now's millisecond timestamp; decisions get one by default", async () => {
  const { db, drop } = await freshDb();
  try {
    await migrate(db, () => {});
    const before = Date.now();
    const [r] = await db.query<{ id: string }>("SELECT uuid_v7()::text AS id");
    const after = Date.now();
    assert.match(r!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(r!.id.replace(/-/g, "").slice(0, 12), 16);
    assert.ok(ms >= before - 1000 && ms <= after + 1000, `${ms} near ${before}`);
    const [d] = await db.query<{ d: string }>(
      "SELECT column_default AS d FROM information_schema.columns WHERE table_name = 'decisions' AND column_name = 'id'",
    );
    assert.match(d!.d, /uuid_v7\(\)/);
  } finally {
    await drop();
  }
});
