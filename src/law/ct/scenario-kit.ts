/**
 * What the bill-analysis scenario files share (scenarios*.test.ts): asking a question the way the
 * decision API does, the shape of a scenario, the runner that checks one, and the credentials and
 * identification a clean buyer shows. Test support only: no production code imports it.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PlainDate } from "../core/dates.ts";
import { type Decision, toDecision } from "../core/questions.ts";
import { RULEBOOK_VERSION, findQuestion } from "./index.ts";

/** What the decision service does: find the question, parse the facts with its schema, decide on the date. */
export function ask(question: string, on: string, facts: unknown): Decision<Record<string, unknown>> {
  const q = findQuestion(question);
  if (!q) throw new Error(`unknown question ${question}`);
  const parsed = q.facts.safeParse(facts);
  if (!parsed.success) throw new Error(`facts refused for ${question}: ${parsed.error.message}`);
  return toDecision(q, q.decide(parsed.data, on as PlainDate), on as PlainDate, RULEBOOK_VERSION);
}

export interface Scenario {
  /** The analysis section the story comes from. */
  section: string;
  /** The analysis sentence (or table row) the scenario tests. */
  quote?: string;
  story: string;
  question: string;
  on: string;
  facts: unknown;
  outcome: "yes" | "no" | "unknown";
  /** Fields of `result` the story fixes (compared deeply). */
  result?: Record<string, unknown>;
  /** Further checks on the decision. */
  check?: (d: Decision<Record<string, unknown>>) => void;
}

/** Asks a scenario's question and checks its outcome, the result fields it fixes and its own checks. */
export function checkScenario(s: Scenario): void {
  const d = ask(s.question, s.on, s.facts);
  const why = JSON.stringify({ result: d.result, findings: d.findings.filter((f) => f.status !== "met") }, null, 1);
  assert.equal(d.outcome, s.outcome, why);
  for (const [k, v] of Object.entries(s.result ?? {})) assert.deepEqual(d.result[k], v, `result.${k}: ${why}`);
  s.check?.(d);
}

/** One test per scenario; with `quoted`, each must quote the analysis sentence it tests. */
export function runScenarios(title: string, scenarios: readonly Scenario[], opts: { quoted?: boolean } = {}): void {
  describe(title, () => {
    for (const s of scenarios)
      test(`${s.section}: ${s.story}`, () => {
        if (opts.quoted) assert.ok((s.quote ?? "").length > 10, "each scenario quotes the analysis");
        checkScenario(s);
      });
  });
}

// ---- what a clean buyer shows ------------------------------------------------------------------

export const LGEC = { kind: "long-gun-eligibility-certificate", status: "valid", presented: true } as const;

export interface LongGunPatch {
  seller?: Record<string, unknown>;
  buyer?: Record<string, unknown>;
  firearm?: Record<string, unknown>;
  transfer?: Record<string, unknown>;
}
/** A retail sale by a dealer to a private buyer born 1980, holding a long gun eligibility certificate. */
export function longGunRetail(p: LongGunPatch = {}) {
  return {
    seller: { federalLicence: "dealer", knowsStolen: false, knowsIdentificationAltered: false, ...p.seller },
    buyer: {
      federalLicence: "none",
      birthDate: "1980-01-10",
      credentials: [LGEC],
      officer: "none",
      events: [],
      ...p.buyer,
    },
    firearm: { semiautomaticCenterfireRifle: false, antique: false, ...p.firearm },
    transfer: {
      waitingPeriodExceptions: "none",
      applicationDate: "2013-04-04",
      authorization: { status: "approved", number: "LG-1" },
      loaded: false,
      ...p.transfer,
    },
  };
}
export const PERMIT = { kind: "permit-to-carry", status: "valid", presented: true } as const;
export const AMMO_CERT = { kind: "ammunition-certificate", status: "valid", presented: true } as const;
export const PHOTO_ID = {
  kind: "drivers-license",
  valid: true,
  hasPhotograph: true,
  showsDateOfBirth: true,
  presented: true,
};

// ---- a person with no § 23 role, holding in the ordinary way -----------------------------------

export const NOBODY = { roles: [], purposes: [], serviceMemberAwayOnDuty: false, priorLcmViolation: false };
export const PLAIN_HOLDING = { movedIntoState: false, inherited: false, transferredServiceMember: false };
