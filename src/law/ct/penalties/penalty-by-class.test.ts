/** penalty-by-class: every row of Table 4, the special rows, the first modelled day and the refused day before. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { TABLE_4_ROWS } from "./classification-ranges.ts";
import { type PenaltyByClassFacts, penaltyByClass } from "./penalty-by-class.ts";

const d = plainDate;

describe("penalty-by-class", () => {
  test("class D felony: one to five years, up to $5,000", () => {
    const a = penaltyByClass.decide({ offenseClass: "D-felony" }, d("2013-04-04"));
    assert.equal(a.outcome, "yes");
    assert.deepEqual(a.result.prisonMin, { amount: 1, unit: "years" });
    assert.deepEqual(a.result.prisonMax, { amount: 5, unit: "years" });
    assert.equal(a.result.fineMax, 5000);
    assert.equal(a.result.summary, "Class D felony: 1 year to 5 years in prison; a fine of up to $5,000");
    assert.match(a.result.citation, /Table 4/);
  });
  test("class C misdemeanor: up to three months, up to $500", () => {
    const a = penaltyByClass.decide({ offenseClass: "C-misdemeanor" }, d("2014-01-01"));
    assert.equal(a.result.prisonMin, null);
    assert.deepEqual(a.result.prisonMax, { amount: 3, unit: "months" });
    assert.equal(a.result.fineMax, 500);
  });
  test("the special rows", () => {
    assert.equal(
      penaltyByClass.decide({ offenseClass: "A-felony", variant: "murder-with-special-circumstances" }, d("2014-01-01"))
        .result.lifeWithoutRelease,
      true,
    );
    assert.deepEqual(
      penaltyByClass.decide(
        { offenseClass: "B-felony", variant: "manslaughter-1st-degree-with-a-firearm" },
        d("2014-01-01"),
      ).result.prisonMin,
      { amount: 5, unit: "years" },
    );
  });
  test("every Table 4 row is answered", () => {
    for (const r of TABLE_4_ROWS)
      assert.equal(
        penaltyByClass.decide(
          { offenseClass: r.offenseClass, ...(r.variant ? { variant: r.variant } : {}) },
          d("2015-01-01"),
        ).result.label,
        r.label,
      );
  });
  test("a variant the class does not have is refused by the schema, naming it", () => {
    const r = penaltyByClass.facts.safeParse({ offenseClass: "D-felony", variant: "murder" });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues[0]?.path, ["variant"]);
  });
  test("2013-04-03 refused; class not known: unknown", () => {
    assert.throws(() => penaltyByClass.decide({ offenseClass: "D-felony" }, d("2013-04-03")), NotInForce);
    assert.equal(penaltyByClass.decide({}, d("2014-01-01")).outcome, "unknown");
  });
  test("properties", () => {
    const arb = fc.record({ row: opt(fc.constantFrom(...TABLE_4_ROWS)), variantOnly: fc.boolean() }).map((g) =>
      compact<PenaltyByClassFacts>({
        offenseClass: g.row && !g.variantOnly ? g.row.offenseClass : undefined,
        variant: g.row?.variant,
      }),
    );
    checkQuestionLaws(penaltyByClass, arb, arbDate("2013-04-04", "2020-12-31"));
  });
});
