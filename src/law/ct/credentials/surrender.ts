/**
 * Surrender of a revoked credential, and the penalty for surrendering late.
 *
 * OLR analysis of PA 13-3, §§ 2-7: "As is the case for handgun eligibility certificates, a long
 * gun eligibility certificate can be revoked upon the occurrence of any event that would have
 * disqualified the holder from being issued the certificate. If the certificate is revoked,
 * DESPP must notify the person in writing, and the person must deliver it to the commissioner.
 * Failure to deliver it within five days of the notification is a class A misdemeanor."
 * Table 2 (§§ 46 and 52) raises "Failing to surrender a revoked permit (29-32)" and "Failing to
 * surrender revoked eligibility certificate (29-36i)" from class C to class A misdemeanors.
 * §§ 14-17: the ammunition certificate provisions on "revocation of certificates" are "similar to
 * provisions in the bill and existing law for handgun and long gun eligibility certificates".
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, fromModelledStart, NEW_CRITERIA_FROM } from "./kinds.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const SURRENDER_DEADLINE_ID = "credentials.surrender-deadline";
export const LATE_SURRENDER_PENALTY_ID = "credentials.late-surrender-penalty";

const PERMIT_SURRENDER = cite("CGS", "§ 29-32", {
  cgs: "CGS § 29-32",
  text: "the holder of a revoked permit must surrender it within five days of notice in writing of the revocation (existing law)",
});

/**
 * Days after written notice of revocation within which the credential must be delivered.
 *
 * QUESTION(legal): the analysis states five days for eligibility certificates; for permits the
 * five days come from existing law (CGS § 29-32) and for the ammunition certificate from "similar"
 * (CGS § 29-38p). Reading chosen: five calendar days (not business days), counted from the day
 * after the notice, so notice on the 1st makes the 6th the last day; `revokedOn` is taken to be
 * the day the written notice is given.
 */
export const SURRENDER_DAYS: Record<CredentialKind, readonly Dated<number>[]> = {
  "temporary-state-permit": [{ from: CREDENTIALS_MODELLED_FROM, value: 5, source: PERMIT_SURRENDER }],
  "state-handgun-permit": [{ from: CREDENTIALS_MODELLED_FROM, value: 5, source: PERMIT_SURRENDER }],
  "handgun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 5,
      source: cite("CGS", "§ 29-36i", {
        cgs: "CGS § 29-36i",
        text: "As is the case for handgun eligibility certificates ... Failure to deliver it within five days of the notification",
      }),
    },
  ],
  "long-gun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 5,
      source: pa133("§§ 2-7", {
        text: "DESPP must notify the person in writing, and the person must deliver it to the commissioner. Failure to deliver it within five days of the notification is a class A misdemeanor.",
      }),
    },
  ],
  "ammunition-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 5,
      source: pa133("§§ 14-17", {
        cgs: "CGS § 29-38p",
        text: "provisions on ... revocation of certificates are similar to provisions in the bill and existing law for handgun and long gun eligibility certificates",
      }),
    },
  ],
};

/** The last day to surrender a credential revoked (and notified in writing) on `revokedOn`. */
export function surrenderDeadline(kind: CredentialKind, revokedOn: PlainDate): { dueOn: PlainDate; source: Citation } {
  const v = inForce(SURRENDER_DAYS[kind], revokedOn, SURRENDER_DEADLINE_ID);
  return { dueOn: addDays(revokedOn, v.value), source: v.source };
}

export interface Penalty {
  offense: string;
  classification: string;
}

/**
 * QUESTION(legal): the analysis gives no effective date for the Table 2 penalty increases
 * (§§ 42-43, 46-50, 52-53). Reading chosen: 1 October 2013, the date of the neighbouring
 * criminal provisions; until then failing to surrender a revoked permit or handgun eligibility
 * certificate stays a class C misdemeanor.
 *
 * QUESTION(legal): the penalty for failing to surrender a revoked ammunition certificate is not
 * in the analysis ("similar" revocation provisions). Reading chosen: a class A misdemeanor, as
 * for the long gun eligibility certificate (CGS § 29-38p).
 */
