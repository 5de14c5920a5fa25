/** The registry's clocks as questions: name and address changes, annual updates. Both sides of each date. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { type OffenderAnnualUpdateFacts, offenderAnnualUpdate } from "./annual-update-question.ts";
import { type OffenderChangeNoticeFacts, offenderChangeNotice } from "./change-notice.ts";

const d = plainDate;

describe("offender-change-notice", () => {
  const ask = (f: OffenderChangeNoticeFacts, on: string) => offenderChangeNotice.decide(f, d(on));
  test("an address change on Friday 2014-05-30: five business days end 2014-06-06", () => {
    const a = ask({ registrant: true, change: "address", changedOn: d("2014-05-30") }, "2014-06-06");
    assert.equal(a.outcome, "yes");
    assert.equal(a.result.dueOn, "2014-06-06");
    assert.equal(a.result.overdue, false);
    assert.equal(a.result.penaltyIfMissed?.classification, "class D felony");
    assert.match(a.result.citation ?? "", /§§ 18-22/);
    assert.equal(
      ask({ registrant: true, change: "address", changedOn: d("2014-05-30") }, "2014-06-09").result.overdue,
      true,
    );
    assert.equal(
      ask({ registrant: true, change: "name", changedOn: d("2014-05-30"), notifiedOn: d("2014-06-06") }, "2014-06-20")
        .result.actedInTime,
      true,
    );
    assert.equal(
      ask({ registrant: true, change: "name", changedOn: d("2014-05-30"), notifiedOn: d("2014-06-09") }, "2014-06-20")
        .result.actedInTime,
      false,
    );
  });
  test("before the registry: no duty on 2013-12-31, a duty on 2014-01-01", () => {
    const before = ask({ registrant: true, changedOn: d("2013-12-31") }, "2013-12-31");
    assert.equal(before.outcome, "no");
    assert.equal(before.result.dutyStartsOn, "2014-01-01");
    assert.match(before.findings[0]!.because, /starts on 2014-01-01/);
    assert.equal(ask({ registrant: true, changedOn: d("2014-01-01") }, "2014-01-01").result.dueOn, "2014-01-08");
  });
  test("not a registrant: no; registrant not known: unknown", () => {
    assert.equal(ask({ registrant: false, changedOn: d("2014-05-30") }, "2014-06-01").outcome, "no");
    assert.equal(ask({ changedOn: d("2014-05-30") }, "2014-06-01").outcome, "unknown");
  });
  test("properties", () => {
    const arb = fc
      .record({
        registrant: opt(fc.boolean()),
        change: opt(fc.constantFrom("name" as const, "address" as const)),
        changedOn: opt(arbDate("2013-12-01", "2016-12-31")),
        notifiedOn: opt(arbDate("2014-01-01", "2017-01-31")),
      })
      .map((g) => compact<OffenderChangeNoticeFacts>(g));
    checkQuestionLaws(offenderChangeNotice, arb, arbDate("2014-01-01", "2017-06-30"));
  });
});

describe("offender-annual-update", () => {
  const ask = (f: OffenderAnnualUpdateFacts, on: string) => offenderAnnualUpdate.decide(f, d(on));
  test("registered 2014-03-10: the first window is 2015-03-10 to 2015-03-30, notice by 2015-02-08, police report by 2015-04-09", () => {
    const a = ask({ initialRegistrationOn: d("2014-03-10") }, "2015-03-30");
    assert.equal(a.outcome, "yes");
    assert.equal(a.result.window?.year, 1);
    assert.equal(a.result.window?.opensOn, "2015-03-10");
    assert.equal(a.result.dueOn, "2015-03-30");
    assert.equal(a.result.window?.noticeMailBy, "2015-02-08");
    assert.equal(a.result.window?.appearanceReportDueBy, "2015-04-09");
    assert.equal(a.result.penaltyIfMissed?.classification, "class D felony");
    // The day after the window closes, with no appearance: still the first window, now overdue.
    const late = ask({ initialRegistrationOn: d("2014-03-10") }, "2015-03-31");
    assert.equal(late.result.window?.year, 1);
    assert.equal(late.result.overdue, true);
    // From the next anniversary the second window is asked about.
    assert.equal(ask({ initialRegistrationOn: d("2014-03-10") }, "2016-03-10").result.window?.year, 2);
    assert.equal(ask({ initialRegistrationOn: d("2014-03-10") }, "2016-03-10").result.overdue, false);
  });
  test("appeared in time for the first window: not overdue after it closes; not an appearance for the second", () => {
    const f = { initialRegistrationOn: d("2014-03-10"), appearedOn: d("2015-03-20") };
    assert.equal(ask(f, "2015-04-01").result.overdue, false);
    assert.equal(ask(f, "2015-04-01").result.actedInTime, true);
    assert.equal(ask(f, "2016-03-31").result.window?.year, 2);
    assert.equal(ask(f, "2016-03-31").result.overdue, true);
  });
  test("deferred for good cause to 2015-04-15: due that day", () => {
    assert.equal(
      ask({ initialRegistrationOn: d("2014-03-10"), updateDeferredTo: d("2015-04-15") }, "2015-04-01").result.dueOn,
      "2015-04-15",
    );
  });
  test("the fourth window is the last; after the term ends there is none (the term ends 2019-03-09)", () => {
    assert.equal(ask({ initialRegistrationOn: d("2014-03-10") }, "2018-03-30").result.window?.year, 4);
    // After the last window closes with no appearance, it is overdue until the term ends.
    const after = ask({ initialRegistrationOn: d("2014-03-10"), updateDeferredTo: null }, "2018-03-31");
    assert.equal(after.outcome, "yes");
    assert.equal(after.result.window?.year, 4);
    assert.equal(after.result.overdue, true);
    assert.equal(after.result.registrationEndsOn, "2019-03-09");
    assert.equal(ask({ initialRegistrationOn: d("2014-03-10") }, "2018-03-31").result.overdue, true);
    assert.equal(
      ask({ initialRegistrationOn: d("2014-03-10"), updateDeferredTo: d("2018-04-20") }, "2018-04-20").result.dueOn,
      "2018-04-20",
    );
    assert.equal(ask({ initialRegistrationOn: d("2014-03-10") }, "2019-03-10").outcome, "no");
  });
  test("before the registry: no duty on 2013-12-31", () => {
    const a = ask({ initialRegistrationOn: d("2014-01-02") }, "2013-12-31");
    assert.equal(a.outcome, "no");
    assert.equal(a.result.dutyStartsOn, "2014-01-01");
  });
  test("properties", () => {
    const arb = fc
      .record({
        initialRegistrationOn: opt(arbDate("2014-01-01", "2016-12-31")),
        updateDeferredTo: opt(fc.option(arbDate("2014-06-01", "2021-12-31"), { nil: null })),
        appearedOn: opt(arbDate("2014-06-01", "2021-12-31")),
      })
      .map((g) => compact<OffenderAnnualUpdateFacts>(g));
    checkQuestionLaws(offenderAnnualUpdate, arb, arbDate("2014-01-01", "2022-06-30"));
  });
});
