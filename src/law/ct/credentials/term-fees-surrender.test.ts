/** Credential terms, renewal notices, fees, surrender deadlines and late-surrender penalties. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { applicationFee } from "./fees.ts";
import { CREDENTIAL_KINDS, type CredentialKind } from "./kinds.ts";
import { lateSurrenderPenalty, surrenderDeadline } from "./surrender.ts";
import { credentialTerm, renewalNotice } from "./term.ts";
import { d } from "./test-fixtures.ts";

describe("credentialTerm", () => {
  const cases: [CredentialKind, string, string][] = [
    ["long-gun-eligibility-certificate", "2013-07-01", "2018-07-01"],
    ["ammunition-certificate", "2013-07-01", "2018-07-01"],
    ["handgun-eligibility-certificate", "2014-03-15", "2019-03-15"],
    ["state-handgun-permit", "2016-02-29", "2021-02-28"],
    ["temporary-state-permit", "2014-01-01", "2014-03-02"],
  ];
  for (const [kind, issuedOn, expiresOn] of cases) {
    test(`${kind} issued ${issuedOn} expires ${expiresOn}`, () => {
      const t = credentialTerm(kind, d(issuedOn));
      assert.equal(t.expiresOn, expiresOn);
      assert.ok(t.source.section);
    });
  }
  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: refused for an issue date the day before 2013-07-01`, () =>
      assert.throws(() => credentialTerm(kind, d("2013-06-30")), NotInForce));
  }
});

describe("renewalNotice", () => {
  const cases: [CredentialKind, string, string | null][] = [
    ["handgun-eligibility-certificate", "2018-07-01", "2018-04-02"],
    ["long-gun-eligibility-certificate", "2019-04-01", "2019-01-01"],
    ["state-handgun-permit", "2019-03-01", "2018-12-01"],
    ["ammunition-certificate", "2018-10-01", null],
    ["temporary-state-permit", "2014-03-02", null],
  ];
  for (const [kind, expiresOn, sendOn] of cases) {
    test(`${kind} expiring ${expiresOn}: notice ${sendOn ?? "not required"}`, () =>
      assert.equal(renewalNotice(kind, d(expiresOn)).sendOn, sendOn));
  }
  test("the ammunition certificate's source says no notice is required", () =>
    assert.match(renewalNotice("ammunition-certificate", d("2018-10-01")).source.text ?? "", /not required to notify/));
});

describe("applicationFee", () => {
  const cases: [CredentialKind, number][] = [
    ["long-gun-eligibility-certificate", 3500],
    ["ammunition-certificate", 3500],
    ["handgun-eligibility-certificate", 3500],
    ["temporary-state-permit", 14000],
    ["state-handgun-permit", 0],
  ];
  for (const [kind, cents] of cases) {
    test(`${kind}: ${cents} cents on 2013-07-01`, () =>
      assert.equal(applicationFee(kind, d("2013-07-01")).amountCents, cents));
    test(`${kind}: refused on 2013-06-30`, () =>
      assert.throws(() => applicationFee(kind, d("2013-06-30")), NotInForce));
  }
});

describe("surrender after revocation", () => {
  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: five days after written notice`, () =>
      assert.equal(surrenderDeadline(kind, d("2014-03-01")).dueOn, "2014-03-06"));
  }
  test("across a month end", () =>
    assert.equal(surrenderDeadline("ammunition-certificate", d("2014-02-26")).dueOn, "2014-03-03"));
  test("refused before 2013-07-01", () =>
    assert.throws(() => surrenderDeadline("state-handgun-permit", d("2013-06-30")), NotInForce));

  const penalties: [CredentialKind, string | undefined, string][] = [
    ["state-handgun-permit", "2013-09-30", "class C misdemeanor"],
    ["state-handgun-permit", "2013-10-01", "class A misdemeanor"],
    ["temporary-state-permit", "2013-10-01", "class A misdemeanor"],
    ["handgun-eligibility-certificate", "2013-09-30", "class C misdemeanor"],
    ["handgun-eligibility-certificate", "2013-10-01", "class A misdemeanor"],
    ["long-gun-eligibility-certificate", "2013-07-01", "class A misdemeanor"],
    ["ammunition-certificate", "2013-07-01", "class A misdemeanor"],
    ["state-handgun-permit", undefined, "class A misdemeanor"],
    ["handgun-eligibility-certificate", undefined, "class A misdemeanor"],
  ];
  for (const [kind, on, classification] of penalties) {
    test(`${kind} ${on ? `on ${on}` : "(current)"}: ${classification}`, () => {
      const p = lateSurrenderPenalty(kind, on === undefined ? undefined : d(on));
      assert.equal(p.classification, classification);
      assert.ok(p.offense.length > 0);
    });
  }
  test("penalty refused before 2013-07-01 when a date is given", () =>
    assert.throws(() => lateSurrenderPenalty("long-gun-eligibility-certificate", d("2013-06-30")), NotInForce));
});
