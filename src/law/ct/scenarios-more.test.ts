/**
 * More scenarios from the OLR bill analysis of PA 13-3 (SB 1160), for the sections the first
 * scenario file (scenarios.test.ts) covers thinly. Asked as the decision API asks: a question id,
 * a date and facts parsed by the question's own schema. Each scenario names the analysis section
 * and quotes the sentence it tests.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../core/dates.ts";
import { type Decision, toDecision } from "../core/questions.ts";
import { RULEBOOK_VERSION, findQuestion } from "./index.ts";

function ask(question: string, on: string, facts: unknown): Decision<Record<string, unknown>> {
  const q = findQuestion(question);
  if (!q) throw new Error(`unknown question ${question}`);
  const parsed = q.facts.safeParse(facts);
  if (!parsed.success) throw new Error(`facts refused for ${question}: ${parsed.error.message}`);
  return toDecision(q, q.decide(parsed.data, on as PlainDate), on as PlainDate, RULEBOOK_VERSION);
}

interface Scenario {
  section: string;
  /** The analysis sentence (or table row) the scenario tests. */
  quote: string;
  story: string;
  question: string;
  on: string;
  facts: unknown;
  outcome: "yes" | "no" | "unknown";
  result?: Record<string, unknown>;
  check?: (d: Decision<Record<string, unknown>>) => void;
}

function run(title: string, scenarios: Scenario[]): void {
  describe(title, () => {
    for (const s of scenarios)
      test(`${s.section}: ${s.story}`, () => {
        const d = ask(s.question, s.on, s.facts);
        assert.equal(d.outcome, s.outcome, `outcome (${JSON.stringify(d.result)})`);
        for (const [k, v] of Object.entries(s.result ?? {}))
          assert.deepEqual((d.result as Record<string, unknown>)[k], v, `result.${k}`);
        s.check?.(d);
      });
  });
}

// ---- §§ 42-43, 46-50, 52-53: Table 2 -------------------------------------------------------

const T2 = "§§ 42-43, 46-50, 52-53 (Table 2)";
const yrs = (n: number) => ({ amount: n, unit: "years" });
interface Row {
  crime: string;
  quote: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  beforeOutcome?: "yes" | "no";
  afterOutcome?: "yes" | "no";
  facts?: Record<string, unknown>;
}
const C2 = {
  classification: "class C felony",
  mandatoryMinimumPrison: yrs(2),
  mandatoryFine: 5000,
  fineRemittableOnRecord: true,
};
const B3 = {
  classification: "class B felony",
  mandatoryMinimumPrison: yrs(3),
  mandatoryFine: 10000,
  fineRemittableOnRecord: true,
};
const plain = (classification: string) => ({ classification, mandatoryMinimumPrison: null, mandatoryFine: null });
const ROWS: Row[] = [
  {
    crime: "stealing-a-firearm",
    quote: "43 Stealing a firearm (53a-212) Class D felony | Class C felony, Two-year prison term, $5,000 fine",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "failing-to-surrender-revoked-permit",
    quote: "46 Failing to surrender a revoked permit (29-32) Class C misdemeanor | Class A misdemeanor",
    before: plain("class C misdemeanor"),
    after: plain("class A misdemeanor"),
  },
  {
    crime: "handgun-transfer-to-prohibited-person",
    quote:
      "47 Transferring a pistol or revolver to a prohibited person ... (29-33) Class D felony | Class C felony, two-year, $5,000",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "handgun-transfer-knowing-stolen-or-altered",
    quote:
      "47 ... knowing the transferred weapon is stolen or has an altered identification mark (29-33) Class B felony | Class B felony, three-year, $10,000",
    before: plain("class B felony"),
    after: B3,
  },
  {
    crime: "false-statement-handgun-transfer",
    quote:
      "48 Making a false statement related to a pistol or revolver transfer (29-34(a)) Class D felony | Class C felony",
    before: plain("class D felony"),
    after: C2,
  },
  {
    crime: "handgun-transfer-to-person-under-21",
    quote:
      "48 Transferring a pistol or revolver to someone under age 21 ... (29-34(b)) Class D felony, One-year mandatory minimum | Class C felony",
    before: { classification: "class D felony", mandatoryMinimumPrison: yrs(1), mandatoryFine: null },
    after: C2,
  },
  {
    crime: "altering-firearm-identification",
    quote:
      "49 Altering firearm identification mark, number, or name (29-36) Up to five years in prison, a fine or up to $1,000, or both | Class C felony",
    before: { classification: "unclassified", prisonMax: yrs(5), fineMax: 1000, mandatoryFine: null },
    after: C2,
  },
  {
    crime: "failing-to-report-loss-or-theft-repeat",
    quote:
      "50 Failing to report loss or theft of firearm (2nd or subsequent offense)(53-202g) Class D felony | Class C felony",
    before: plain("class D felony"),
    after: plain("class C felony"),
  },
  {
    crime: "intentionally-failing-to-report-loss-or-theft",
    quote: "50 Intentionally failing to report loss or theft of firearm (53-202g) Class C felony | Class B felony",
    before: plain("class C felony"),
    after: plain("class B felony"),
  },
  {
    crime: "failing-to-surrender-revoked-eligibility-certificate",
    quote: "52 Failing to surrender revoked eligibility certificate (29-36i) Class C misdemeanor | Class A misdemeanor",
    before: plain("class C misdemeanor"),
    after: plain("class A misdemeanor"),
  },
  {
    crime: "straw-purchase",
    quote:
      "53 Buying a firearm intending to transfer it to an ineligible person (29-37j(a)) Up to five years in prison, fine of up to $1,000, or both | Class C felony",
    before: { classification: "unclassified", prisonMax: yrs(5), fineMax: 1000 },
    after: C2,
  },
  {
    crime: "ineligible-soliciting-straw-purchase",
    quote:
      "53 Ineligible person soliciting a firearm through a straw man (29-37j(b)) Class B misdemeanor | Class D felony, One-year, $3,000",
    before: plain("class B misdemeanor"),
    after: {
      classification: "class D felony",
      mandatoryMinimumPrison: yrs(1),
      mandatoryFine: 3000,
      fineRemittableOnRecord: true,
    },
  },
  {
    crime: "ineligible-obtaining-firearm-from-straw-purchaser",
    quote: "53 Ineligible person obtaining a firearm from a straw man (29-37j(b)) No current penalty | Class C felony",
    before: { classification: "none" },
    beforeOutcome: "no",
    after: C2,
  },
  {
    crime: "ineligible-soliciting-straw-purchase-more-than-one-firearm",
    quote:
      "53 Ineligible person soliciting through a straw man involving transfer of more than one firearm (29-37j(b)) Class A misdemeanor | Penalty eliminated",
    before: plain("class A misdemeanor"),
    after: { classification: "none" },
    afterOutcome: "no",
  },
  {
    crime: "straw-purchase-felony-conviction-in-past-five-years",
    quote:
      "53 Straw man violations when offender had felony conviction in past five years (29-37j(c)) Class D felony | Class B felony, three-year, $10,000",
    before: plain("class D felony"),
    after: B3,
  },
  {
    crime: "firearms-trafficking",
    facts: { firearmsTransferred: 4 },
    quote:
      "42 Trafficking in firearms (53-202aa) Class C felony if transfer less than five firearms | Class B felony, Three-year, $10,000",
    before: plain("class C felony"),
    after: B3,
  },
  {
    crime: "firearms-trafficking",
    facts: { firearmsTransferred: 5 },
    quote: "42 Trafficking in firearms (53-202aa) Class B felony if transfer five or more firearms",
    before: plain("class B felony"),
    after: B3,
  },
];

