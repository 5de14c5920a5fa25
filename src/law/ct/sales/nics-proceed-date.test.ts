/** The federal three-business-day rule, counted in Connecticut business days. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { d } from "./fixtures.ts";
import { nicsProceedDate } from "./nics-proceed-date.ts";

describe("nicsProceedDate", () => {
  const rows: [string, string, string, string][] = [
    ["27 CFR 478.102 example: Thursday contact, transfer Wednesday", "2014-06-05", "2014-06-10", "2014-06-11"],
    ["Monday contact: Thursday ends the wait, Friday", "2014-06-09", "2014-06-12", "2014-06-13"],
    ["Tuesday contact: Friday ends the wait, transfer on Saturday", "2014-06-10", "2014-06-13", "2014-06-14"],
    ["Thanksgiving skipped", "2013-11-26", "2013-12-02", "2013-12-03"],
    ["Good Friday skipped (state offices closed)", "2014-04-16", "2014-04-22", "2014-04-23"],
    ["Lincoln's Birthday skipped", "2014-02-10", "2014-02-14", "2014-02-15"],
    ["contact on a Saturday: Monday to Wednesday", "2014-06-07", "2014-06-11", "2014-06-12"],
  ];
  for (const [name, on, ends, proceed] of rows) {
    test(`${on}: ${name}`, () => {
      const r = nicsProceedDate(d(on));
      assert.equal(r.waitEndsOn, ends);
      assert.equal(r.proceedOn, proceed);
      assert.equal(r.source.basis, "federal");
    });
  }
});
