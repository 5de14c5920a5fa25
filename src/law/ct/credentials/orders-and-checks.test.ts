/** Court orders, federal prohibitors, lawful presence, the background check and the fee. */
import { describe, test } from "node:test";
import { backgroundCheckConsent, nationalBackgroundCheck } from "./background-check.ts";
import type { CredentialEvent } from "./facts.ts";
import { federalProhibitor } from "./federal-prohibitor.ts";
import { feePaid } from "./fee-paid.ts";
import { firearmsSeizureOrder } from "./firearms-seizure-order.ts";
import type { CredentialKind } from "./kinds.ts";
import { lawfulPresence } from "./lawful-presence.ts";
import { protectiveOrder } from "./protective-order.ts";
import { type Case, d, eligibleFacts, expectStatus, withEvents } from "./test-fixtures.ts";

const LG: CredentialKind = "long-gun-eligibility-certificate";
const order = (
  kind: "protective-order" | "restraining-order" | "foreign-order",
  o: { issuedOn?: string; expiresOn?: string; active?: boolean },
): CredentialEvent => ({
  kind,
  ...(o.issuedOn ? { issuedOn: d(o.issuedOn) } : {}),
  ...(o.expiresOn ? { expiresOn: d(o.expiresOn) } : {}),
  ...(o.active !== undefined ? { active: o.active } : {}),
});
const seizure = (o: { date?: string; active?: boolean }): CredentialEvent => ({
  kind: "firearms-seizure-order",
  ...(o.date ? { date: d(o.date) } : {}),
  ...(o.active !== undefined ? { active: o.active } : {}),
});

