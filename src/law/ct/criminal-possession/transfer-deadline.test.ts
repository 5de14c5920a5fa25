/** Two business days to transfer or surrender (CGS § 29-36k; PA 13-3 § 34). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { d } from "../sales/fixtures.ts";
import { transferDeadlineOnIneligibility } from "./transfer-deadline.ts";

describe("transferDeadlineOnIneligibility", () => {
  const rows: [string, string, string, string[]][] = [
    ["first modelled day (Thursday): handguns only", "2013-04-04", "2013-04-08", ["handguns"]],
    ["day before 2013-10-01 (Monday): handguns only", "2013-09-30", "2013-10-02", ["handguns"]],
    ["2013-10-01 (Tuesday): ammunition too", "2013-10-01", "2013-10-03", ["handguns", "ammunition"]],
    ["Friday event: Tuesday deadline", "2013-10-04", "2013-10-08", ["handguns", "ammunition"]],
    ["Columbus Day skipped", "2013-10-11", "2013-10-16", ["handguns", "ammunition"]],
    ["Christmas skipped", "2013-12-24", "2013-12-27", ["handguns", "ammunition"]],
    ["Lincoln's Birthday skipped", "2014-02-11", "2014-02-14", ["handguns", "ammunition"]],
    ["event on a Sunday", "2014-06-08", "2014-06-10", ["handguns", "ammunition"]],
  ];
  for (const [name, on, deadline, covered] of rows) {
    test(`${on}: ${name}`, () => {
      const r = transferDeadlineOnIneligibility(d(on));
      assert.equal(r.deadline, deadline);
      assert.deepEqual(r.appliesTo, covered);
      assert.equal(r.businessDays, 2);
    });
  }
  test("cited to § 34 from 2013-10-01", () => {
    assert.equal(transferDeadlineOnIneligibility(d("2013-10-01")).source.section, "§ 34");
    assert.equal(transferDeadlineOnIneligibility(d("2013-09-30")).source.cgs, "CGS § 29-36k");
  });
  test("before passage is refused", () =>
    assert.throws(() => transferDeadlineOnIneligibility(d("2013-04-03")), NotInForce));
});
