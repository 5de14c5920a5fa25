/** Tests of `lcm-dealer-transfer`: the report by the transfer's date, both sides of 2014-01-01. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../../core/dates.ts";
import { NotInForce } from "../../core/rules.ts";
import { CERTIFICATE_FIELDS, lcmDealerTransferQuestion as q } from "./lcm-dealer-transfer.ts";

const ask = (facts: unknown, on = "2014-02-01") => q.decide(q.facts.parse(facts), on as PlainDate);
const done = (transferredOn: string, reported: string) => ({
  transferredOn,
  certificateExecutedAtDelivery: true,
  certificateFields: [...CERTIFICATE_FIELDS],
  licenceAndPermitPresented: true,
  reported,
});

describe("lcm-dealer-transfer", () => {
  test("a transfer on 2013-12-31 is reported monthly; on 2014-01-01 the certificate is sent", () => {
    const dec = ask(done("2013-12-31", "monthly-report"));
    assert.equal(dec.outcome, "yes");
    assert.equal(dec.result.reportDuty, "monthly-report");
    const jan = ask(done("2014-01-01", "certificate-sent"));
    assert.equal(jan.outcome, "yes");
    assert.equal(jan.result.reportDuty, "send-certificate");
  });

  test("a monthly report does not replace sending the certificate from 2014-01-01", () => {
    assert.equal(ask(done("2014-01-01", "monthly-report")).outcome, "no");
    assert.equal(ask(done("2013-12-31", "none")).outcome, "no");
  });

  test("a certificate sent for a 2013 transfer instead of the monthly report: unknown (QUESTION(legal))", () => {
    assert.equal(ask(done("2013-12-31", "certificate-sent")).outcome, "unknown");
  });

  test("a certificate without the transferor's address, or no licence shown: no", () => {
    const fields = CERTIFICATE_FIELDS.filter((f) => f !== "transferor.address");
    const a = ask({ ...done("2014-01-02", "certificate-sent"), certificateFields: fields });
    assert.equal(a.outcome, "no");
    assert.deepEqual(a.result.missingCertificateFields, ["transferor.address"]);
    assert.equal(ask({ ...done("2014-01-02", "certificate-sent"), licenceAndPermitPresented: false }).outcome, "no");
  });

  test("no transfer date: unknown, naming it", () => {
    const a = ask({ ...done("2014-01-02", "certificate-sent"), transferredOn: undefined });
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings.some((f) => f.missing?.includes("transferredOn")));
  });

  test("not modelled before passage", () => {
    assert.throws(() => ask(done("2013-04-03", "monthly-report"), "2013-04-03"), NotInForce);
    assert.throws(() => ask(done("2013-04-03", "monthly-report"), "2013-05-01"), NotInForce);
  });

  test("the example is answered yes", () => assert.equal(ask(q.example).outcome, "yes"));
});
