/** Felonies, the listed misdemeanors (with the ammunition certificate's 1 July 2013 limit) and serious juvenile offenses. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CredentialEvent } from "./facts.ts";
import { felonyConviction } from "./felony-conviction.ts";
import { CREDENTIAL_KINDS, type CredentialKind } from "./kinds.ts";
import { LISTED_MISDEMEANORS, classifyStatute, listedMisdemeanorConviction } from "./listed-misdemeanor-conviction.ts";
import { seriousJuvenileOffense } from "./serious-juvenile-offense.ts";
import { type Case, d, eligibleFacts, expectStatus, withEvents } from "./test-fixtures.ts";

type Conviction = Extract<CredentialEvent, { kind: "conviction" }>;
const conviction = (c: Omit<Conviction, "kind">): Conviction => ({ kind: "conviction", ...c });
const LG: CredentialKind = "long-gun-eligibility-certificate";
const AMMO: CredentialKind = "ammunition-certificate";

describe("felony conviction", () => {
  const cases: Case[] = [
    {
      name: "a felony",
      facts: withEvents(LG, conviction({ felony: true, statute: "53a-60", convictionDate: d("2001-01-01") })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "a felony decades ago still counts (no look-back)",
      facts: withEvents(LG, conviction({ felony: true, convictionDate: d("1975-01-01") })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "ammunition certificate: a felony committed before 2013-07-01 counts",
      facts: withEvents(AMMO, conviction({ felony: true, offenseDate: d("2010-01-01") })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "not a felony",
      facts: withEvents(LG, conviction({ felony: false, statute: "14-227a" })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "a listed misdemeanor is not a felony",
      facts: withEvents(LG, conviction({ statute: "53a-61" })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "felony or not is unknown",
      facts: withEvents(LG, conviction({ statute: "53a-123" })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].felony"],
    },
    {
      name: "marked felony, but the statute is a listed misdemeanor: conflict",
      facts: withEvents(LG, conviction({ statute: "53a-61", felony: true })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].felony", "events[0].statute"],
    },
    {
      name: "convicted after the check date: not yet",
      facts: withEvents(LG, conviction({ felony: true, convictionDate: d("2015-01-01") })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "a juvenile adjudication is not a felony conviction",
      facts: withEvents(LG, conviction({ felony: true, juvenile: true, seriousJuvenileOffense: false })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "records not searched, nothing found: unknown",
      facts: eligibleFacts(LG, { recordsChecked: false }),
      on: "2014-01-01",
      status: "unknown",
      missing: ["recordsChecked"],
    },
    {
      name: "records not searched, a felony known anyway: not-met",
      facts: eligibleFacts(LG, { recordsChecked: undefined, events: [conviction({ felony: true })] }),
      on: "2014-01-01",
      status: "not-met",
    },
    { name: "records searched, nothing found", facts: eligibleFacts(LG), on: "2014-01-01", status: "met" },
  ];
  for (const c of cases) test(c.name, () => expectStatus(felonyConviction(c.facts, d(c.on)), c.status, c.missing));
});

describe("listed misdemeanors", () => {
  for (const statute of Object.keys(LISTED_MISDEMEANORS)) {
    test(`${statute} (${LISTED_MISDEMEANORS[statute]}) bars a long gun certificate`, () =>
      expectStatus(listedMisdemeanorConviction(withEvents(LG, conviction({ statute })), d("2014-01-01")), "not-met"));
  }
  const statutes: [string, ReturnType<typeof classifyStatute>][] = [
    ["53a-61", "listed"],
    ["CGS § 53a-61(a)(1)", "listed"],
    ["Sec. 53a-181d", "listed"],
    ["53a-61a", "listed"],
    ["21a-279(c)", "listed"],
    ["21a-279(a)", "not-listed"],
    ["21a-279", "ambiguous"],
    ["53a-60", "not-listed"],
    ["53a-181", "not-listed"],
    ["N.Y. Penal Law 120.00", "not-listed"],
  ];
  for (const [s, expected] of statutes)
    test(`"${s}" reads as ${expected}`, () => assert.equal(classifyStatute(s), expected));

  const cases: Case[] = [
    {
      name: "21a-279 without subsection, not a felony: unknown",
      facts: withEvents(LG, conviction({ statute: "21a-279", felony: false })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].statute"],
    },
    {
      name: "21a-279 without subsection, a felony: left to the felony rule",
      facts: withEvents(LG, conviction({ statute: "21a-279", felony: true })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "no statute, not a felony: unknown",
      facts: withEvents(LG, conviction({ felony: false })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].statute"],
    },
    {
      name: "no statute, a felony: left to the felony rule",
      facts: withEvents(LG, conviction({ felony: true })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "another state's misdemeanor is not listed",
      facts: withEvents(LG, conviction({ statute: "N.Y. Penal Law 120.00", felony: false })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "long gun certificate: violation on 2013-06-30 counts",
      facts: withEvents(LG, conviction({ statute: "53a-61", offenseDate: d("2013-06-30") })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "ammunition certificate: violation the day before 2013-07-01 does not count",
      facts: withEvents(AMMO, conviction({ statute: "53a-61", offenseDate: d("2013-06-30") })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "ammunition certificate: violation on 2013-07-01 counts",
      facts: withEvents(AMMO, conviction({ statute: "53a-61", offenseDate: d("2013-07-01") })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "ammunition certificate: the conviction date does not matter, the violation date does",
      facts: withEvents(
        AMMO,
        conviction({ statute: "53a-62", offenseDate: d("2013-05-01"), convictionDate: d("2013-09-01") }),
      ),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "ammunition certificate: violation date not known: unknown",
      facts: withEvents(AMMO, conviction({ statute: "53a-61", convictionDate: d("2013-09-01") })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].offenseDate"],
    },
    {
      name: "convicted after the check date: not yet",
      facts: withEvents(LG, conviction({ statute: "53a-61", convictionDate: d("2015-01-01") })),
      on: "2014-01-01",
      status: "met",
    },
  ];
  for (const c of cases)
    test(c.name, () => expectStatus(listedMisdemeanorConviction(c.facts, d(c.on)), c.status, c.missing));

  for (const kind of CREDENTIAL_KINDS.filter((k) => k !== AMMO)) {
    test(`${kind}: a 2005 third-degree assault bars it`, () =>
      expectStatus(
        listedMisdemeanorConviction(
          withEvents(kind, conviction({ statute: "53a-61", offenseDate: d("2005-01-01") })),
          d("2014-01-01"),
        ),
        "not-met",
      ));
  }
});

describe("serious juvenile offense", () => {
  const cases: Case[] = [
    {
      name: "adjudicated for a serious juvenile offense",
      facts: withEvents(LG, conviction({ juvenile: true, seriousJuvenileOffense: true })),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "ammunition certificate too",
      facts: withEvents(
        AMMO,
        conviction({ juvenile: true, seriousJuvenileOffense: true, offenseDate: d("2005-01-01") }),
      ),
      on: "2014-01-01",
      status: "not-met",
    },
    {
      name: "a juvenile adjudication for another offense",
      facts: withEvents(LG, conviction({ juvenile: true, seriousJuvenileOffense: false })),
      on: "2014-01-01",
      status: "met",
    },
    {
      name: "serious or not is unknown",
      facts: withEvents(LG, conviction({ juvenile: true })),
      on: "2014-01-01",
      status: "unknown",
      missing: ["events[0].seriousJuvenileOffense"],
    },
    {
      name: "adult convictions are not juvenile adjudications",
      facts: withEvents(LG, conviction({ felony: false, statute: "14-227a" })),
      on: "2014-01-01",
      status: "met",
    },
  ];
  for (const c of cases)
    test(c.name, () => expectStatus(seriousJuvenileOffense(c.facts, d(c.on)), c.status, c.missing));
});
