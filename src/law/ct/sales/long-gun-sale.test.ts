/** Table tests of `long-gun-sale` (PA 13-3 § 1): every effective date, the day before and the day of. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { d } from "./fixtures.ts";
import { type LongGunSaleFacts, decideLongGunSale, longGunSaleQuestion } from "./long-gun-sale.ts";
import { nicsCheckRequestFields, requiredRecordFields } from "./long-gun-transfer-record.ts";

type Patch = {
  seller?: LongGunSaleFacts["seller"];
  buyer?: Partial<NonNullable<LongGunSaleFacts["buyer"]>>;
  firearm?: LongGunSaleFacts["firearm"];
  transfer?: Partial<NonNullable<LongGunSaleFacts["transfer"]>>;
};

const LGEC = {
  kind: "long-gun-eligibility-certificate" as const,
  status: "valid" as const,
  issuedOn: d("2013-08-01"),
  presented: true,
};
const PERMIT = {
  kind: "permit-to-carry" as const,
  status: "valid" as const,
  issuedOn: d("2010-01-01"),
  presented: true,
};

/** A clean retail sale by a dealer to an adult with a certificate and an approved authorization. */
function retail(p: Patch = {}): LongGunSaleFacts {
  return {
    seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false, ...p.seller },
    buyer: {
      federalLicence: "none",
      birthDate: d("1980-06-15"),
      credentials: [LGEC],
      officer: "none",
      dutyPurchase: { agency: "none" },
      events: [],
      huntingLicence: false,
      armedForcesMember: false,
      ...p.buyer,
    },
    firearm: {
      semiautomaticCenterfireRifle: false,
      acceptsMagazineOverFiveRounds: false,
      antique: false,
      ...p.firearm,
    },
    transfer: { applicationDate: d("2013-01-01"), authorization: { status: "approved", number: "A1" }, ...p.transfer },
  };
}
function privateSale(route: "despp" | "dealer-nics" | "none", p: Patch = {}): LongGunSaleFacts {
  const f = retail(p);
  return {
    ...f,
    seller: { ...f.seller, federalLicence: "none" },
    transfer: {
      privateRoute: route,
      authorization: { status: "approved" },
      nics: { dealerConsented: true, response: "proceed", transactionNumber: "NICS-1", feeCharged: 20 },
      ...p.transfer,
    },
  };
}

const finding = (facts: LongGunSaleFacts, on: string, id: string) =>
  decideLongGunSale(facts, d(on)).findings.find((f) => f.id === id);

