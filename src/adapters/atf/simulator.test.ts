/** The ATF eTrace SIMULATOR against the adapter contract, then what only the simulator promises. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { atfContractSuite } from "./contract-suite.ts";
import { ATF_SIMULATED_TURNAROUND, createAtfSimulator } from "./simulator.ts";

const known = { make: "SW", model: "M&P9", serialNumber: "KNOWN123", caliber: "9", type: "PI" };
const unknown = { make: "GLK", model: "19", serialNumber: "NOBODY999", caliber: "9", type: "PI" };

function simulatorSubject() {
  let t = Date.parse("2026-11-02T12:00:00Z");
  const sim = createAtfSimulator({ now: () => new Date(t) });
  sim.knowGun({
    make: "SW",
    serialNumber: "KNOWN123",
    dealer: { name: "Palmetto Guns", fflNumber: "1-57-001-01-1A-12345", state: "SC" },
    purchasedOn: "2025-03-01",
    purchaser: { firstName: "Sam", lastName: "Straw" },
  });
  return {
    sim,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

atfContractSuite("ATF eTrace SIMULATOR", async () => {
  const { sim, advance } = simulatorSubject();
  return { adapter: sim, guns: { known, unknown }, control: { advance, setOutage: (d) => sim.setOutage(d) } };
});

describe("ATF eTrace SIMULATOR specifics", () => {
  test("it says what it is", () => assert.match(createAtfSimulator().name, /SIMULATOR/));

  test("urgent answers come after one day, routine after nine (boundaries on both sides)", async () => {
    const { sim, advance } = simulatorSubject();
    const u = await sim.submit({
      priority: "urgent",
      requestingAgency: "X",
      firearm: known,
      recovery: { date: "2026-11-01", state: "CT", crimeCode: "1300" },
    });
    const r = await sim.submit({
      priority: "routine",
      requestingAgency: "X",
      firearm: known,
      recovery: { date: "2026-11-01", state: "CT", crimeCode: "1300" },
    });
    advance(ATF_SIMULATED_TURNAROUND.urgent - 1);
    assert.equal((await sim.status(u.traceNumber)).status, "pending");
    advance(1);
    const done = await sim.status(u.traceNumber);
    assert.equal(done.status, "completed");
    assert.equal(done.firstPurchase?.dealer.state, "SC");
    advance(ATF_SIMULATED_TURNAROUND.routine - ATF_SIMULATED_TURNAROUND.urgent - 1);
    assert.equal((await sim.status(r.traceNumber)).status, "pending");
    advance(1);
    assert.equal((await sim.status(r.traceNumber)).status, "completed");
  });

  test("a known serial under another make has no record (serials are unique per maker only)", async () => {
    const { sim, advance } = simulatorSubject();
    const a = await sim.submit({
      priority: "urgent",
      requestingAgency: "X",
      firearm: { ...known, make: "RUG" },
      recovery: { date: "2026-11-01", state: "CT", crimeCode: "1300" },
    });
    advance(ATF_SIMULATED_TURNAROUND.urgent);
    assert.equal((await sim.status(a.traceNumber)).status, "no-record");
  });
});