describe("protective, restraining and foreign orders", () => {
  const on = "2014-01-01";
  const cases: Case[] = [
    {
      name: "active protective order",
      facts: withEvents(
        LG,
        order("protective-order", { issuedOn: "2013-12-01", expiresOn: "2014-06-01", active: true }),
      ),
      on,
      status: "not-met",
    },
    {
      name: "active restraining order",
      facts: withEvents(LG, order("restraining-order", { issuedOn: "2013-12-01", active: true })),
      on,
      status: "not-met",
    },
    {
      name: "active foreign order of protection",
      facts: withEvents(LG, order("foreign-order", { active: true })),
      on,
      status: "not-met",
    },
    {
      name: "expired order, marked inactive",
      facts: withEvents(
        LG,
        order("protective-order", { issuedOn: "2012-01-01", expiresOn: "2013-01-01", active: false }),
      ),
      on,
      status: "met",
    },
    {
      name: "dates say in force, no active flag",
      facts: withEvents(LG, order("protective-order", { issuedOn: "2013-12-01", expiresOn: "2014-01-01" })),
      on,
      status: "not-met",
    },
    {
      name: "dates say expired, no active flag",
      facts: withEvents(LG, order("protective-order", { issuedOn: "2012-12-01", expiresOn: "2013-12-31" })),
      on,
      status: "met",
    },
    {
      name: "issued after the check date",
      facts: withEvents(LG, order("restraining-order", { issuedOn: "2014-02-01" })),
      on,
      status: "met",
    },
    {
      name: "marked active but expired: conflict, unknown",
      facts: withEvents(
        LG,
        order("protective-order", { issuedOn: "2012-01-01", expiresOn: "2013-01-01", active: true }),
      ),
      on,
      status: "unknown",
      missing: ["events[0].active", "events[0].issuedOn", "events[0].expiresOn"],
    },
    {
      name: "marked inactive but in force by its dates: conflict, unknown",
      facts: withEvents(
        LG,
        order("protective-order", { issuedOn: "2013-12-01", expiresOn: "2014-06-01", active: false }),
      ),
      on,
      status: "unknown",
      missing: ["events[0].active", "events[0].issuedOn", "events[0].expiresOn"],
    },
    {
      name: "no expiry and no active flag: unknown",
      facts: withEvents(LG, order("protective-order", { issuedOn: "2013-12-01" })),
      on,
      status: "unknown",
      missing: ["events[0].active", "events[0].issuedOn", "events[0].expiresOn"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(protectiveOrder(c.facts, d(c.on)), c.status, c.missing));
});

describe("firearms seizure orders", () => {
  const on = "2014-01-01";
  const cases: Case[] = [
    { name: "in force", facts: withEvents(LG, seizure({ date: "2013-11-01", active: true })), on, status: "not-met" },
    {
      name: "no longer in force",
      facts: withEvents(LG, seizure({ date: "2012-11-01", active: false })),
      on,
      status: "met",
    },
    {
      name: "in force or not is unknown",
      facts: withEvents(LG, seizure({ date: "2013-11-01" })),
      on,
      status: "unknown",
      missing: ["events[0].active"],
    },
    { name: "made after the check date", facts: withEvents(LG, seizure({ date: "2014-02-01" })), on, status: "met" },
    {
      name: "marked in force but made after the check date: conflict",
      facts: withEvents(LG, seizure({ date: "2014-02-01", active: true })),
      on,
      status: "unknown",
      missing: ["events[0].active", "events[0].date"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(firearmsSeizureOrder(c.facts, d(c.on)), c.status, c.missing));
});

describe("federal prohibitors", () => {
  const on = "2014-01-01";
  const cases: Case[] = [
    {
      name: "922(g)(4)",
      facts: withEvents(LG, { kind: "federal-prohibitor", category: "922(g)(4)", date: d("2010-01-01") }),
      on,
      status: "not-met",
    },
    {
      name: "922(n) (under indictment)",
      facts: withEvents("ammunition-certificate", { kind: "federal-prohibitor", category: "922(n)" }),
      on,
      status: "not-met",
    },
    {
      name: "no category given: still a prohibitor",
      facts: withEvents(LG, { kind: "federal-prohibitor" }),
      on,
      status: "not-met",
    },
    {
      name: "dated after the check date",
      facts: withEvents(LG, { kind: "federal-prohibitor", category: "922(g)(1)", date: d("2015-01-01") }),
      on,
      status: "met",
    },
    {
      name: "records not searched: unknown",
      facts: eligibleFacts(LG, { recordsChecked: undefined }),
      on,
      status: "unknown",
      missing: ["recordsChecked"],
    },
  ];
  for (const c of cases) test(c.name, () => expectStatus(federalProhibitor(c.facts, d(c.on)), c.status, c.missing));
});

describe("lawful presence, background check, fee", () => {
  const on = "2014-01-01";
  const base = eligibleFacts(LG);
  const applicant = (citizenOrLawfulResident?: boolean) =>
    eligibleFacts(LG, { applicant: { ...base.applicant, citizenOrLawfulResident } });
  const cases: [string, (f: typeof base, on: ReturnType<typeof d>) => ReturnType<typeof lawfulPresence>, Case][] = [
    [
      "lawful presence",
      lawfulPresence,
      { name: "citizen or lawful resident", facts: applicant(true), on, status: "met" },
    ],
    [
      "lawful presence",
      lawfulPresence,
      { name: "unlawfully in the United States", facts: applicant(false), on, status: "not-met" },
    ],
    [
      "lawful presence",
      lawfulPresence,
      {
        name: "not known",
        facts: applicant(undefined),
        on,
        status: "unknown",
        missing: ["applicant.citizenOrLawfulResident"],
      },
    ],
    ["consent", backgroundCheckConsent, { name: "given", facts: base, on, status: "met" }],
    [
      "consent",
      backgroundCheckConsent,
      { name: "refused", facts: eligibleFacts(LG, { backgroundCheckConsent: false }), on, status: "not-met" },
    ],
    [
      "consent",
      backgroundCheckConsent,
      {
        name: "not known",
        facts: eligibleFacts(LG, { backgroundCheckConsent: undefined }),
        on,
        status: "unknown",
        missing: ["backgroundCheckConsent"],
      },
    ],
    ["national check", nationalBackgroundCheck, { name: "proceed", facts: base, on, status: "met" }],
    [
      "national check",
      nationalBackgroundCheck,
      { name: "denied", facts: eligibleFacts(LG, { nics: { status: "denied" } }), on, status: "not-met" },
    ],
    [
      "national check",
      nationalBackgroundCheck,
      {
        name: "delayed: unknown",
        facts: eligibleFacts(LG, { nics: { status: "delayed" } }),
        on,
        status: "unknown",
        missing: ["nics.status"],
      },
    ],
    [
      "national check",
      nationalBackgroundCheck,
      {
        name: "no result: unknown",
        facts: eligibleFacts(LG, { nics: undefined }),
        on,
        status: "unknown",
        missing: ["nics.status"],
      },
    ],
    ["fee", feePaid, { name: "paid", facts: base, on, status: "met" }],
    ["fee", feePaid, { name: "not paid", facts: eligibleFacts(LG, { feePaid: false }), on, status: "not-met" }],
    [
      "fee",
      feePaid,
      {
        name: "not known",
        facts: eligibleFacts(LG, { feePaid: undefined }),
        on,
        status: "unknown",
        missing: ["feePaid"],
      },
    ],
  ];
  for (const [group, rule, c] of cases)
    test(`${group}: ${c.name}`, () => expectStatus(rule(c.facts, d(c.on)), c.status, c.missing));
});