describe("long-gun-sale: effective dates", () => {
  const rows: [string, string, LongGunSaleFacts, boolean | null, string?][] = [
    // Passage, 4 April 2013: nothing modelled the day before.
    [
      "first modelled day, clean retail sale with a permit",
      "2013-04-04",
      retail({ buyer: { credentials: [PERMIT] } }),
      true,
    ],
    // Waiting period: application on 2014-03-20, no exception.
    [
      "waiting period runs (day before 2014-04-01)",
      "2014-03-31",
      retail({ buyer: { credentials: [] }, transfer: { applicationDate: d("2014-03-20") } }),
      false,
      "sales.long-gun.waiting-period",
    ],
    [
      "no waiting period but credential needed (2014-04-01)",
      "2014-04-01",
      retail({ buyer: { credentials: [] }, transfer: { applicationDate: d("2014-03-20") } }),
      false,
      "sales.long-gun.buyer-credential",
    ],
    [
      "credential not needed the day before 2014-04-01 once two weeks passed",
      "2014-03-31",
      retail({ buyer: { credentials: [] }, transfer: { applicationDate: d("2014-03-17") } }),
      true,
    ],
    ["credential holder, 2014-04-01", "2014-04-01", retail(), true],
    [
      "peace officer without credential, 2014-04-01",
      "2014-04-01",
      retail({ buyer: { credentials: [], officer: "peace-officer" } }),
      true,
    ],
    [
      "ammunition certificate is not a long gun credential",
      "2014-04-01",
      retail({ buyer: { credentials: [{ kind: "ammunition-certificate", status: "valid" }] } }),
      false,
      "sales.long-gun.buyer-credential",
    ],
    // Private sales: DESPP only before 2014-01-01; dealer NICS from 2014-01-01.
    ["private via DESPP, 2013-04-04", "2013-04-04", privateSale("despp", { buyer: { credentials: [] } }), true],
    [
      "private via dealer NICS the day before 2014-01-01",
      "2013-12-31",
      privateSale("dealer-nics"),
      false,
      "sales.long-gun.private-transfer",
    ],
    ["private via dealer NICS on 2014-01-01", "2014-01-01", privateSale("dealer-nics"), true],
    [
      "private via dealer NICS needs a presented credential even before 2014-04-01",
      "2014-01-02",
      privateSale("dealer-nics", { buyer: { credentials: [] } }),
      false,
      "sales.long-gun.private-transfer.credential-presented",
    ],
    [
      "private via DESPP needs a credential from 2014-04-01",
      "2014-04-01",
      privateSale("despp", { buyer: { credentials: [] } }),
      false,
      "sales.long-gun.buyer-credential",
    ],
    // Private sales that used neither route (issue 10, item 2): prohibited from passage.
    [
      "private, neither route used, 2013-04-04",
      "2013-04-04",
      privateSale("none"),
      false,
      "sales.long-gun.private-transfer",
    ],
    [
      "private, neither route used, 2014-03-31",
      "2014-03-31",
      privateSale("none"),
      false,
      "sales.long-gun.private-transfer",
    ],
    [
      "private, neither route used, 2014-04-01",
      "2014-04-01",
      privateSale("none"),
      false,
      "sales.long-gun.private-transfer",
    ],
  ];
  for (const [name, on, facts, permitted, failing] of rows) {
    test(`${on}: ${name}`, () => {
      const a = decideLongGunSale(facts, d(on));
      assert.equal(a.result.permitted, permitted, JSON.stringify(a.findings, null, 1));
      if (failing) assert.equal(a.findings.find((f) => f.id === failing)?.status, "not-met");
    });
  }
  test("2013-04-03 is refused (not modelled)", () => {
    assert.throws(() => decideLongGunSale(retail(), d("2013-04-03")), NotInForce);
  });
  test("neither route: the result names the route and the finding says neither was used", () => {
    const a = decideLongGunSale(privateSale("none"), d("2014-06-01"));
    assert.equal(a.result.route, "private-none");
    assert.match(a.findings.find((f) => f.id === "sales.long-gun.private-transfer")!.because, /neither was used/);
    assert.deepEqual(a.result.requiredRecordFields, []);
  });
});

describe("long-gun-sale: the waiting period's exceptions answered as a group", () => {
  // A retail buyer without a waiving credential, of whom only the officer status is recorded.
  const sparse = (transfer: Patch["transfer"] = {}): LongGunSaleFacts => {
    const f = retail({ buyer: { credentials: [] }, transfer: { applicationDate: d("2014-03-20"), ...transfer } });
    const { huntingLicence: _h, armedForcesMember: _a, ...buyer } = f.buyer!;
    const { antique: _x, ...firearm } = f.firearm!;
    return { ...f, buyer, firearm };
  };
  test("not answered: unknown, asking for each exception", () => {
    const a = decideLongGunSale(sparse(), d("2014-03-31"));
    assert.equal(a.outcome, "unknown");
    assert.deepEqual(a.findings.find((f) => f.id === "sales.long-gun.waiting-period")?.missing, [
      "buyer.huntingLicence",
      "buyer.armedForcesMember",
      "firearm.antique",
    ]);
  });
  test('"none": the wait applies on 2014-03-31 (delivery from 2014-04-03)', () => {
    const a = decideLongGunSale(sparse({ waitingPeriodExceptions: "none" }), d("2014-03-31"));
    assert.equal(a.outcome, "no");
    assert.equal(a.result.waitUntil, "2014-04-03");
  });
  test('"none": two weeks after the application the wait is over', () => {
    assert.equal(
      decideLongGunSale(sparse({ applicationDate: d("2014-03-17"), waitingPeriodExceptions: "none" }), d("2014-03-31"))
        .outcome,
      "yes",
    );
  });
  test('"none" with a hunting licence given as well is refused by the schema, naming the field', () => {
    const f = sparse({ waitingPeriodExceptions: "none" });
    const r = longGunSaleQuestion.facts.safeParse({ ...f, buyer: { ...f.buyer, huntingLicence: true } });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues[0]?.path, ["buyer", "huntingLicence"]);
    assert.equal(
      longGunSaleQuestion.facts.safeParse({ ...f, buyer: { ...f.buyer, huntingLicence: false } }).success,
      true,
    );
  });
});

