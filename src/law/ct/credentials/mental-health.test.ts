/** Not-guilty-by-reason-of-insanity discharges, probate commitments and voluntary admissions. */
import { describe, test } from "node:test";
import type { CredentialEvent } from "./facts.ts";
import { CREDENTIAL_KINDS, type CredentialKind } from "./kinds.ts";
import { ngriDischarge } from "./ngri-discharge.ts";
import { probateCommitment } from "./probate-commitment.ts";
import { type Case, d, eligibleFacts, expectStatus, withEvents } from "./test-fixtures.ts";
import { voluntaryAdmission } from "./voluntary-admission.ts";

const LG: CredentialKind = "long-gun-eligibility-certificate";
const ngri = (date?: string): CredentialEvent => ({ kind: "ngri-discharge", ...(date ? { date: d(date) } : {}) });
const probate = (date?: string): CredentialEvent => ({
  kind: "probate-commitment",
  ...(date ? { date: d(date) } : {}),
});
const admission = (date?: string, solelyAlcoholOrDrug?: boolean): CredentialEvent => ({
  kind: "voluntary-admission",
  ...(date ? { date: d(date) } : {}),
  ...(solelyAlcoholOrDrug !== undefined ? { solelyAlcoholOrDrug } : {}),
});

describe("discharge after a not-guilty-by-reason-of-mental-disease finding (20 years)", () => {
  const cases: Case[] = [
    {
      name: "exactly 20 years before: still within",
      facts: withEvents(LG, ngri("1994-01-01")),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "20 years and a day before: outside",
      facts: withEvents(LG, ngri("1993-12-31")),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "last year",
      facts: withEvents("handgun-eligibility-certificate", ngri("2013-01-01")),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "date not known: unknown",
      facts: withEvents(LG, ngri()),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].date"],
    },
    {
      name: "discharged after the check date: not yet",
      facts: withEvents(LG, ngri("2014-06-01")),
      on: "2014-01-01",
      status: "met",
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(ngriDischarge(c.facts, d(c.on)), c.status, c.missing));
});

describe("probate court commitment: 12 months, then 60 months from 2013-10-01", () => {
  const cases: Case[] = [
    {
      name: "2013-09-30, committed exactly 12 months before: within",
      facts: withEvents(LG, probate("2012-09-30")),
      on: "2013-09-30",
      status: "not-met",
    },
    {
      name: "2013-09-30, committed 12 months and a day before: outside",
      facts: withEvents(LG, probate("2012-09-29")),
      on: "2013-09-30",
      status: "met",
    },
    {
      name: "2013-10-01, the same commitment is now within 60 months",
      facts: withEvents(LG, probate("2012-09-29")),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "2013-10-01, committed before the Act, 5 years before: within",
      facts: withEvents(LG, probate("2008-10-01")),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "2013-10-01, committed 60 months and a day before: outside",
      facts: withEvents(LG, probate("2008-09-30")),
      on: "2013-10-01",
      status: "met",
    },
    {
      name: "2013-07-01, the first day modelled: 12 months",
      facts: withEvents(LG, probate("2012-06-30")),
      on: "2013-07-01",
      status: "met",
    },
    {
      name: "date not known: unknown",
      facts: withEvents(LG, probate()),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].date"],
    },
    {
      name: "several events: one within the window is enough",
      facts: withEvents(LG, probate("2000-01-01"), probate("2012-01-01")),
      on: "2014-01-01",
      status: "not-met",
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(probateCommitment(c.facts, d(c.on)), c.status, c.missing));
  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: 60 months from 2013-10-01`, () =>
      expectStatus(probateCommitment(withEvents(kind, probate("2010-01-01")), d("2014-01-01")), "not-met"));
  }
});

describe("voluntary psychiatric admission: 6 months, admissions from 2013-10-01, not solely alcohol or drugs", () => {
  const cases: Case[] = [
    {
      name: "2013-09-30: the rule does not exist yet",
      facts: withEvents(LG, admission("2013-09-01", false)),
      on: "2013-09-30",
      status: "not-applicable",
    },
    {
      name: "2013-10-01: admitted that day",
      facts: withEvents(LG, admission("2013-10-01", false)),
      on: "2013-10-01",
      status: "not-met",
    },
    {
      name: "2013-10-01: admitted the day before: does not count",
      facts: withEvents(LG, admission("2013-09-30", false)),
      on: "2013-10-01",
      status: "met",
    },
    {
      name: "exactly 6 months before: within",
      facts: withEvents(LG, admission("2013-10-01", false)),
      on: "2014-04-01",
      status: "not-met",
    },
    {
      name: "6 months and a day before: outside",
      facts: withEvents(LG, admission("2013-10-01", false)),
      on: "2014-04-02",
      status: "met",
    },
    {
      name: "solely for alcohol or drug dependence: does not count",
      facts: withEvents(LG, admission("2014-01-01", true)),
      on: "2014-03-01",
      status: "met",
    },
    {
      name: "whether solely alcohol or drugs is not known: unknown",
      facts: withEvents(LG, admission("2014-01-01")),
      on: "2014-03-01",
      status: "unknown",
      missing: ["events[0].solelyAlcoholOrDrug"],
    },
    {
      name: "outside the window, alcohol/drug not known: no need to know",
      facts: withEvents(LG, admission("2013-11-01")),
      on: "2014-06-01",
      status: "met",
    },
    {
      name: "date not known: unknown",
      facts: withEvents(LG, admission(undefined, false)),
      on: "2014-03-01",
      status: "unknown",
      missing: ["events[0].date"],
    },
    {
      name: "admitted after the check date: not yet",
      facts: withEvents(LG, admission("2014-05-01", false)),
      on: "2014-03-01",
      status: "met",
    },
    {
      name: "records not searched: unknown",
      facts: eligibleFacts(LG, { recordsChecked: false }),
      on: "2014-03-01",
      status: "unknown",
      missing: ["recordsChecked"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(voluntaryAdmission(c.facts, d(c.on)), c.status, c.missing));
  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: a recent admission bars it`, () =>
      expectStatus(voluntaryAdmission(withEvents(kind, admission("2014-01-01", false)), d("2014-03-01")), "not-met"));
  }
});
