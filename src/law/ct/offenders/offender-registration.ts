/**
 * Question `offender-registration`: must this person be registered in the
 * Deadly Weapon Offender Registry on the date asked, by when must they first
 * register, and what are their update and term dates?
 *
 * Requirements, in the order of the text: a deadly weapon offense (Table 1 or
 * the catch-all); conviction or a finding of not guilty by reason of mental
 * disease or defect (a pending appeal does not matter); release into the
 * community on or after 2014-01-01; and a registration term that has not ended.
 */
import { z } from "zod";
import { type PlainDate } from "../../core/dates.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { type Answer, type Question, beforeDutyStarts } from "../../core/questions.ts";
import { type Finding, allOf, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { DeadlyWeaponOffenseFacts, decideDeadlyWeaponOffense } from "./deadly-weapon-offense.ts";
import { INITIAL_REGISTRATION, registrationDueOn } from "./registration-due.ts";
import { TERM_YEARS, registrationEndsOn } from "./registration-term.ts";
import { ANNUAL_UPDATE, type UpdateWindow, findNextUpdateWindow } from "./annual-update.ts";
import { CHANGE_GRACE_BUSINESS_DAYS } from "./name-address-change.ts";
import { SUSPENSION, suspensionPermitted } from "./suspension.ts";

export const OffenderRegistrationFacts = z.object({
  deadlyWeaponOffense: z
    .boolean()
    .optional()
    .describe("already decided: the offense is a deadly weapon offense (else give `offense`)"),
  offense: DeadlyWeaponOffenseFacts.optional().describe("the offense, decided by the deadly-weapon-offense question"),
  disposition: z
    .enum(["convicted", "not-guilty-by-reason-of-mental-disease-or-defect", "other"])
    .optional()
    .describe(
      "convicted (even if on appeal), found not guilty by reason of mental disease or defect, or other (acquitted, dismissed)",
    ),
  releasedIntoCommunityOn: PlainDateSchema.optional().describe("day released into the community (past or planned)"),
  fromDocCustody: z
    .boolean()
    .optional()
    .describe("released from the Department of Correction's custody (must register before release)"),
  registered: z.boolean().optional().describe("has made the initial registration"),
  initialRegistrationOn: PlainDateSchema.optional().describe("day of the initial registration"),
  updateDeferredTo: PlainDateSchema.optional().describe("annual appearance deferred for good cause to this day"),
  incarcerated: z.boolean().optional(),
  underCivilCommitment: z.boolean().optional(),
  livingOutOfState: z.boolean().optional(),
});
export type OffenderRegistrationFacts = z.infer<typeof OffenderRegistrationFacts>;

export interface OffenderRegistrationResult {
  mustRegister: boolean | null;
  registrationDueOn: PlainDate | null;
  registerBeforeRelease: boolean | null;
  registrationEndsOn: PlainDate | null;
  nextUpdate: UpdateWindow | null;
  suspensionPermitted: boolean | null;
  failureToRegisterOrNotify: string;
  /** Set when asked before 2014-01-01: the day the duty to register starts. */
  dutyStartsOn: PlainDate | null;
}

const ID = "offenders.offender-registration";
const OBLIGATION = pa133("§§ 18-22", {
  cgs: "CGS § 54-280a",
  text: "By January 1, 2014, the bill requires DESPP to establish and maintain a registry of everyone (1) convicted of an offense committed with a deadly weapon or (2) found not guilty by reason of mental disease or defect for such an offense, notwithstanding any pending appeal.",
});
const FAILURE = pa133("§§ 18-22", {
  cgs: "CGS § 54-280a",
  text: "Failure to (1) inform the DESPP commissioner of a name or address change or (2) register and update one's status as required is a class D felony.",
});

function offenseFinding(facts: OffenderRegistrationFacts, on: PlainDate): Finding {
  if (facts.deadlyWeaponOffense === true) return met(`${ID}.offense`, OBLIGATION, "a deadly weapon offense");
  if (facts.deadlyWeaponOffense === false) return notMet(`${ID}.offense`, OBLIGATION, "not a deadly weapon offense");
  if (!facts.offense) return unknown(`${ID}.offense`, OBLIGATION, ["deadlyWeaponOffense"]);
  const a = decideDeadlyWeaponOffense(facts.offense, on);
  if (a.outcome === "yes") return met(`${ID}.offense`, OBLIGATION, a.findings.find((f) => f.status === "met")!.because);
  if (a.outcome === "no")
    return notMet(`${ID}.offense`, OBLIGATION, "not a deadly weapon offense under Table 1 or its catch-all");
  const missing = [...new Set(a.findings.flatMap((f) => f.missing ?? []))].map((m) => `offense.${m}`);
  return unknown(`${ID}.offense`, OBLIGATION, missing.length ? missing : ["offense"]);
}

function dispositionFinding(facts: OffenderRegistrationFacts): Finding {
  if (!facts.disposition) return unknown(`${ID}.disposition`, OBLIGATION, ["disposition"]);
  if (facts.disposition === "other")
    return notMet(
      `${ID}.disposition`,
      OBLIGATION,
      "neither convicted nor found not guilty by reason of mental disease or defect",
    );
  return met(
    `${ID}.disposition`,
    OBLIGATION,
    `${facts.disposition.replaceAll("-", " ")}; a pending appeal does not matter`,
  );
}

function releaseFinding(facts: OffenderRegistrationFacts, on: PlainDate): Finding {
  const rule = inForce(INITIAL_REGISTRATION, on, ID);
  if (!facts.releasedIntoCommunityOn) return unknown(`${ID}.release`, rule.source, ["releasedIntoCommunityOn"]);
  if (facts.releasedIntoCommunityOn < rule.value.releasedFrom) {
    return notMet(
      `${ID}.release`,
      rule.source,
      `released ${facts.releasedIntoCommunityOn}, before ${rule.value.releasedFrom}`,
    );
  }
  return met(
    `${ID}.release`,
    rule.source,
    `released (or to be released) ${facts.releasedIntoCommunityOn}, on or after ${rule.value.releasedFrom}`,
  );
}

function termFinding(facts: OffenderRegistrationFacts, on: PlainDate): Finding {
  const rule = inForce(TERM_YEARS, on, ID);
  if (facts.initialRegistrationOn) {
    const ends = registrationEndsOn({ initialRegistrationOn: facts.initialRegistrationOn });
    return on <= ends
      ? met(`${ID}.term`, rule.source, `registered ${facts.initialRegistrationOn}; registered through ${ends}`)
      : notMet(
          `${ID}.term`,
          rule.source,
          `registered ${facts.initialRegistrationOn}; the five-year term ended ${ends}`,
        );
  }
  if (facts.registered === false)
    return met(`${ID}.term`, rule.source, "not yet registered: the five years have not begun");
  // No registration can precede the registry (2014-01-01), so whatever its date, the five years
  // run at least until the day before the fifth anniversary of 2014-01-01: a question asked by
  // then needs neither `registered` nor `initialRegistrationOn` to know the term has not ended.
  const earliestEnd = registrationEndsOn({ initialRegistrationOn: REGISTRY_STARTS_ON });
  if (on <= earliestEnd)
    return met(
      `${ID}.term`,
      rule.source,
      `the registry starts ${REGISTRY_STARTS_ON}, so no registration's five years end before ${earliestEnd}`,
    );
  if (facts.registered === true) return unknown(`${ID}.term`, rule.source, ["initialRegistrationOn"]);
  return unknown(`${ID}.term`, rule.source, ["registered"]);
}

export const REGISTRY_STARTS_ON = "2014-01-01" as PlainDate;

export function decideOffenderRegistration(
  facts: OffenderRegistrationFacts,
  on: PlainDate,
): Answer<OffenderRegistrationResult> {
  if (on < REGISTRY_STARTS_ON) {
    return beforeDutyStarts({
      id: `${ID}.duty-starts`,
      source: OBLIGATION,
      startsOn: REGISTRY_STARTS_ON,
      on,
      duty: "the duty to register in the Deadly Weapon Offender Registry (for people released into the community on or after that day)",
      result: {
        mustRegister: false,
        registrationDueOn: null,
        registerBeforeRelease: null,
        registrationEndsOn: null,
        nextUpdate: null,
        suspensionPermitted: null,
        failureToRegisterOrNotify:
          "class D felony (a name or address notice only after the failure continues for five business days)",
        dutyStartsOn: REGISTRY_STARTS_ON,
      },
    });
  }
  inForce(ANNUAL_UPDATE, on, ID);
  const obligation = [
    offenseFinding(facts, on),
    dispositionFinding(facts),
    releaseFinding(facts, on),
    termFinding(facts, on),
  ];
  const outcome = allOf(obligation);
  const suspension =
    outcome === "no"
      ? notApplicable(ID + ".suspension", SUSPENSION, "no registration to suspend")
      : suspensionPermitted(facts);
  const required = outcome === "yes";
  const dueOn =
    required && facts.releasedIntoCommunityOn
      ? registrationDueOn({ releasedOn: facts.releasedIntoCommunityOn, fromDocCustody: facts.fromDocCustody === true })
      : null;
  const endsOn =
    required && facts.initialRegistrationOn
      ? registrationEndsOn({ initialRegistrationOn: facts.initialRegistrationOn })
      : null;
  let nextUpdate: UpdateWindow | null = null;
  if (required && facts.initialRegistrationOn) {
    const w = findNextUpdateWindow({ initialRegistrationOn: facts.initialRegistrationOn, on });
    if (w && facts.updateDeferredTo && facts.updateDeferredTo > w.closesOn && facts.updateDeferredTo >= w.anniversary) {
      nextUpdate = { ...w, closesOn: facts.updateDeferredTo, deferred: true };
    } else nextUpdate = w ?? null;
  }
  return {
    outcome,
    result: {
      mustRegister: outcome === "unknown" ? null : required,
      registrationDueOn: dueOn,
      registerBeforeRelease: required && facts.fromDocCustody !== undefined ? facts.fromDocCustody : null,
      registrationEndsOn: endsOn,
      nextUpdate,
      suspensionPermitted: suspension.status === "met" ? true : suspension.status === "not-met" ? false : null,
      failureToRegisterOrNotify:
        "class D felony (a name or address notice only after the failure continues for five business days)",
      dutyStartsOn: null,
    },
    findings: [...obligation, suspension],
  };
}

export const offenderRegistration: Question<OffenderRegistrationFacts, OffenderRegistrationResult> = {
  id: "offender-registration",
  title: "Deadly Weapon Offender Registry: must this person register, and by when?",
  description:
    "Whether a person convicted (or found not guilty by reason of mental disease or defect) of a deadly weapon offense and released on or after 2014-01-01 must be registered on the date asked; the initial registration due date (14 calendar days after release, or before release from DOC custody); the five-year term; the next annual update window (20 days after each anniversary, with DESPP's notice 30 days before); and whether DESPP may suspend the registration.",
  citations: [
    OBLIGATION,
    INITIAL_REGISTRATION[0]!.source,
    TERM_YEARS[0]!.source,
    ANNUAL_UPDATE[0]!.source,
    CHANGE_GRACE_BUSINESS_DAYS[0]!.source,
    SUSPENSION,
    FAILURE,
  ],
  modelledFrom: "2014-01-01",
  dutyStartsOn: "2014-01-01",
  facts: OffenderRegistrationFacts,
  result: {
    mustRegister: "true when the person must be registered on the date asked, false when not, null when unknown",
    registrationDueOn:
      "last day (inclusive) for the initial registration: 14 calendar days after release, or the release day for a release from DOC custody",
    registerBeforeRelease: "true when the registration must be made before release from DOC custody",
    registrationEndsOn:
      "last registered day: the day before the fifth anniversary of the initial registration (suspension does not move it)",
    nextUpdate:
      "the next annual update window not yet closed: anniversary, opensOn, closesOn (20 days after, or the deferred date), noticeMailBy, appearanceReportDueBy",
    suspensionPermitted:
      "true when DESPP may suspend the registration (incarcerated, civilly committed, living out of state), false when it must be active, null when unknown",
    failureToRegisterOrNotify: "the penalty for failing to register, update or notify",
    dutyStartsOn:
      "asked before 2014-01-01: the day the duty to register starts (the answer is then no: no duty on that date); otherwise null",
  },
  example: {
    deadlyWeaponOffense: true,
    disposition: "convicted",
    releasedIntoCommunityOn: "2014-03-03" as PlainDate,
    registered: false,
  },
  decide: decideOffenderRegistration,
};