describe("long-gun-sale: minimum ages", () => {
  const sacr = { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: true };
  const rows: [string, string, Patch, boolean | null][] = [
    ["17-year-old, shotgun", "2014-05-01", { buyer: { birthDate: d("1996-05-02") } }, false],
    ["18 on the day of sale, shotgun", "2014-05-01", { buyer: { birthDate: d("1996-05-01") } }, true],
    [
      "20, semi-automatic centerfire rifle over five rounds",
      "2014-05-01",
      { buyer: { birthDate: d("1993-05-02") }, firearm: sacr },
      false,
    ],
    ["21 on the day of sale, same rifle", "2014-05-01", { buyer: { birthDate: d("1993-05-01") }, firearm: sacr }, true],
    [
      "20, semi-automatic rifle limited to five rounds",
      "2014-05-01",
      {
        buyer: { birthDate: d("1993-05-02") },
        firearm: { semiautomaticCenterfireRifle: true, acceptsMagazineOverFiveRounds: false },
      },
      true,
    ],
    [
      "20, rifle type not known: unknown, never no",
      "2014-05-01",
      {
        buyer: { birthDate: d("1993-05-02") },
        firearm: { semiautomaticCenterfireRifle: undefined, acceptsMagazineOverFiveRounds: undefined },
      },
      null,
    ],
    [
      "20, police officer buying for duty",
      "2014-05-01",
      {
        buyer: { birthDate: d("1993-05-02"), dutyPurchase: { agency: "local-police", forDutyUse: true } },
        firearm: sacr,
      },
      true,
    ],
    [
      "20, soldier buying for private use",
      "2014-05-01",
      {
        buyer: { birthDate: d("1993-05-02"), dutyPurchase: { agency: "us-military", forDutyUse: false } },
        firearm: sacr,
      },
      false,
    ],
    ["20, duty facts missing: unknown", "2014-05-01", { buyer: { birthDate: d("1993-05-02") }, firearm: sacr }, false],
    [
      "17, police duty exception does not lower 18",
      "2014-05-01",
      { buyer: { birthDate: d("1996-05-02"), dutyPurchase: { agency: "local-police", forDutyUse: true } } },
      false,
    ],
    ["birth date missing: unknown", "2014-05-01", { buyer: { birthDate: undefined } }, null],
    // 29 February birthdays: 18 on 1 March in a common year.
    ["born 29 Feb 1996, 28 Feb 2014", "2014-02-28", { buyer: { birthDate: d("1996-02-29") } }, false],
    ["born 29 Feb 1996, 1 Mar 2014", "2014-03-01", { buyer: { birthDate: d("1996-02-29") } }, true],
    [
      "born 29 Feb 1996, rifle, 28 Feb 2017",
      "2017-02-28",
      { buyer: { birthDate: d("1996-02-29") }, firearm: sacr },
      false,
    ],
    [
      "born 29 Feb 1996, rifle, 1 Mar 2017",
      "2017-03-01",
      { buyer: { birthDate: d("1996-02-29") }, firearm: sacr },
      true,
    ],
  ];
  for (const [name, on, patch, permitted] of rows) {
    test(`${on}: ${name}`, () => {
      const facts = retail(patch);
      if (name.includes("duty facts missing")) delete facts.buyer!.dutyPurchase;
      const a = decideLongGunSale(facts, d(on));
      const expected = name.includes("duty facts missing") ? null : permitted;
      assert.equal(
        a.result.permitted,
        expected,
        JSON.stringify(
          a.findings.filter((f) => f.status !== "met"),
          null,
          1,
        ),
      );
    });
  }
  test("a refused under-21 buyer is told when the rifle may be sold", () => {
    const f = finding(
      retail({ buyer: { birthDate: d("1993-05-02") }, firearm: sacr }),
      "2014-05-01",
      "sales.long-gun.minimum-age",
    );
    assert.match(f!.remedy!, /2014-05-02/);
  });
  test("QUESTION(legal) reading: the ages bind retail sales only", () => {
    const f = finding(
      privateSale("despp", { buyer: { birthDate: d("1996-05-02"), credentials: [] } }),
      "2013-06-01",
      "sales.long-gun.minimum-age",
    );
    assert.equal(f?.status, "not-applicable");
  });
});