const penaltyScenarios: Scenario[] = ROWS.flatMap((r) => [
  {
    section: T2,
    quote: r.quote,
    story: `${r.crime}${r.facts ? ` ${JSON.stringify(r.facts)}` : ""} committed 2013-09-30: the current penalty`,
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: r.crime, ...r.facts },
    outcome: r.beforeOutcome ?? "yes",
    result: { ...r.before, version: "before-pa-13-3" },
  },
  {
    section: T2,
    quote: r.quote,
    story: `${r.crime}${r.facts ? ` ${JSON.stringify(r.facts)}` : ""} committed 2013-10-01: the bill's penalty`,
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: r.crime, ...r.facts },
    outcome: r.afterOutcome ?? "yes",
    result: { ...r.after, version: "pa-13-3" },
  },
]);

run("PA 13-3 Table 2 penalties, day before and day of October 1, 2013", [
  ...penaltyScenarios,
  {
    section: "§ 42",
    quote: "Class C felony if transfer less than five firearms; Class B felony if transfer five or more firearms",
    story: "trafficking before the bill with the number of firearms unknown: unknown",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "firearms-trafficking" },
    outcome: "unknown",
  },
  {
    section: "§ 42",
    quote: "Penalty Under the Bill: Class B felony (no firearm count)",
    story: "trafficking one firearm under the bill: class B felony without the count mattering",
    question: "penalty",
    on: "2014-06-01",
    facts: { crime: "firearms-trafficking", firearmsTransferred: 1 },
    outcome: "yes",
    result: B3,
  },
  {
    section: "§ 44",
    quote:
      "The bill increases the penalty for this crime from a class D to a class C felony. The law already imposes a two-year mandatory minimum sentence. The bill also imposes a mandatory minimum $5,000 fine",
    story: "criminal possession of a firearm committed 2013-09-30: class D felony with the two-year minimum, no fine",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon" },
    outcome: "yes",
    result: { classification: "class D felony", mandatoryMinimumPrison: yrs(2), mandatoryFine: null },
  },
  {
    section: "§ 44",
    quote:
      "from a class D to a class C felony ... two-year mandatory minimum ... $5,000 fine unless the court states on the record why it remits or reduces the fine",
    story: "criminal possession of a firearm committed 2013-10-01: class C, two years, $5,000",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "criminal-possession-of-firearm-ammunition-or-electronic-defense-weapon" },
    outcome: "yes",
    result: C2,
  },
  {
    section: "§ 45",
    quote:
      "The bill increases the penalty for this crime from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine",
    story: "criminal possession of a handgun committed 2013-09-30: class D, no mandatory minimum",
    question: "penalty",
    on: "2013-09-30",
    facts: { crime: "criminal-possession-of-a-handgun" },
    outcome: "yes",
    result: plain("class D felony"),
  },
  {
    section: "§ 45",
    quote:
      "from a class D to a class C felony and imposes a mandatory minimum (1) two-year prison sentence and (2) $5,000 fine",
    story: "criminal possession of a handgun committed 2013-10-01: class C, two years, $5,000",
    question: "penalty",
    on: "2013-10-01",
    facts: { crime: "criminal-possession-of-a-handgun" },
    outcome: "yes",
    result: C2,
  },
]);
