import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { NotInForce } from "../../core/rules.ts";
import { plainDate } from "../../core/dates.ts";
import { lateReportPenalty, lostStolenReportClock } from "./lost-stolen-report.ts";

test("a report exactly 72 hours after discovery is on time; one second later is late", () => {
  const discoveredAt = "2020-03-06T15:00:00.000Z";
  const onTime = lostStolenReportClock({ discoveredAt, reportedAt: "2020-03-09T15:00:00.000Z" });
  assert.equal(onTime.late, false);
  assert.equal(onTime.dueAt, "2020-03-09T15:00:00.000Z");
  assert.equal(onTime.penalty, null);
  const late = lostStolenReportClock({ discoveredAt, reportedAt: "2020-03-09T15:00:01.000Z" });
  assert.equal(late.late, true);
  assert.match(late.penalty ?? "", /class C felony for a second or subsequent offense/);
  assert.match(late.penalty ?? "", /intentionally failing to report: a class B felony/);
});

test("PA 13-3 § 50's higher penalties apply to reports from 2013-10-01; before, the old classes", () => {
  assert.match(lateReportPenalty(plainDate("2013-09-30")), /class D felony for a second.*class C felony/);
  assert.match(lateReportPenalty(plainDate("2013-10-01")), /class C felony for a second.*class B felony/);
  const sept = lostStolenReportClock({
    discoveredAt: "2013-09-20T10:00:00.000Z",
    reportedAt: "2013-09-30T10:00:00.000Z",
  });
  assert.match(sept.penalty ?? "", /class D felony/);
});

test("the clock is not modelled before the bill's passage, and refuses malformed instants", () => {
  assert.throws(
    () => lostStolenReportClock({ discoveredAt: "2013-04-01T00:00:00Z", reportedAt: "2013-04-03T00:00:00Z" }),
    NotInForce,
  );
  assert.throws(() => lostStolenReportClock({ discoveredAt: "2013-05-01", reportedAt: "2013-05-02T00:00:00Z" }));
});

test("late exactly when more than 72 hours have passed (property)", () => {
  const start = Date.parse("2014-01-01T00:00:00Z");
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 3_000_000_000 }),
      fc.integer({ min: 0, max: 10 * 24 * 3600 }),
      (offset, seconds) => {
        const d = start + offset * 100;
        const r = d + seconds * 1000;
        const out = lostStolenReportClock({
          discoveredAt: new Date(d).toISOString(),
          reportedAt: new Date(r).toISOString(),
        });
        assert.equal(out.late, seconds > 72 * 3600);
        assert.equal(out.penalty !== null, out.late);
      },
    ),
  );
});