describe("long-gun-sale: waiting period before 2014-04-01", () => {
  const noCred = { credentials: [] };
  test("application + 14 days: the day before is too early, the day itself is allowed", () => {
    const facts = retail({ buyer: noCred, transfer: { applicationDate: d("2013-05-01") } });
    const early = decideLongGunSale(facts, d("2013-05-14"));
    assert.equal(early.result.permitted, false);
    assert.equal(early.result.waitUntil, "2013-05-15");
    assert.match(early.findings.find((f) => f.id === "sales.long-gun.waiting-period")!.remedy!, /2013-05-15/);
    assert.equal(decideLongGunSale(facts, d("2013-05-15")).result.permitted, true);
  });
  for (const [name, patch] of [
    ["permit holder", { buyer: { credentials: [PERMIT] } }],
    ["long gun eligibility certificate (added by the bill)", { buyer: { credentials: [LGEC] } }],
    ["peace officer", { buyer: { ...noCred, officer: "peace-officer" as const } }],
    ["hunting licence", { buyer: { ...noCred, huntingLicence: true } }],
    ["armed forces member", { buyer: { ...noCred, armedForcesMember: true } }],
    ["antique firearm", { buyer: noCred, firearm: { antique: true } }],
  ] as [string, Patch][]) {
    test(`exception: ${name}`, () => {
      const facts = retail({ ...patch, transfer: { applicationDate: d("2013-09-01") } });
      assert.equal(decideLongGunSale(facts, d("2013-09-02")).result.permitted, true);
    });
  }
  test("exception facts missing while the wait runs: unknown, not no", () => {
    const facts = retail({ buyer: noCred, transfer: { applicationDate: d("2013-09-01") } });
    delete facts.buyer!.huntingLicence;
    const a = decideLongGunSale(facts, d("2013-09-02"));
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings.some((f) => f.missing?.includes("buyer.huntingLicence")));
  });
  test("no application date, no exception: unknown", () => {
    const a = decideLongGunSale(retail({ buyer: noCred, transfer: { applicationDate: undefined } }), d("2013-09-02"));
    assert.equal(a.outcome, "unknown");
    assert.ok(a.findings.some((f) => f.missing?.includes("transfer.applicationDate")));
  });
  test("private sales have no waiting period", () => {
    const a = decideLongGunSale(privateSale("despp", { buyer: noCred }), d("2013-09-02"));
    assert.equal(a.result.permitted, true);
    assert.equal(a.result.waitUntil, null);
  });
});