const PERMIT_OFFENSE = "Failing to surrender a revoked permit within five days of written notice (CGS § 29-32)";
const HANDGUN_CERTIFICATE_OFFENSE =
  "Failing to surrender a revoked eligibility certificate for a pistol or revolver within five days of written notice (CGS § 29-36i)";

/** A class C misdemeanor until 2013-09-30, a class A misdemeanor from 2013-10-01 (PA 13-3). */
function raisedToClassA(offense: string, before: Citation, after: Citation): readonly Dated<Penalty>[] {
  return [
    {
      from: CREDENTIALS_MODELLED_FROM,
      until: NEW_CRITERIA_FROM,
      value: { offense, classification: "class C misdemeanor" },
      source: before,
    },
    { from: NEW_CRITERIA_FROM, value: { offense, classification: "class A misdemeanor" }, source: after },
  ];
}

const PERMIT_PENALTY: readonly Dated<Penalty>[] = raisedToClassA(
  PERMIT_OFFENSE,
  cite("CGS", "§ 29-32", {
    cgs: "CGS § 29-32",
    text: "Failing to surrender a revoked permit (29-32): Current Penalty: Class C misdemeanor",
  }),
  pa133("§ 46", {
    cgs: "CGS § 29-32",
    text: "Failing to surrender a revoked permit (29-32): Penalty Under the Bill: Class A misdemeanor",
  }),
);

export const LATE_SURRENDER_PENALTIES: Record<CredentialKind, readonly Dated<Penalty>[]> = {
  "temporary-state-permit": PERMIT_PENALTY,
  "state-handgun-permit": PERMIT_PENALTY,
  "handgun-eligibility-certificate": raisedToClassA(
    HANDGUN_CERTIFICATE_OFFENSE,
    cite("CGS", "§ 29-36i", {
      cgs: "CGS § 29-36i",
      text: "Failing to surrender revoked eligibility certificate (29-36i): Current Penalty: Class C misdemeanor",
    }),
    pa133("§ 52", {
      cgs: "CGS § 29-36i",
      text: "Failing to surrender revoked eligibility certificate (29-36i): Penalty Under the Bill: Class A misdemeanor",
    }),
  ),
  "long-gun-eligibility-certificate": fromModelledStart(
    {
      offense: "Failing to deliver a revoked long gun eligibility certificate within five days of written notice",
      classification: "class A misdemeanor",
    },
    pa133("§§ 2-7", { text: "Failure to deliver it within five days of the notification is a class A misdemeanor." }),
  ),
  "ammunition-certificate": fromModelledStart(
    {
      offense:
        "Failing to surrender a revoked ammunition certificate within five days of written notice (CGS § 29-38p)",
      classification: "class A misdemeanor",
    },
    pa133("§§ 14-17", {
      cgs: "CGS § 29-38p",
      text: "provisions on ... revocation of certificates are similar to provisions in the bill and existing law for handgun and long gun eligibility certificates",
    }),
  ),
};

/**
 * The offence of not surrendering a revoked credential in time, and its class.
 * With `on`, the version in force that day (NotInForce before 2013-07-01); without it, the
 * current version (the latest one).
 */
export function lateSurrenderPenalty(kind: CredentialKind, on?: PlainDate): Penalty & { source: Citation } {
  const versions = LATE_SURRENDER_PENALTIES[kind];
  const v =
    on !== undefined
      ? inForce(versions, on, LATE_SURRENDER_PENALTY_ID)
      : versions.reduce((a, b) => (b.from > a.from ? b : a));
  return { ...v.value, source: v.source };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SURRENDER_DEADLINE_RULE = catalogueEntry(
  SURRENDER_DEADLINE_ID,
  "Surrender after revocation",
  "A revoked credential must be delivered to the authorities within five days of the written notice of revocation.",
  allVersions(SURRENDER_DAYS),
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LATE_SURRENDER_PENALTY_RULE = catalogueEntry(
  LATE_SURRENDER_PENALTY_ID,
  "Penalty for late surrender",
  "Not surrendering a revoked permit or eligibility certificate in time is a class A misdemeanor (a class C misdemeanor for permits and handgun eligibility certificates until 30 September 2013).",
  allVersions(LATE_SURRENDER_PENALTIES),
);
