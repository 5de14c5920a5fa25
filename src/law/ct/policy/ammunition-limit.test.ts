/** Table and property tests of the ammunition limit (policy, not statute). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type PlainDate, addDays, fromEpochDay, plainDate, toEpochDay } from "../../core/dates.ts";
import { NotInForce, citationLabel } from "../../core/rules.ts";
import {
  type AmmunitionLimitFacts,
  type AmmunitionLimitSettings,
  PURCHASE_TYPES,
  ammunitionLimit,
  ammunitionLimitQuestion,
} from "./ammunition-limit.ts";
import { questions, rules } from "./questions.ts";

const d = (s: string): PlainDate => plainDate(s);
const ON = d("2026-11-20");
const ROLLING: AmmunitionLimitSettings = { enabled: true, roundsPerRolling30Days: 1000 };
const MONTH: AmmunitionLimitSettings = { enabled: true, roundsPerCalendarMonth: 1000 };

function facts(
  settings: AmmunitionLimitSettings,
  prior: AmmunitionLimitFacts["prior"],
  requested: AmmunitionLimitFacts["requested"],
): AmmunitionLimitFacts {
  return { settings: { ...settings, version: 3 }, prior, requested };
}

describe("ammunition-limit: table", () => {
  const rows: [string, AmmunitionLimitFacts, boolean | null][] = [
    [
      "switched off: never refuses",
      facts({ enabled: false, roundsPerRolling30Days: 1 }, [], [{ type: "rimfire", quantity: 50_000 }]),
      true,
    ],
    ["on, no caps set", facts({ enabled: true }, [], [{ type: "rimfire", quantity: 50_000 }]), true],
    [
      "rolling: exactly at the cap",
      facts(
        ROLLING,
        [{ on: d("2026-11-01"), type: "rimfire", quantity: 900 }],
        [{ type: "centerfire-pistol", quantity: 100 }],
      ),
      true,
    ],
    [
      "rolling: one over the cap",
      facts(
        ROLLING,
        [{ on: d("2026-11-01"), type: "rimfire", quantity: 901 }],
        [{ type: "centerfire-pistol", quantity: 100 }],
      ),
      false,
    ],
    [
      "rolling: 29 days back counts (day 30 of the window)",
      facts(ROLLING, [{ on: addDays(ON, -29), type: "rimfire", quantity: 1000 }], [{ type: "rimfire", quantity: 1 }]),
      false,
    ],
    [
      "rolling: 30 days back is outside the window",
      facts(ROLLING, [{ on: addDays(ON, -30), type: "rimfire", quantity: 1000 }], [{ type: "rimfire", quantity: 1 }]),
      true,
    ],
    [
      "rolling: one request above the cap by itself",
      facts(ROLLING, [], [{ type: "shotshell", quantity: 1001 }]),
      false,
    ],
    [
      "rolling: magazines do not count as rounds",
      facts(ROLLING, [{ on: ON, type: "magazine", quantity: 5000 }], [{ type: "rimfire", quantity: 1000 }]),
      true,
    ],
    [
      "month: last day of the previous month does not count",
      facts(MONTH, [{ on: d("2026-10-31"), type: "rimfire", quantity: 1000 }], [{ type: "rimfire", quantity: 1000 }]),
      true,
    ],
    [
      "month: first of the month counts",
      facts(MONTH, [{ on: d("2026-11-01"), type: "rimfire", quantity: 1000 }], [{ type: "rimfire", quantity: 1 }]),
      false,
    ],
    [
      "per class: other classes unaffected",
      facts(
        { enabled: true, byClass: { "centerfire-rifle": { perRolling30Days: 200 } } },
        [{ on: ON, type: "centerfire-rifle", quantity: 200 }],
        [{ type: "rimfire", quantity: 5000 }],
      ),
      true,
    ],
    [
      "per class: the class is capped",
      facts(
        { enabled: true, byClass: { "centerfire-rifle": { perRolling30Days: 200 } } },
        [{ on: ON, type: "centerfire-rifle", quantity: 150 }],
        [{ type: "centerfire-rifle", quantity: 51 }],
      ),
      false,
    ],
    [
      "per class by calendar month",
      facts(
        { enabled: true, byClass: { shotshell: { perCalendarMonth: 250 } } },
        [{ on: d("2026-10-31"), type: "shotshell", quantity: 250 }],
        [{ type: "shotshell", quantity: 250 }],
      ),
      true,
    ],
    [
      "magazines capped",
      facts(
        { enabled: true, magazinesPerRolling30Days: 4 },
        [{ on: ON, type: "magazine", quantity: 3 }],
        [{ type: "magazine", quantity: 2 }],
      ),
      false,
    ],
    [
      "history not looked up: unknown, never refused",
      facts(ROLLING, undefined, [{ type: "rimfire", quantity: 100_000 }]),
      null,
    ],
  ];
  for (const [name, f, permitted] of rows) {
    test(name, () => {
      const a = ammunitionLimit(f, ON);
      assert.equal(a.result.permitted, permitted, JSON.stringify(a.findings, null, 1));
      assert.equal(a.outcome, permitted === true ? "yes" : permitted === false ? "no" : "unknown");
      for (const x of a.findings) {
        assert.equal(x.source.basis, "policy", "every finding cites policy");
        assert.match(citationLabel(x.source), /^Policy /);
        assert.match(x.because, /policy, not statute/);
      }
    });
  }

  test("a refusal says how much may still be sold and when the full quantity could be", () => {
    const a = ammunitionLimit(
      facts(
        ROLLING,
        [
          { on: d("2026-10-25"), type: "rimfire", quantity: 600 },
          { on: d("2026-11-10"), type: "rimfire", quantity: 300 },
        ],
        [{ type: "rimfire", quantity: 500 }],
      ),
      ON,
    );
    const f = a.findings.find((x) => x.status === "not-met")!;
    assert.match(f.because, /at most 100 more may be sold on 2026-11-20/);
    // The 600 bought on 2026-10-25 leave the window on 2026-11-24 (2026-11-24 - 29 days = 2026-10-26).
    assert.match(f.remedy!, /from 2026-11-24/);
    assert.equal(a.result.headroom["policy.ammunition-limit.rounds.rolling-30-days"], 100);
  });

  test("a calendar-month refusal points to the first of next month", () => {
    const a = ammunitionLimit(
      facts(MONTH, [{ on: d("2026-12-02"), type: "rimfire", quantity: 900 }], [{ type: "rimfire", quantity: 200 }]),
      d("2026-12-15"),
    );
    assert.match(a.findings[0]!.remedy!, /from 2027-01-01/);
  });

  test("a request above the cap by itself cannot be met by waiting", () => {
    const a = ammunitionLimit(facts(ROLLING, [], [{ type: "rimfire", quantity: 1500 }]), ON);
    assert.match(a.findings[0]!.remedy!, /reduce the quantity to 1000 or fewer/);
  });

  test("a date before the settings took effect is refused, not guessed", () => {
    assert.throws(
      () => ammunitionLimit({ settings: { ...ROLLING, effectiveOn: d("2026-11-21") }, prior: [], requested: [] }, ON),
      NotInForce,
    );
    assert.equal(
      ammunitionLimit({ settings: { ...ROLLING, effectiveOn: ON }, prior: [], requested: [] }, ON).outcome,
      "yes",
    );
  });

  test("a date before the Act's ammunition rules is refused", () => {
    assert.throws(() => ammunitionLimit(facts(ROLLING, [], []), d("2013-04-03")), NotInForce);
  });

  test("the question's example parses and is answered; the area lists it", () => {
    const a = ammunitionLimitQuestion.decide(ammunitionLimitQuestion.facts.parse(ammunitionLimitQuestion.example), ON);
    assert.equal(a.result.permitted, true);
    assert.deepEqual(
      questions.map((q) => q.id),
      ["ammunition-limit"],
    );
    assert.equal(rules[0]!.citations[0]!.basis, "policy");
  });
});

describe("ammunition-limit: properties", () => {
  const type = fc.constantFrom(...PURCHASE_TYPES);
  const cap = fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined });
  const settings: fc.Arbitrary<AmmunitionLimitSettings> = fc.record({
    enabled: fc.boolean(),
    roundsPerRolling30Days: cap,
    roundsPerCalendarMonth: cap,
    byClass: fc.record({
      rimfire: fc.record({ perRolling30Days: cap, perCalendarMonth: cap }),
      "centerfire-rifle": fc.record({ perRolling30Days: cap, perCalendarMonth: cap }),
    }),
    magazinesPerRolling30Days: cap,
  });
  const on = fc.integer({ min: toEpochDay(d("2014-01-01")), max: toEpochDay(d("2030-12-31")) }).map(fromEpochDay);
  const prior = (day: PlainDate) =>
    fc.array(
      fc.record({
        on: fc.integer({ min: -60, max: 0 }).map((k) => addDays(day, k)),
        type,
        quantity: fc.integer({ min: 0, max: 3000 }),
      }),
      { maxLength: 12 },
    );
  const requested = fc.array(fc.record({ type, quantity: fc.integer({ min: 1, max: 3000 }) }), {
    minLength: 1,
    maxLength: 5,
  });
  const caseArb = on.chain((day) => fc.record({ day: fc.constant(day), settings, prior: prior(day), requested }));

  test("with a known history the answer is never unknown; switched off it is always yes", () => {
    fc.assert(
      fc.property(caseArb, ({ day, settings: s, prior: p, requested: r }) => {
        const a = ammunitionLimit({ settings: s, prior: p, requested: r }, day);
        assert.notEqual(a.outcome, "unknown");
        if (!s.enabled) assert.equal(a.outcome, "yes");
        for (const f of a.findings) assert.equal(f.source.basis, "policy");
      }),
      { numRuns: 500 },
    );
  });

  test("buying less never turns a yes into a no", () => {
    fc.assert(
      fc.property(caseArb, ({ day, settings: s, prior: p, requested: r }) => {
        const a = ammunitionLimit({ settings: s, prior: p, requested: r }, day);
        const smaller = r.map((l) => ({ ...l, quantity: Math.max(1, Math.floor(l.quantity / 2)) }));
        if (a.outcome === "yes")
          assert.equal(ammunitionLimit({ settings: s, prior: p, requested: smaller }, day).outcome, "yes");
      }),
      { numRuns: 500 },
    );
  });

  test("a purchase that is refused fits on the earliest day the remedy names", () => {
    fc.assert(
      fc.property(caseArb, ({ day, settings: s, prior: p, requested: r }) => {
        const a = ammunitionLimit({ settings: s, prior: p, requested: r }, day);
        for (const f of a.findings.filter((x) => x.status === "not-met")) {
          const m = /from (\d{4}-\d{2}-\d{2})/.exec(f.remedy ?? "");
          if (!m) continue;
          const later = ammunitionLimit({ settings: s, prior: p, requested: r }, d(m[1]!));
          const again = later.findings.find((x) => x.id === f.id);
          assert.notEqual(again?.status, "not-met", `${f.id} still refused on ${m[1]}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
