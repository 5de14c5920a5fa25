/** Deadline questions: both sides of each date, the penalty that applies, and the shared properties. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { plainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { CREDENTIAL_KINDS } from "../credentials/kinds.ts";
import { arbDate, checkQuestionLaws, compact, opt } from "../clocks/testkit.ts";
import { type IneligibleTransferFacts, ineligibleTransferDeadline } from "./ineligible-transfer.ts";
import { type RevokedCredentialSurrenderFacts, revokedCredentialSurrender } from "./revoked-credential-surrender.ts";

const d = plainDate;

describe("revoked-credential-surrender", () => {
  const ask = (f: RevokedCredentialSurrenderFacts, on: string) => revokedCredentialSurrender.decide(f, d(on));
  test("five days after the notice; in time on the fifth day, late on the sixth", () => {
    const a = ask(
      { credential: "long-gun-eligibility-certificate", notifiedOn: d("2014-03-03"), surrenderedOn: d("2014-03-08") },
      "2014-03-10",
    );
    assert.equal(a.outcome, "yes");
    assert.equal(a.result.dueOn, "2014-03-08");
    assert.equal(a.result.actedInTime, true);
    assert.equal(a.result.overdue, false);
    assert.equal(a.result.penaltyIfMissed?.classification, "class A misdemeanor");
    assert.match(a.result.citation ?? "", /PA 13-3 §§ 2-7/);
    const late = ask(
      { credential: "long-gun-eligibility-certificate", notifiedOn: d("2014-03-03"), surrenderedOn: d("2014-03-09") },
      "2014-03-10",
    );
    assert.equal(late.result.actedInTime, false);
    assert.equal(late.result.overdue, true);
    assert.equal(
      ask({ credential: "long-gun-eligibility-certificate", notifiedOn: d("2014-03-03") }, "2014-03-08").result.overdue,
      false,
    );
    assert.equal(
      ask({ credential: "long-gun-eligibility-certificate", notifiedOn: d("2014-03-03") }, "2014-03-09").result.overdue,
      true,
    );
  });
  test("a permit first late on 2013-09-30 is a class C misdemeanor; first late on 2013-10-01 a class A misdemeanor", () => {
    const c = ask({ credential: "state-handgun-permit", notifiedOn: d("2013-09-24") }, "2013-09-24");
    assert.equal(c.result.dueOn, "2013-09-29");
    assert.equal(c.result.penaltyIfMissed?.classification, "class C misdemeanor");
    const a = ask({ credential: "state-handgun-permit", notifiedOn: d("2013-09-25") }, "2013-09-25");
    assert.equal(a.result.dueOn, "2013-09-30");
    assert.equal(a.result.penaltyIfMissed?.classification, "class A misdemeanor");
    assert.match(a.result.penaltyIfMissed?.citation ?? "", /§ 46/);
  });
  test("the new certificates: no duty before 2013-07-01, a duty from that day", () => {
    const before = ask({ credential: "ammunition-certificate", notifiedOn: d("2013-07-01") }, "2013-06-30");
    assert.equal(before.outcome, "no");
    assert.equal(before.result.dutyStartsOn, "2013-07-01");
    assert.match(before.findings[0]!.because, /starts on 2013-07-01/);
    assert.equal(
      ask({ credential: "ammunition-certificate", notifiedOn: d("2013-07-01") }, "2013-07-01").result.dueOn,
      "2013-07-06",
    );
    assert.throws(
      () => ask({ credential: "state-handgun-permit", notifiedOn: d("2013-06-20") }, "2013-06-30"),
      NotInForce,
    );
  });
  test("which credential or when the notice was given not known: unknown, naming them", () => {
    const a = ask({}, "2014-01-01");
    assert.equal(a.outcome, "unknown");
    assert.deepEqual(a.findings[0]!.missing, ["credential", "notifiedOn"]);
  });
  test("properties", () => {
    const arb = fc
      .record({
        credential: opt(fc.constantFrom(...CREDENTIAL_KINDS)),
        notifiedOn: opt(arbDate("2013-07-01", "2016-12-31")),
        surrenderedOn: opt(arbDate("2013-07-01", "2017-01-31")),
      })
      .map((g) => compact<RevokedCredentialSurrenderFacts>(g));
    checkQuestionLaws(revokedCredentialSurrender, arb, arbDate("2013-07-01", "2017-06-30"));
  });
});

describe("ineligible-transfer-deadline (§ 34)", () => {
  const ask = (f: IneligibleTransferFacts, on: string) => ineligibleTransferDeadline.decide(f, d(on));
  test("two business days: an event on Friday 2014-05-02 gives Tuesday 2014-05-06", () => {
    const a = ask({ becameIneligibleOn: d("2014-05-02"), holds: { handguns: true, ammunition: true } }, "2014-05-02");
    assert.equal(a.outcome, "yes");
    assert.equal(a.result.dueOn, "2014-05-06");
    assert.deepEqual(a.result.appliesTo, ["handguns", "ammunition"]);
    assert.match(a.result.citation ?? "", /PA 13-3 § 34/);
    assert.equal(a.result.penaltyIfMissed?.classification, null);
    assert.match(a.result.penaltyIfMissed?.note ?? "", /deadly weapon offense/);
    assert.equal(
      ask(
        { becameIneligibleOn: d("2014-05-02"), holds: { handguns: true }, transferredOrSurrenderedOn: d("2014-05-07") },
        "2014-05-08",
      ).result.actedInTime,
      false,
    );
    assert.equal(
      ask(
        { becameIneligibleOn: d("2014-05-02"), holds: { handguns: true }, transferredOrSurrenderedOn: d("2014-05-06") },
        "2014-05-08",
      ).result.actedInTime,
      true,
    );
  });
  test("legal holidays are skipped: 2013-12-24 gives 2013-12-27", () => {
    assert.equal(
      ask({ becameIneligibleOn: d("2013-12-24"), holds: { handguns: true } }, "2013-12-24").result.dueOn,
      "2013-12-27",
    );
  });
  test("ammunition only: no duty for an event on 2013-09-30; a duty for one on 2013-10-01", () => {
    const before = ask(
      { becameIneligibleOn: d("2013-09-30"), holds: { handguns: false, ammunition: true } },
      "2013-10-02",
    );
    assert.equal(before.outcome, "no");
    assert.equal(before.result.dutyStartsOn, "2013-10-01");
    assert.match(before.findings[0]!.because, /starts on 2013-10-01/);
    const from = ask(
      { becameIneligibleOn: d("2013-10-01"), holds: { handguns: false, ammunition: true } },
      "2013-10-02",
    );
    assert.equal(from.outcome, "yes");
    assert.deepEqual(from.result.appliesTo, ["ammunition"]);
    assert.equal(from.result.dueOn, "2013-10-03");
  });
  test("handguns and ammunition, event 2013-09-30: handguns only", () => {
    assert.deepEqual(
      ask({ becameIneligibleOn: d("2013-09-30"), holds: { handguns: true, ammunition: true } }, "2013-09-30").result
        .appliesTo,
      ["handguns"],
    );
  });
  test('"none": holds neither, so no duty; not answered: unknown', () => {
    assert.equal(ask({ becameIneligibleOn: d("2014-05-02"), holds: "none" }, "2014-05-02").outcome, "no");
    assert.equal(ask({ becameIneligibleOn: d("2014-05-02") }, "2014-05-02").outcome, "unknown");
  });
  test("an event before 2013-04-04 with handguns is refused (earlier law not modelled)", () => {
    assert.throws(
      () => ask({ becameIneligibleOn: d("2013-04-03"), holds: { handguns: true } }, "2013-04-05"),
      NotInForce,
    );
  });
  test("properties", () => {
    const arb = fc
      .record({
        becameIneligibleOn: opt(arbDate("2013-04-04", "2016-12-31")),
        holds: opt(
          fc.oneof(
            fc.constant("none" as const),
            fc.record({ handguns: opt(fc.boolean()), ammunition: opt(fc.boolean()) }).map((h) => compact(h)),
          ),
        ),
        transferredOrSurrenderedOn: opt(arbDate("2013-04-04", "2017-01-31")),
      })
      .map((g) => compact<IneligibleTransferFacts>(g));
    checkQuestionLaws(ineligibleTransferDeadline, arb, arbDate("2013-04-04", "2017-06-30"));
  });
});
