/**
 * The demo NICS simulator's delayed checks (src/adapters/nics/simulator.ts,
 * `demo`): which identities are delayed is fixed by the identity, a "resolves"
 * check answers Proceed after the configured time and a "holds" one never, and
 * a restarted simulator answers the same transaction numbers the same way.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createNicsSimulator, demoNicsOutcome } from "../../adapters/nics/simulator.ts";

const person = (i: number) => ({ firstName: `Demo${i}`, lastName: "Buyer", birthDate: "1980-05-05" });
const find = (o: "resolves" | "holds") => {
  for (let i = 0; i < 5000; i++) if (demoNicsOutcome(person(i)) === o) return person(i);
  throw new Error(`no ${o}`);
};
const req = (p: ReturnType<typeof person>) => ({
  purpose: "retail-sale" as const,
  firearmType: "long-gun" as const,
  person: { ...p, state: "CT" },
});

describe("demo NICS delays", () => {
  test("deterministic: the same identities every time; most proceed", () => {
    let delayed = 0;
    for (let i = 0; i < 1000; i++) if (demoNicsOutcome(person(i))) delayed += 1;
    assert.ok(delayed > 20 && delayed < 150, `${delayed} of 1000 delayed`);
    assert.equal(demoNicsOutcome(person(7)), demoNicsOutcome(person(7)));
  });

  test("a 'resolves' check is Delayed, then Proceed after the time; a 'holds' check stays Delayed; a restart answers the same", async () => {
    let now = Date.parse("2026-12-07T10:00:00Z");
    const clock = () => new Date(now);
    const sim = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 10 * 60_000 } });
    const r = await sim.check(req(find("resolves")));
    const h = await sim.check(req(find("holds")));
    assert.equal(r.status, "delayed");
    assert.equal(h.status, "delayed");
    assert.match(r.transactionNumber, /^DR[0-9A-Z]{8}$/);
    now += 9 * 60_000;
    assert.equal((await sim.status(r.transactionNumber)).status, "delayed");
    const restarted = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 10 * 60_000 } });
    now += 2 * 60_000;
    assert.equal((await restarted.status(r.transactionNumber)).status, "proceed");
    assert.equal((await sim.status(r.transactionNumber)).status, "proceed");
    now += 30 * 86_400_000;
    assert.equal((await sim.status(h.transactionNumber)).status, "delayed");
    assert.equal((await restarted.status(h.transactionNumber)).status, "delayed");
  });

  test("without `demo` nobody is delayed by the demo rule", async () => {
    const sim = createNicsSimulator();
    assert.equal((await sim.check(req(find("resolves")))).status, "proceed");
    await assert.rejects(sim.status("DR0000AB12"));
  });

  test("a simulator restarted seconds later hands out none of its predecessor's numbers, even in the same minute", async () => {
    let now = Date.parse("2026-12-07T10:00:05Z");
    const clock = () => new Date(now);
    const first = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 60_000 } });
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++)
      seen.add((await first.check(req(find(i % 2 ? "resolves" : "holds")))).transactionNumber);
    assert.equal(seen.size, 400, "one simulator never repeats a number");
    now += 2_000; // restarted two seconds later, same minute
    const second = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 60_000 } });
    for (let i = 0; i < 400; i++) {
      const n = (await second.check(req(find(i % 2 ? "resolves" : "holds")))).transactionNumber;
      assert.ok(!seen.has(n), `${n} was handed out before the restart`);
    }
    // The number carries the second the check began: a fresh simulator answers it from the number.
    now += 61_000;
    const third = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 60_000 } });
    const r = [...seen].find((n) => n.startsWith("DR"))!;
    assert.equal((await third.status(r)).status, "proceed");
    now -= 5_000; // 58 s after the first checks began: not yet
    const fourth = createNicsSimulator({ now: clock, demo: { resolveAfterMs: 60_000 } });
    assert.equal((await fourth.status(r)).status, "delayed");
  });
});