describe("long-gun-sale: authorization, NICS, routes", () => {
  const rows: [string, string, LongGunSaleFacts, boolean | null][] = [
    ["authorization pending", "2014-05-01", retail({ transfer: { authorization: { status: "pending" } } }), false],
    ["authorization denied", "2014-05-01", retail({ transfer: { authorization: { status: "denied" } } }), false],
    [
      "authorization issued tomorrow",
      "2014-05-01",
      retail({ transfer: { authorization: { status: "approved", issuedOn: d("2014-05-02") } } }),
      false,
    ],
    [
      "authorization issued today",
      "2014-05-01",
      retail({ transfer: { authorization: { status: "approved", issuedOn: d("2014-05-01") } } }),
      true,
    ],
    ["authorization not reported", "2014-05-01", retail({ transfer: { authorization: undefined } }), null],
    ["loaded at delivery", "2014-05-01", retail({ transfer: { loaded: true } }), false],
    [
      "NICS denied",
      "2014-05-01",
      privateSale("dealer-nics", { transfer: { nics: { dealerConsented: true, response: "denied" } } }),
      false,
    ],
    [
      "NICS delayed: no default proceed on this route",
      "2014-05-01",
      privateSale("dealer-nics", { transfer: { nics: { dealerConsented: true, response: "delayed" } } }),
      false,
    ],
    [
      "no dealer consented",
      "2014-05-01",
      privateSale("dealer-nics", { transfer: { nics: { dealerConsented: false, response: "proceed" } } }),
      false,
    ],
    [
      "credential held but not presented to the dealer",
      "2014-05-01",
      privateSale("dealer-nics", { buyer: { credentials: [{ ...LGEC, presented: false }] } }),
      false,
    ],
    ["private route not stated", "2014-05-01", privateSale("despp", { transfer: { privateRoute: undefined } }), null],
    ["dealer to dealer: exempt", "2014-05-01", retail({ buyer: { federalLicence: "dealer", credentials: [] } }), true],
    [
      "importer to dealer: exempt",
      "2014-05-01",
      retail({ seller: { federalLicence: "importer" }, buyer: { federalLicence: "dealer", credentials: [] } }),
      true,
    ],
    [
      "dealer to manufacturer: exempt (either direction)",
      "2014-05-01",
      retail({ buyer: { federalLicence: "manufacturer", credentials: [] } }),
      true,
    ],
    [
      "manufacturer to manufacturer: not exempt, credential rule applies",
      "2014-05-01",
      retail({
        seller: { federalLicence: "manufacturer" },
        buyer: { federalLicence: "manufacturer", credentials: [] },
      }),
      false,
    ],
    [
      "private person sells to a dealer holding a permit to sell",
      "2014-05-01",
      privateSale("despp", {
        buyer: { federalLicence: "dealer", credentials: [{ kind: "permit-to-sell", status: "valid" }] },
      }),
      true,
    ],
    // Every retail requirement is met: permitted whether or not the buyer is an exempt licensee.
    [
      "buyer's licence not known, every requirement met",
      "2014-05-01",
      retail({ buyer: { federalLicence: undefined } }),
      true,
    ],
    [
      "buyer's licence not known, no credential: unknown (an exempt licensee needs none)",
      "2014-05-01",
      retail({ buyer: { federalLicence: undefined, birthDate: d("1980-01-01"), credentials: [], officer: "none" } }),
      null,
    ],
    [
      "buyer's licence not known, buyer 17: no licensee is under 21",
      "2014-05-01",
      retail({ buyer: { federalLicence: undefined, birthDate: d("1996-06-01") } }),
      false,
    ],
  ];
  for (const [name, on, facts, permitted] of rows) {
    test(`${on}: ${name}`, () => {
      const a = decideLongGunSale(facts, d(on));
      assert.equal(
        a.result.permitted,
        permitted,
        JSON.stringify(
          a.findings.filter((f) => f.status !== "met"),
          null,
          1,
        ),
      );
    });
  }
  test("the dealer's fee cap is $20 and an overcharge is reported, not a refusal", () => {
    const ok = decideLongGunSale(privateSale("dealer-nics"), d("2014-05-01"));
    assert.equal(ok.result.dealerFeeCap, 20);
    assert.equal(ok.result.dealerFeeWithinCap, true);
    const over = decideLongGunSale(
      privateSale("dealer-nics", {
        transfer: { nics: { dealerConsented: true, response: "proceed", feeCharged: 25 } },
      }),
      d("2014-05-01"),
    );
    assert.equal(over.result.dealerFeeWithinCap, false);
    assert.equal(over.result.permitted, true);
  });
});

