/** Tests of the `lost-stolen-report` question: the 72 hours on both sides, the date asked, the penalties by date. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { lostStolenReportQuestion as q } from "./lost-stolen-question.ts";

const ask = (facts: unknown, on: string) => q.decide(q.facts.parse(facts), on as PlainDate);
const DISCOVERED = "2014-03-06T15:00:00Z";

describe("lost-stolen-report", () => {
  test("reported exactly 72 hours after discovery: in time; one second later: late", () => {
    const onTime = ask({ discoveredAt: DISCOVERED, reportedAt: "2014-03-09T15:00:00Z" }, "2014-03-10");
    assert.equal(onTime.outcome, "yes");
    assert.equal(onTime.result.dueAt, "2014-03-09T15:00:00.000Z");
    const late = ask({ discoveredAt: DISCOVERED, reportedAt: "2014-03-09T15:00:01Z" }, "2014-03-10");
    assert.equal(late.outcome, "no");
    assert.equal(late.result.late, true);
  });

  test("not reported: yes through the day the 72 hours end, no from the next day", () => {
    assert.equal(ask({ discoveredAt: DISCOVERED }, "2014-03-09").outcome, "yes");
    const next = ask({ discoveredAt: DISCOVERED }, "2014-03-10");
    assert.equal(next.outcome, "no");
    assert.equal(next.result.reported, false);
  });

  test("the offset of the discovery time is honoured", () => {
    const a = ask({ discoveredAt: "2014-03-06T22:00:00-05:00" }, "2014-03-09");
    assert.equal(a.result.dueAt, "2014-03-10T03:00:00.000Z");
    assert.equal(a.outcome, "yes");
  });

  test("penalties: PA 13-3 § 50's classes from 2013-10-01, the old ones before", () => {
    const sept = ask({ discoveredAt: "2013-09-20T10:00:00Z", reportedAt: "2013-09-30T10:00:00Z" }, "2013-09-30");
    assert.match(sept.result.penaltyIfLate ?? "", /class D felony for a second/);
    const oct = ask({ discoveredAt: "2013-09-28T10:00:00Z", reportedAt: "2013-10-01T10:00:01Z" }, "2013-10-01");
    assert.equal(oct.outcome, "no");
    assert.match(oct.result.penaltyIfLate ?? "", /class C felony for a second.*class B felony/);
  });

  test("no discovery time: unknown, naming the fact; a date without a time is refused by the schema", () => {
    const a = ask({}, "2014-03-10");
    assert.equal(a.outcome, "unknown");
    assert.deepEqual(a.findings[0]!.missing, ["discoveredAt"]);
    assert.equal(q.facts.safeParse({ discoveredAt: "2014-03-06" }).success, false);
  });

  test("not modelled before 2013-04-04", () => {
    assert.throws(() => ask({ discoveredAt: "2013-04-01T00:00:00Z" }, "2013-04-03"), NotInForce);
  });

  test("the example is answered yes", () => assert.equal(ask(q.example, "2014-03-08").outcome, "yes"));
});
