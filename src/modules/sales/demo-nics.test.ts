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
});
