/**
 * The ATF eTrace adapter contract as a test suite. Any adapter — the SIMULATOR, or a real eTrace
 * client pointed at a test environment — runs the same suite:
 *
 *   atfContractSuite("my adapter", async () => ({ adapter, guns: { known: {...}, unknown: {...} }, control: {...} }));
 *
 * `guns` names firearms the environment is known to trace (or not); `control` offers the hooks a
 * test environment may have (let time pass, switch an outage on). Parts without what they need are
 * skipped, not failed.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  type AtfAdapter,
  type AtfTraceRequest,
  type AtfTraceResult,
  AtfInvalidRequest,
  AtfUnavailable,
  AtfUnknownTrace,
  ATF_TRACE_NUMBER,
} from "./contract.ts";

export interface AtfContractSubject {
  adapter: AtfAdapter;
  guns: { known: AtfTraceRequest["firearm"]; unknown: AtfTraceRequest["firearm"] };
  control?: {
    /** Lets time pass (ms) so that pending traces come due. */
    advance?(ms: number): void | Promise<void>;
    setOutage?(down: boolean): void | Promise<void>;
  };
  close?(): Promise<void>;
}

const request = (
  firearm: AtfTraceRequest["firearm"],
  priority: AtfTraceRequest["priority"] = "urgent",
): AtfTraceRequest => ({
  priority,
  requestingAgency: "CT0000000",
  firearm,
  recovery: { date: "2026-11-01", state: "CT", town: "Hartford", crimeCode: "5212" },
});

function assertShape(r: AtfTraceResult): void {
  assert.match(r.traceNumber, ATF_TRACE_NUMBER, "a trace number is T, the year and seven digits");
  assert.ok(["pending", "completed", "no-record"].includes(r.status));
  assert.ok(!Number.isNaN(Date.parse(r.submittedAt)), "submittedAt is an ISO timestamp");
  if (r.status !== "pending")
    assert.ok(r.completedAt && !Number.isNaN(Date.parse(r.completedAt)), "a final answer has completedAt");
  if (r.status === "completed")
    assert.ok(r.firstPurchase?.dealer.fflNumber, "a completed trace names the dealer's FFL");
}

export function atfContractSuite(name: string, make: () => Promise<AtfContractSubject>): void {
  describe(`ATF eTrace adapter contract: ${name}`, () => {
    const withSubject = (fn: (s: AtfContractSubject) => Promise<void>) => async () => {
      const s = await make();
      try {
        await fn(s);
      } finally {
        await s.close?.();
      }
    };

    test(
      "a submission answers pending with a trace number; each gets its own",
      withSubject(async (s) => {
        const a = await s.adapter.submit(request(s.guns.known));
        const b = await s.adapter.submit(request(s.guns.known, "routine"));
        assertShape(a);
        assertShape(b);
        assert.equal(a.status, "pending");
        assert.notEqual(a.traceNumber, b.traceNumber);
      }),
    );

    test(
      "status of a submitted trace has the same number and shape",
      withSubject(async (s) => {
        const a = await s.adapter.submit(request(s.guns.known));
        const r = await s.adapter.status(a.traceNumber);
        assertShape(r);
        assert.equal(r.traceNumber, a.traceNumber);
      }),
    );

    test(
      "a known gun completes with its first purchase once due; an unknown one has no record",
      withSubject(async (s) => {
        if (!s.control?.advance) return;
        const a = await s.adapter.submit(request(s.guns.known));
        const b = await s.adapter.submit(request(s.guns.unknown));
        await s.control.advance(10 * 86_400_000);
        const ra = await s.adapter.status(a.traceNumber),
          rb = await s.adapter.status(b.traceNumber);
        assertShape(ra);
        assertShape(rb);
        assert.equal(ra.status, "completed");
        assert.equal(rb.status, "no-record");
        // final answers never change
        await s.control.advance(86_400_000);
        assert.deepEqual(await s.adapter.status(a.traceNumber), ra);
      }),
    );

    test(
      "a routine trace is not answered before an urgent one submitted at the same time",
      withSubject(async (s) => {
        if (!s.control?.advance) return;
        const u = await s.adapter.submit(request(s.guns.known, "urgent"));
        const r = await s.adapter.submit(request(s.guns.known, "routine"));
        await s.control.advance(2 * 86_400_000);
        assert.notEqual((await s.adapter.status(u.traceNumber)).status, "pending");
        assert.equal((await s.adapter.status(r.traceNumber)).status, "pending");
      }),
    );

    test(
      "an unknown trace number is refused as unknown",
      withSubject(async (s) => {
        await assert.rejects(s.adapter.status("T20269999999"), (e) => e instanceof AtfUnknownTrace);
      }),
    );

    test(
      "a request without a serial number, make, date or crime code is refused as invalid",
      withSubject(async (s) => {
        for (const bad of [
          { ...request(s.guns.known), firearm: { ...s.guns.known, serialNumber: " " } },
          { ...request(s.guns.known), firearm: { ...s.guns.known, make: "" } },
          { ...request(s.guns.known), recovery: { date: "01/11/2026", state: "CT", crimeCode: "5212" } },
          { ...request(s.guns.known), recovery: { date: "2026-11-01", state: "CT", crimeCode: "" } },
        ])
          await assert.rejects(s.adapter.submit(bad), (e) => e instanceof AtfInvalidRequest);
      }),
    );

    test(
      "during an outage every call says unavailable, and works again after",
      withSubject(async (s) => {
        if (!s.control?.setOutage) return;
        const a = await s.adapter.submit(request(s.guns.known));
        await s.control.setOutage(true);
        await assert.rejects(s.adapter.submit(request(s.guns.known)), (e) => e instanceof AtfUnavailable);
        await assert.rejects(s.adapter.status(a.traceNumber), (e) => e instanceof AtfUnavailable);
        await s.control.setOutage(false);
        assertShape(await s.adapter.status(a.traceNumber));
      }),
    );
  });
}
