/** The `credential-eligibility` question as a whole, and its registration in the rulebook. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotInForce } from "../../core/rules.ts";
import { findQuestion, RULES } from "../index.ts";
import { credentialEligibility } from "./eligibility.ts";
import { CredentialFacts } from "./facts.ts";
import { CREDENTIAL_KINDS, type CredentialKind } from "./kinds.ts";
import { credentialEligibilityQuestion, rules } from "./questions.ts";
import { d, eligibleFacts } from "./test-fixtures.ts";

describe("credential-eligibility: whole decisions", () => {
  for (const kind of CREDENTIAL_KINDS) {
    test(`${kind}: a clean applicant is eligible on 2014-06-01`, () => {
      const a = credentialEligibility(eligibleFacts(kind), d("2014-06-01"));
      assert.equal(
        a.outcome,
        "yes",
        a.findings
          .filter((f) => f.status !== "met")
          .map((f) => `${f.id}: ${f.because}`)
          .join("\n"),
      );
      assert.deepEqual(a.result, { eligible: true, credential: kind, disqualifiers: [] });
    });
    const created = kind === "long-gun-eligibility-certificate" || kind === "ammunition-certificate";
    test(`${kind}: ${created ? "does not exist" : "refused"} the day before 2013-07-01, answered on 2013-07-01`, () => {
      if (created) {
        // A certificate the Act created (issue 10, item 3): no, it starts on 2013-07-01, with its citation.
        const a = credentialEligibility(eligibleFacts(kind), d("2013-06-30"));
        assert.equal(a.outcome, "no");
        assert.deepEqual(a.result.disqualifiers, ["credentials.certificate-exists"]);
        assert.match(a.findings[0]!.because, /starts on 2013-07-01/);
        assert.match(a.findings[0]!.source.section, /§§ (2-7|14-17)/);
      } else assert.throws(() => credentialEligibility(eligibleFacts(kind), d("2013-06-30")), NotInForce);
      assert.equal(credentialEligibility(eligibleFacts(kind), d("2013-07-01")).outcome, "yes");
    });
    test(`${kind}: nothing but the credential known: unknown, never no`, () => {
      const a = credentialEligibility({ credential: kind }, d("2014-06-01"));
      assert.equal(a.outcome, "unknown");
      assert.deepEqual(a.result, { eligible: null, credential: kind, disqualifiers: [] });
      assert.ok(a.findings.every((f) => f.status !== "not-met"));
    });
  }

  const cases: {
    name: string;
    kind: CredentialKind;
    facts?: Partial<CredentialFacts>;
    on: string;
    eligible: boolean | null;
    disqualifiers?: string[];
  }[] = [
    {
      name: "probate commitment 2011-06-01, day before 2013-10-01 (12 months)",
      kind: "handgun-eligibility-certificate",
      facts: { events: [{ kind: "probate-commitment", date: d("2011-06-01") }] },
      on: "2013-09-30",
      eligible: true,
    },
    {
      name: "probate commitment 2011-06-01, on 2013-10-01 (60 months)",
      kind: "handgun-eligibility-certificate",
      facts: { events: [{ kind: "probate-commitment", date: d("2011-06-01") }] },
      on: "2013-10-01",
      eligible: false,
      disqualifiers: ["credentials.probate-commitment"],
    },
    {
      name: "temporary permit without the statement, 2013-09-30",
      kind: "temporary-state-permit",
      facts: {
        attestedNoTemporaryPermitApplicationIn12Months: undefined,
        priorTemporaryPermitApplicationDates: undefined,
      },
      on: "2013-09-30",
      eligible: true,
    },
    {
      name: "temporary permit without the statement, 2013-10-01",
      kind: "temporary-state-permit",
      facts: {
        attestedNoTemporaryPermitApplicationIn12Months: undefined,
        priorTemporaryPermitApplicationDates: undefined,
      },
      on: "2013-10-01",
      eligible: null,
    },
    {
      name: "ammunition certificate, 2012 stalking conviction",
      kind: "ammunition-certificate",
      facts: { events: [{ kind: "conviction", statute: "53a-181d", offenseDate: d("2012-05-01") }] },
      on: "2014-01-01",
      eligible: true,
    },
    {
      name: "long gun certificate, same conviction",
      kind: "long-gun-eligibility-certificate",
      facts: { events: [{ kind: "conviction", statute: "53a-181d", offenseDate: d("2012-05-01") }] },
      on: "2014-01-01",
      eligible: false,
      disqualifiers: ["credentials.listed-misdemeanor-conviction"],
    },
    {
      name: "two disqualifiers are both reported",
      kind: "state-handgun-permit",
      facts: { feePaid: false, events: [{ kind: "conviction", felony: true }] },
      on: "2014-01-01",
      eligible: false,
      disqualifiers: ["credentials.felony-conviction", "credentials.fee-paid"],
    },
    {
      name: "a disqualifier and an unknown: no",
      kind: "long-gun-eligibility-certificate",
      facts: { nics: undefined, events: [{ kind: "federal-prohibitor" }] },
      on: "2014-01-01",
      eligible: false,
      disqualifiers: ["credentials.federal-prohibitor"],
    },
    {
      name: "NICS delayed: unknown",
      kind: "long-gun-eligibility-certificate",
      facts: { nics: { status: "delayed" } },
      on: "2014-01-01",
      eligible: null,
    },
    {
      name: "records not searched: unknown",
      kind: "ammunition-certificate",
      facts: { recordsChecked: false },
      on: "2014-01-01",
      eligible: null,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = credentialEligibility(eligibleFacts(c.kind, c.facts), d(c.on));
      assert.equal(
        a.result.eligible,
        c.eligible,
        a.findings.map((f) => `${f.status} ${f.id}: ${f.because}`).join("\n"),
      );
      assert.deepEqual(a.result.disqualifiers, c.disqualifiers ?? []);
    });
  }

  test("only the temporary permit gets the residence and 12-month rules; only the state permit the route rule", () => {
    const ids = (kind: CredentialKind) =>
      credentialEligibility(eligibleFacts(kind), d("2014-01-01")).findings.map((f) => f.id);
    assert.ok(ids("temporary-state-permit").includes("credentials.permanent-residence"));
    assert.ok(ids("temporary-state-permit").includes("credentials.no-recent-temporary-permit-application"));
    assert.ok(!ids("state-handgun-permit").includes("credentials.permanent-residence"));
    assert.ok(ids("state-handgun-permit").includes("credentials.state-permit-route"));
    assert.ok(!ids("ammunition-certificate").includes("credentials.state-permit-route"));
  });

  test("a 29 February birthday: 18 on 1 March 2014, not on 28 February", () => {
    const facts = eligibleFacts("long-gun-eligibility-certificate", {
      applicant: { ...eligibleFacts("ammunition-certificate").applicant, birthDate: d("1996-02-29") },
    });
    assert.equal(credentialEligibility(facts, d("2014-02-28")).result.eligible, false);
    assert.equal(credentialEligibility(facts, d("2014-03-01")).result.eligible, true);
  });
});

describe("credential-eligibility: the registered question", () => {
  test("is found in the Connecticut rulebook by its id", () =>
    assert.equal(findQuestion("credential-eligibility"), credentialEligibilityQuestion));
  test("its example parses with its facts schema and is answered", () => {
    const parsed = CredentialFacts.parse(credentialEligibilityQuestion.example);
    const a = credentialEligibilityQuestion.decide(parsed, d("2014-06-01"));
    assert.equal(a.outcome, "yes");
  });
  test("the schema rejects a date that does not exist and an unknown credential", () => {
    assert.equal(
      CredentialFacts.safeParse({ credential: "ammunition-certificate", applicant: { birthDate: "1990-02-30" } })
        .success,
      false,
    );
    assert.equal(CredentialFacts.safeParse({ credential: "hunting-license" }).success, false);
    assert.equal(CredentialFacts.safeParse({ credential: "ammunition-certificate" }).success, true);
  });
  test("every result field is documented, and only those", () => {
    const a = credentialEligibilityQuestion.decide({ credential: "ammunition-certificate" }, d("2014-06-01"));
    assert.deepEqual(Object.keys(a.result).sort(), Object.keys(credentialEligibilityQuestion.result).sort());
  });
  test("modelled from 2013-07-01", () => assert.equal(credentialEligibilityQuestion.modelledFrom, "2013-07-01"));
  test("the catalogue: unique ids, a citation each, real dates, registered in the rulebook", () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.ok(r.citations.length > 0, r.id);
      assert.match(r.from, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(r.description.length > 20, r.id);
      assert.ok(RULES.includes(r), `${r.id} is in the rulebook`);
    }
    for (const f of credentialEligibility(eligibleFacts("temporary-state-permit"), d("2014-01-01")).findings)
      assert.ok(ids.includes(f.id), `${f.id} is catalogued`);
  });
  test("the voluntary-admission rule is catalogued from 2013-07-01 with its 2013-10-01 version", () => {
    const r = rules.find((x) => x.id === "credentials.voluntary-admission")!;
    assert.equal(r.from, "2013-07-01");
    assert.equal(r.until, undefined);
  });
});