describe("long-gun-sale: prohibited buyers", () => {
  const rows: [string, string, NonNullable<LongGunSaleFacts["buyer"]>["events"], boolean | null][] = [
    ["felony conviction", "2014-05-01", [{ kind: "conviction", felony: true, convictionDate: d("2005-01-01") }], false],
    ["records not looked up", "2014-05-01", undefined, null],
    [
      "active protective order",
      "2014-05-01",
      [{ kind: "protective-order", issuedOn: d("2014-04-01"), active: true }],
      false,
    ],
    [
      "voluntary admission 2013-10-01, day before the six months end",
      "2014-04-01",
      [{ kind: "voluntary-admission", date: d("2013-10-01"), solelyAlcoholOrDrug: false }],
      false,
    ],
    [
      "voluntary admission 2013-10-01, six months passed",
      "2014-04-02",
      [{ kind: "voluntary-admission", date: d("2013-10-01"), solelyAlcoholOrDrug: false }],
      true,
    ],
    [
      "third-degree assault committed 2013-09-30 (before 2013-10-01) does not bar a long gun",
      "2014-05-01",
      [
        {
          kind: "conviction",
          statute: "53a-61",
          felony: false,
          offenseDate: d("2013-09-30"),
          convictionDate: d("2014-01-10"),
        },
      ],
      true,
    ],
    [
      "third-degree assault committed 2013-10-01 bars a long gun",
      "2014-05-01",
      [
        {
          kind: "conviction",
          statute: "53a-61",
          felony: false,
          offenseDate: d("2013-10-01"),
          convictionDate: d("2014-01-10"),
        },
      ],
      false,
    ],
  ];
  for (const [name, on, events, permitted] of rows) {
    test(`${on}: ${name}`, () => {
      const facts = retail();
      facts.buyer = { ...facts.buyer, events };
      if (events === undefined) delete facts.buyer.events;
      assert.equal(decideLongGunSale(facts, d(on)).result.permitted, permitted);
    });
  }
});

describe("long-gun-sale: records and penalties", () => {
  test("retail receipt includes date and place of birth", () => {
    const f = requiredRecordFields("retail", d("2013-04-04"));
    for (const k of [
      "buyer.name",
      "buyer.address",
      "buyer.dateOfBirth",
      "buyer.placeOfBirth",
      "firearm.serialNumber",
      "firearm.caliber",
      "transferDate",
    ])
      assert.ok(f.includes(k), k);
  });
  test("private transfer form through a dealer names both parties and the NICS transaction", () => {
    const f = requiredRecordFields("private-dealer-nics", d("2014-01-01"));
    for (const k of [
      "transferor.name",
      "transferor.credentialNumber",
      "transferee.placeOfBirth",
      "transferee.credentialNumber",
      "firearm.manufacturerNumber",
      "nics.transactionNumber",
    ])
      assert.ok(f.includes(k), k);
    assert.throws(() => requiredRecordFields("private-dealer-nics", d("2013-12-31")), NotInForce);
    assert.throws(() => requiredRecordFields("retail", d("2013-04-03")), NotInForce);
    assert.deepEqual(requiredRecordFields("licensee-exempt", d("2014-01-01")), []);
  });
  test("the result carries the record fields of its route", () => {
    assert.ok(
      decideLongGunSale(privateSale("dealer-nics"), d("2014-05-01")).result.requiredRecordFields.includes(
        "nics.transactionNumber",
      ),
    );
    assert.ok(decideLongGunSale(retail(), d("2014-05-01")).result.requiredRecordFields.includes("buyer.placeOfBirth"));
  });
  test("NICS request identifiers", () => {
    assert.deepEqual(nicsCheckRequestFields().required, [
      "transferee.name",
      "transferee.gender",
      "transferee.race",
      "transferee.dateOfBirth",
      "transferee.stateOfResidence",
    ]);
  });
  const rows: [string, boolean | undefined, boolean | undefined, string | null][] = [
    ["no knowledge", false, false, "class D felony"],
    ["knows stolen", true, false, "class B felony"],
    ["knows serial number altered", undefined, true, "class B felony"],
    ["knowledge not known", undefined, false, null],
  ];
  for (const [name, stolen, altered, cls] of rows) {
    test(`penalty: ${name}`, () => {
      const a = decideLongGunSale(
        retail({ seller: { federalLicence: "dealer", knowsStolen: stolen, knowsIdentificationAltered: altered } }),
        d("2014-05-01"),
      );
      assert.equal(a.result.penalty.applies?.crimeClass ?? null, cls);
      assert.equal(a.result.penalty.violation.crimeClass, "class D felony");
      assert.ok(a.result.penalty.consequences.some((c) => c.includes("forfeiture")));
    });
  }
  test("the question's example parses and is permitted", () => {
    const facts = longGunSaleQuestion.facts.parse(longGunSaleQuestion.example);
    assert.equal(longGunSaleQuestion.decide(facts, d("2014-06-02")).result.permitted, true);
  });
});
