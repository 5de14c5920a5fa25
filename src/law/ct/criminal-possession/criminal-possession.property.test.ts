/**
 * Property-based tests of `criminal-possession` and the transfer deadline
 * (fast-check).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { businessDaysBetween, isBusinessDay } from "../../core/calendar.ts";
import { NotInForce } from "../../core/rules.ts";
import { between, checkDate, coin, credentials, dropKeys, events } from "../sales/fixtures.ts";
import { nicsProceedDate } from "../sales/nics-proceed-date.ts";
import { CriminalPossessionFacts, decideCriminalPossession } from "./criminal-possession.ts";
import { POSSESSION_ITEMS } from "./possession.ts";
import { transferDeadlineOnIneligibility } from "./transfer-deadline.ts";

const R = { noNullPrototype: true, requiredKeys: [] as [] };
const facts = fc.record({ item: fc.constantFrom(...POSSESSION_ITEMS), events, credentials }, R);
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 800) };

describe("criminal-possession properties", () => {
  test("generated facts satisfy the schema", () => {
    fc.assert(
      fc.property(facts, (f) => CriminalPossessionFacts.safeParse(f).success),
      { numRuns: 200 },
    );
  });

  test("the outcome depends only on the facts and the date", () => {
    fc.assert(
      fc.property(facts, facts, checkDate, (f, other, on) => {
        const copy = structuredClone(f);
        const first = decideCriminalPossession(f, on);
        decideCriminalPossession(other, on);
        assert.deepEqual(decideCriminalPossession(copy, on), first);
        assert.deepEqual(f, copy);
      }),
      RUNS,
    );
  });

  test("crime is true exactly when the outcome is no, null when unknown; a crime names its class", () => {
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        const a = decideCriminalPossession(f, on);
        assert.equal(a.result.crime, a.outcome === "no" ? true : a.outcome === "yes" ? false : null);
        if (a.result.crime)
          assert.ok(a.result.crimeClass === "class C felony" || a.result.crimeClass === "class D felony");
        else assert.equal(a.result.offenses.length, 0);
      }),
      RUNS,
    );
  });

  test("unknown is never reported as a crime: removing facts never turns lawful possession into a crime", () => {
    fc.assert(
      fc.property(facts, checkDate, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (f, on, seed) => {
        const partial = dropKeys(f, coin(seed));
        if (decideCriminalPossession(partial, on).outcome === "no")
          assert.notEqual(decideCriminalPossession(f, on).outcome, "yes", JSON.stringify(partial));
      }),
      RUNS,
    );
  });

  test("removing events never makes possession a crime", () => {
    fc.assert(
      fc.property(facts, checkDate, fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }), (f, on, keep) => {
        const fewer = { ...f, events: f.events?.filter((_, i) => keep[i % keep.length] ?? false) };
        const before = decideCriminalPossession(f, on).outcome;
        const after = decideCriminalPossession(fewer, on).outcome;
        if (before === "yes") assert.equal(after, "yes");
        if (before !== "no") assert.notEqual(after, "no");
      }),
      RUNS,
    );
  });

  test("a pistol is barred whenever a long gun is (the pistol crime's prohibitors include the firearm crime's)", () => {
    fc.assert(
      fc.property(facts, checkDate, (f, on) => {
        const gun = decideCriminalPossession({ ...f, item: "firearm" }, on).outcome;
        const pistol = decideCriminalPossession({ ...f, item: "handgun" }, on).outcome;
        if (gun === "no") assert.equal(pistol, "no");
        if (pistol === "yes") assert.equal(gun, "yes");
      }),
      RUNS,
    );
  });

  test("dates before the model are refused", () => {
    fc.assert(
      fc.property(
        facts,
        between("2000-01-01", "2013-04-03"),
        (f, on) => void assert.throws(() => decideCriminalPossession(f, on), NotInForce),
      ),
      { numRuns: 100 },
    );
  });
});

describe("clock properties", () => {
  test("the transfer deadline is a business day exactly two business days after the event", () => {
    fc.assert(
      fc.property(between("2013-04-04", "2030-12-31"), (on) => {
        const r = transferDeadlineOnIneligibility(on);
        assert.ok(isBusinessDay(r.deadline));
        assert.equal(businessDaysBetween(on, r.deadline), 2);
        assert.equal(r.appliesTo.includes("ammunition"), on >= "2013-10-01");
      }),
      { numRuns: 500 },
    );
  });
  test("the NICS proceed day follows three business days after contact", () => {
    fc.assert(
      fc.property(between("2013-01-01", "2030-12-31"), (on) => {
        const r = nicsProceedDate(on);
        assert.ok(isBusinessDay(r.waitEndsOn));
        assert.equal(businessDaysBetween(on, r.waitEndsOn), 3);
        assert.equal(businessDaysBetween(on, r.proceedOn), isBusinessDay(r.proceedOn) ? 4 : 3);
      }),
      { numRuns: 500 },
    );
  });
});
