/** Table tests of `criminal-possession` (CGS §§ 53a-217, 53a-217c; PA 13-3 §§ 44-45). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { d } from "../sales/fixtures.ts";
import {
  type CriminalPossessionFacts,
  criminalPossessionQuestion,
  decideCriminalPossession,
} from "./criminal-possession.ts";
import type { PersonEvent } from "./events.ts";

type Item = NonNullable<CriminalPossessionFacts["item"]>;
type Row = [
  name: string,
  on: string,
  item: Item,
  events: PersonEvent[] | undefined,
  crime: boolean | null,
  crimeClass?: string | null,
  credentials?: CriminalPossessionFacts["credentials"],
];

const felony: PersonEvent = { kind: "conviction", felony: true, convictionDate: d("2005-03-01") };
const assault = (offense: string, conviction = "2014-01-15"): PersonEvent => ({
  kind: "conviction",
  statute: "53a-61",
  felony: false,
  offenseDate: d(offense),
  convictionDate: d(conviction),
});
const PRE_PERMIT = { kind: "permit-to-carry" as const, status: "valid" as const, issuedOn: d("2012-05-01") };
const POST_PERMIT = { kind: "permit-to-carry" as const, status: "valid" as const, issuedOn: d("2013-10-01") };

function run(rows: Row[]) {
  for (const [name, on, item, events, crime, crimeClass, credentials] of rows) {
    test(`${on} ${item}: ${name}`, () => {
      const facts: CriminalPossessionFacts = { item, ...(events ? { events } : {}), credentials: credentials ?? [] };
      const a = decideCriminalPossession(facts, d(on));
      assert.equal(
        a.result.crime,
        crime,
        JSON.stringify(
          a.findings.filter((f) => f.status !== "met" && f.status !== "not-applicable"),
          null,
          1,
        ),
      );
      if (crimeClass !== undefined) assert.equal(a.result.crimeClass, crimeClass);
    });
  }
}

describe("criminal-possession: the 1 October 2013 changes", () => {
  run([
    ["no records", "2013-04-04", "firearm", [], false],
    ["felony, firearm, day before: class D", "2013-09-30", "firearm", [felony], true, "class D felony"],
    ["felony, firearm, 2013-10-01: class C", "2013-10-01", "firearm", [felony], true, "class C felony"],
    ["felony, ammunition, day before: no crime yet", "2013-09-30", "ammunition", [felony], false],
    ["felony, ammunition, 2013-10-01", "2013-10-01", "ammunition", [felony], true, "class C felony"],
    ["felony, handgun, day before: class D", "2013-09-30", "handgun", [felony], true, "class D felony"],
    ["felony, electronic defense weapon", "2014-01-01", "electronic-defense-weapon", [felony], true],
    ["records not looked up", "2014-01-01", "firearm", undefined, null],
  ]);
  test("a handgun reaches both crimes, with the 2013-10-01 minimums", () => {
    const a = decideCriminalPossession({ item: "handgun", events: [felony] }, d("2013-10-01"));
    assert.deepEqual(a.result.offenses.map((o) => o.statute).sort(), ["CGS § 53a-217", "CGS § 53a-217c"]);
    assert.ok(
      a.result.offenses.every((o) => o.mandatoryMinimum?.prisonYears === 2 && o.mandatoryMinimum?.fineDollars === 5000),
    );
    const before = decideCriminalPossession({ item: "handgun", events: [felony] }, d("2013-09-30"));
    assert.equal(before.result.offenses.find((o) => o.statute === "CGS § 53a-217")?.mandatoryMinimum?.prisonYears, 2);
    assert.equal(before.result.offenses.find((o) => o.statute === "CGS § 53a-217c")?.mandatoryMinimum, undefined);
  });
  test("before passage is refused", () =>
    assert.throws(() => decideCriminalPossession({ item: "firearm", events: [] }, d("2013-04-03")), NotInForce));
});

describe("criminal-possession: convictions", () => {
  run([
    [
      "assault 3rd committed 2013-09-30: not a firearm prohibitor",
      "2014-02-01",
      "firearm",
      [assault("2013-09-30")],
      false,
    ],
    ["assault 3rd committed 2013-10-01: firearm prohibitor", "2014-02-01", "firearm", [assault("2013-10-01")], true],
    [
      "assault 3rd committed 2010: pistol prohibitor (existing law)",
      "2013-06-01",
      "handgun",
      [assault("2010-01-01", "2010-05-01")],
      true,
    ],
    ["assault 3rd committed 2013-10-01, ammunition", "2014-02-01", "ammunition", [assault("2013-10-01")], true],
    ["assault 3rd, conviction after the date asked", "2014-01-14", "firearm", [assault("2013-10-01")], false],
    [
      "second-degree riot (class B misdemeanor) is listed",
      "2014-02-01",
      "firearm",
      [{ kind: "conviction", statute: "53a-176", offenseDate: d("2013-11-01"), convictionDate: d("2014-01-01") }],
      true,
    ],
    [
      "21a-279(c) possession is listed",
      "2014-02-01",
      "firearm",
      [
        {
          kind: "conviction",
          statute: "21a-279(c)",
          felony: false,
          offenseDate: d("2013-11-01"),
          convictionDate: d("2014-01-01"),
        },
      ],
      true,
    ],
    [
      "21a-279 without subsection: unknown",
      "2014-02-01",
      "firearm",
      [
        {
          kind: "conviction",
          statute: "21a-279",
          felony: false,
          offenseDate: d("2013-11-01"),
          convictionDate: d("2014-01-01"),
        },
      ],
      null,
    ],
    [
      "unlisted misdemeanor (DUI)",
      "2014-02-01",
      "handgun",
      [
        {
          kind: "conviction",
          statute: "14-227a",
          felony: false,
          offenseDate: d("2013-11-01"),
          convictionDate: d("2014-01-01"),
        },
      ],
      false,
    ],
    [
      "conviction with no statute and no felony flag: unknown",
      "2014-02-01",
      "handgun",
      [{ kind: "conviction", convictionDate: d("2014-01-01") }],
      null,
    ],
    [
      "felony without a conviction date: unknown",
      "2014-02-01",
      "firearm",
      [{ kind: "conviction", felony: true }],
      null,
    ],
    [
      "juvenile serious offense",
      "2014-02-01",
      "firearm",
      [{ kind: "conviction", juvenile: true, seriousJuvenileOffense: true, convictionDate: d("2010-01-01") }],
      true,
    ],
    [
      "juvenile, not serious",
      "2014-02-01",
      "firearm",
      [
        {
          kind: "conviction",
          juvenile: true,
          felony: true,
          seriousJuvenileOffense: false,
          convictionDate: d("2010-01-01"),
        },
      ],
      false,
    ],
    [
      "juvenile, seriousness not reported: unknown",
      "2014-02-01",
      "firearm",
      [{ kind: "conviction", juvenile: true, felony: true, convictionDate: d("2010-01-01") }],
      null,
    ],
    [
      "juvenile adjudication for a listed misdemeanor: not a conviction",
      "2014-02-01",
      "handgun",
      [
        {
          kind: "conviction",
          juvenile: true,
          statute: "53a-61",
          felony: false,
          seriousJuvenileOffense: false,
          offenseDate: d("2013-11-01"),
          convictionDate: d("2014-01-01"),
        },
      ],
      false,
    ],
  ]);
});

describe("criminal-possession: not guilty by reason of mental disease, 20 years", () => {
  const ngri = (date: string): PersonEvent[] => [{ kind: "ngri-discharge", date: d(date) }];
  run([
    ["firearm, day before 2013-10-01: not yet a prohibitor", "2013-09-30", "firearm", ngri("2000-01-01"), false],
    ["firearm, 2013-10-01", "2013-10-01", "firearm", ngri("2000-01-01"), true],
    ["handgun, existing law", "2013-09-30", "handgun", ngri("2000-01-01"), true],
    ["exactly 20 years ago", "2014-03-01", "firearm", ngri("1994-03-01"), true],
    ["20 years and a day ago", "2014-03-02", "firearm", ngri("1994-03-01"), false],
    ["date missing", "2014-03-02", "handgun", [{ kind: "ngri-discharge" }], null],
  ]);
});

describe("criminal-possession: probate commitments, 12 or 60 months", () => {
  const pc = (date: string): PersonEvent[] => [{ kind: "probate-commitment", date: d(date) }];
  run([
    ["handgun, existing law: 12 months, last day", "2013-09-30", "handgun", pc("2012-09-30"), true],
    ["handgun, existing law: 12 months and a day", "2013-09-30", "handgun", pc("2012-09-29"), false],
    [
      "firearm, confined 2013-09-30: not reached (confinement before 2013-10-01)",
      "2013-10-01",
      "firearm",
      pc("2013-09-30"),
      false,
    ],
    ["handgun, confined 2013-09-30: 12-month window continues", "2013-10-01", "handgun", pc("2013-09-30"), true],
    ["handgun, confined 2013-09-30, on 2014-10-01: window closed", "2014-10-01", "handgun", pc("2013-09-30"), false],
    ["firearm, confined 2013-10-01, 12 months later", "2014-10-01", "firearm", pc("2013-10-01"), true],
    [
      "firearm, confined 2013-10-01, 12 months + 1 day, no credential: 60 months",
      "2014-10-02",
      "firearm",
      pc("2013-10-01"),
      true,
      "class C felony",
      [],
    ],
    [
      "firearm, same, permit in effect before 2013-10-01: 12 months",
      "2014-10-02",
      "firearm",
      pc("2013-10-01"),
      false,
      null,
      [PRE_PERMIT],
    ],
    [
      "firearm, same, permit issued 2013-10-01: 60 months",
      "2014-10-02",
      "firearm",
      pc("2013-10-01"),
      true,
      "class C felony",
      [POST_PERMIT],
    ],
    [
      "firearm, same, pre-October permit now revoked: 60 months",
      "2014-10-02",
      "firearm",
      pc("2013-10-01"),
      true,
      "class C felony",
      [{ ...PRE_PERMIT, status: "revoked" }],
    ],
    [
      "handgun, same, pre-October certificate: 12 months",
      "2014-10-02",
      "handgun",
      pc("2013-10-01"),
      false,
      null,
      [{ kind: "handgun-eligibility-certificate", status: "valid", issuedOn: d("2011-01-01") }],
    ],
    ["60 months, last day", "2018-10-01", "handgun", pc("2013-10-01"), true],
    ["60 months and a day", "2018-10-02", "handgun", pc("2013-10-01"), false],
  ]);
  test("credentials not reported for a commitment 12-60 months ago: unknown, not a crime", () => {
    const a = decideCriminalPossession({ item: "firearm", events: pc("2013-10-01") }, d("2014-10-02"));
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings.some((f) => f.missing?.includes("credentials")));
  });
});

describe("criminal-possession: voluntary admissions, 6 months", () => {
  const va = (date: string, solely?: boolean): PersonEvent[] => [
    { kind: "voluntary-admission", date: d(date), ...(solely === undefined ? {} : { solelyAlcoholOrDrug: solely }) },
  ];
  run([
    ["admitted 2013-09-30: never counts", "2013-10-01", "handgun", va("2013-09-30", false), false],
    ["admitted 2013-10-01, same day", "2013-10-01", "firearm", va("2013-10-01", false), true],
    ["six months, last day", "2014-04-01", "ammunition", va("2013-10-01", false), true],
    ["six months and a day", "2014-04-02", "handgun", va("2013-10-01", false), false],
    ["solely alcohol or drug dependence", "2014-01-01", "handgun", va("2013-12-01", true), false],
    ["whether solely alcohol or drug not known: unknown", "2014-01-01", "handgun", va("2013-12-01"), null],
  ]);
});

describe("criminal-possession: orders and federal prohibitors", () => {
  run([
    [
      "active protective order",
      "2014-01-01",
      "firearm",
      [{ kind: "protective-order", issuedOn: d("2013-12-01"), active: true }],
      true,
    ],
    [
      "vacated restraining order",
      "2014-01-01",
      "firearm",
      [{ kind: "restraining-order", issuedOn: d("2013-12-01"), active: false }],
      false,
    ],
    [
      "foreign order, active not reported: unknown",
      "2014-01-01",
      "handgun",
      [{ kind: "foreign-order", issuedOn: d("2013-12-01") }],
      null,
    ],
    [
      "order issued after the date asked",
      "2014-01-01",
      "handgun",
      [{ kind: "protective-order", issuedOn: d("2014-01-02"), active: false }],
      false,
    ],
    [
      "order reported active but expired before the date: conflict, unknown",
      "2014-01-01",
      "handgun",
      [{ kind: "protective-order", issuedOn: d("2013-01-01"), expiresOn: d("2013-12-31"), active: true }],
      null,
    ],
    [
      "firearms seizure order in force",
      "2013-05-01",
      "firearm",
      [{ kind: "firearms-seizure-order", date: d("2013-04-20"), active: true }],
      true,
    ],
    [
      "ammunition and an order, day before 2013-10-01",
      "2013-09-30",
      "ammunition",
      [{ kind: "protective-order", issuedOn: d("2013-09-01"), active: true }],
      false,
    ],
    [
      "federal prohibitor",
      "2014-01-01",
      "firearm",
      [{ kind: "federal-prohibitor", category: "922(g)(5)", date: d("2010-01-01") }],
      true,
    ],
    [
      "federal prohibitor from a later date",
      "2014-01-01",
      "firearm",
      [{ kind: "federal-prohibitor", date: d("2014-02-01") }],
      false,
    ],
    ["federal prohibitor without a date: unknown", "2014-01-01", "firearm", [{ kind: "federal-prohibitor" }], null],
  ]);
  test("elements the records cannot show are listed", () => {
    const a = decideCriminalPossession(
      { item: "firearm", events: [{ kind: "protective-order", issuedOn: d("2013-12-01"), active: true }] },
      d("2014-01-01"),
    );
    assert.ok(a.result.elementsAssumed.some((e) => e.includes("knows of the order")));
  });
});

describe("criminal-possession: item not stated", () => {
  test("no prohibitor: lawful whatever the item", () => {
    assert.equal(decideCriminalPossession({ events: [] }, d("2014-01-01")).result.crime, false);
  });
  test("a prohibitor: depends on the item, so unknown", () => {
    const a = decideCriminalPossession({ events: [felony] }, d("2013-09-30"));
    assert.equal(a.result.crime, null);
    assert.ok(a.findings.some((f) => f.missing?.includes("item")));
  });
  test("the question's example parses and is a crime (class C)", () => {
    const a = criminalPossessionQuestion.decide(
      criminalPossessionQuestion.facts.parse(criminalPossessionQuestion.example),
      d("2014-06-02"),
    );
    assert.equal(a.result.crime, true);
    assert.equal(a.result.crimeClass, "class C felony");
  });
});
