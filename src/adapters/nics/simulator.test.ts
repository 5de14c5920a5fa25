/** The NICS SIMULATOR against the adapter contract, then what only the simulator promises. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { nicsContractSuite } from "./contract-suite.ts";
import { createNicsSimulator } from "./simulator.ts";
import { NicsUnknownTransaction, nicsTransactionType } from "./contract.ts";

const proceed = { firstName: "Robin", lastName: "Clearwater", birthDate: "1980-06-15" };
const denied = { firstName: "Dana", lastName: "Prohibited", birthDate: "1975-01-02" };
const delayed = { firstName: "Casey", lastName: "Pending", birthDate: "1990-09-09" };

nicsContractSuite("NICS SIMULATOR", async () => {
  const sim = createNicsSimulator();
  sim.deny(denied);
  sim.delay(delayed);
  return {
    adapter: sim,
    people: { proceed, denied, delayed },
    control: { resolve: (n, s) => sim.resolve(n, s), setOutage: (d) => sim.setOutage(d) },
  };
});

describe("NICS SIMULATOR specifics", () => {
  test("it says what it is", () => {
    assert.match(createNicsSimulator().name, /simulator/);
  });

  test("records the purpose and the transaction type (private sale codes 27-29)", async () => {
    const sim = createNicsSimulator();
    const a = await sim.check({ purpose: "private-sale", firearmType: "long-gun", person: proceed });
    const b = await sim.check({ purpose: "retail-sale", firearmType: "handgun", person: proceed });
    assert.deepEqual(sim.transaction(a.transactionNumber)?.transactionType, {
      code: "28",
      label: "Private Sale Long Gun",
    });
    assert.equal(sim.transaction(a.transactionNumber)?.purpose, "private-sale");
    assert.deepEqual(sim.transaction(b.transactionNumber)?.transactionType, { code: "HANDGUN", label: "Handgun" });
    assert.deepEqual(nicsTransactionType({ purpose: "private-sale", firearmType: "handgun" }).code, "27");
    assert.deepEqual(nicsTransactionType({ purpose: "private-sale" }).code, "29");
  });

  test("a delayed check auto-resolves to Proceed after autoResolveMs, seen on the next status call", async () => {
    let now = Date.parse("2026-11-20T15:00:00Z");
    const sim = createNicsSimulator({ autoResolveMs: 60_000, now: () => new Date(now) });
    sim.delay(delayed);
    const r = await sim.check({ purpose: "retail-sale", firearmType: "long-gun", person: delayed });
    assert.equal(r.status, "delayed");
    now += 59_000;
    assert.equal((await sim.status(r.transactionNumber)).status, "delayed");
    now += 1_000;
    const s = await sim.status(r.transactionNumber);
    assert.equal(s.status, "proceed");
    assert.equal(s.respondedAt, new Date(now).toISOString());
    assert.deepEqual(sim.delayedTransactions(), []);
  });

  test("resolve refuses unknown numbers and final answers", async () => {
    const sim = createNicsSimulator();
    assert.throws(() => sim.resolve("0000000000", "proceed"), NicsUnknownTransaction);
    const r = await sim.check({ purpose: "retail-sale", person: proceed });
    assert.throws(() => sim.resolve(r.transactionNumber, "denied"), /already final/);
  });

  test("slowness can be switched on", async () => {
    const sim = createNicsSimulator();
    sim.setLatencyMs(40);
    const t0 = performance.now();
    await sim.check({ purpose: "retail-sale", person: proceed });
    assert.ok(performance.now() - t0 >= 35);
  });

  test("random delays are deterministic by identity", async () => {
    const a = createNicsSimulator({ randomDelays: true });
    const b = createNicsSimulator({ randomDelays: true });
    for (let i = 0; i < 40; i++) {
      const p = { firstName: `P${i}`, lastName: "Random", birthDate: "1970-01-01" };
      assert.equal(
        (await a.check({ purpose: "retail-sale", person: p })).status,
        (await b.check({ purpose: "retail-sale", person: p })).status,
      );
    }
  });
});
