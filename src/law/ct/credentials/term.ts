/**
 * How long each credential lasts, and when the holder is told to renew.
 *
 * OLR analysis of PA 13-3:
 * - §§ 2-7 (long gun eligibility certificate): "the certificate is good for five years";
 * - §§ 14-17 (ammunition certificate): "the certificate is good for five years" and "Unlike the
 *   case with the handgun and long gun eligibility certificates, the DESPP commissioner is not
 *   required to notify ammunition certificate holders at least 90 days in advance of the date
 *   the certificate is set to expire.";
 * - §§ 57-58 (permits): "a local official issuing a temporary state permit, after which the
 *   State Police issues the five-year state permit".
 *
 * Five years are counted with core `addYears`: a credential issued on 29 February expires on
 * 28 February five years later (the month is shorter, so the last day of the month is used).
 */
import { type PlainDate, addDays, addYears } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind } from "./kinds.ts";
import { catalogueEntry, allVersions } from "../../core/questions.ts";

export const CREDENTIAL_TERM_ID = "credentials.term";
export const RENEWAL_NOTICE_ID = "credentials.renewal-notice";

type Term = { years: number } | { days: number };

/**
 * QUESTION(legal): the analysis gives no term for the temporary state permit. Reading chosen:
 * 60 days, from existing law (CGS § 29-30), during which the holder applies to DESPP for the
 * state permit. To be verified.
 *
 * QUESTION(legal): "expire five years after the date it becomes effective" is read as: the
 * credential expires on the fifth anniversary of its issue date (that date is `expiresOn`), and
 * it becomes effective on the day it is issued.
 *
 * QUESTION(legal): the handgun eligibility certificate's term, fee and renewal notice are existing
 * law that the analysis does not restate; we cite them as CGS § 29-36g, a section number to be
 * verified.
 */
export const CREDENTIAL_TERMS: Record<CredentialKind, readonly Dated<Term>[]> = {
  "temporary-state-permit": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: { days: 60 },
      source: cite("CGS", "§ 29-30", {
        cgs: "CGS § 29-30",
        text: "a temporary state permit is valid for sixty days (existing law)",
      }),
    },
  ],
  "state-handgun-permit": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: { years: 5 },
      source: pa133("§§ 57-58", {
        cgs: "CGS § 29-30",
        text: "after which the State Police issues the five-year state permit",
      }),
    },
  ],
  "handgun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: { years: 5 },
      source: cite("CGS", "§ 29-36g", {
        cgs: "CGS § 29-36g",
        text: "an eligibility certificate for a pistol or revolver expires five years after it becomes effective (existing law)",
      }),
    },
  ],
  "long-gun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: { years: 5 },
      source: pa133("§§ 2-7", {
        text: "the fee for an initial or renewal certificate is $35, and the certificate is good for five years",
      }),
    },
  ],
  "ammunition-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: { years: 5 },
      source: pa133("§ 16", {
        cgs: "CGS § 29-38o(b)",
        text: "the fee for the initial and renewal certificate is $35, and the certificate is good for five years",
      }),
    },
  ],
};

/** When a credential issued on `issuedOn` expires. Throws NotInForce for issue dates before 2013-07-01. */
export function credentialTerm(kind: CredentialKind, issuedOn: PlainDate): { expiresOn: PlainDate; source: Citation } {
  const v = inForce(CREDENTIAL_TERMS[kind], issuedOn, CREDENTIAL_TERM_ID);
  const expiresOn = "years" in v.value ? addYears(issuedOn, v.value.years) : addDays(issuedOn, v.value.days);
  return { expiresOn, source: v.source };
}

const NO_NOTICE_FOR_AMMUNITION = pa133("§§ 14-17", {
  cgs: "CGS § 29-38o",
  text: "Unlike the case with the handgun and long gun eligibility certificates, the DESPP commissioner is not required to notify ammunition certificate holders at least 90 days in advance of the date the certificate is set to expire.",
});

/**
 * Days before expiry by which DESPP must send a renewal notice; null when none is required.
 *
 * QUESTION(legal): the analysis does not mention renewal notices for permits. Reading chosen:
 * existing law (CGS § 29-30) requires a notice of expiration to state permit holders at least
 * 90 days before expiry; a temporary state permit is not renewed (the state permit follows it),
 * so no notice. To be verified.
 */
export const RENEWAL_NOTICE_DAYS: Record<CredentialKind, readonly Dated<number | null>[]> = {
  "temporary-state-permit": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: null,
      source: cite("CGS", "§ 29-30", {
        cgs: "CGS § 29-30",
        text: "a temporary state permit is not renewed; the holder applies for the five-year state permit (existing law)",
      }),
    },
  ],
  "state-handgun-permit": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 90,
      source: cite("CGS", "§ 29-30", {
        cgs: "CGS § 29-30",
        text: "notice of expiration sent to the state permit holder at least ninety days before the permit expires (existing law)",
      }),
    },
  ],
  "handgun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 90,
      source: pa133("§§ 14-17", {
        cgs: "CGS § 29-36g",
        text: "Unlike the case with the handgun and long gun eligibility certificates, the DESPP commissioner is not required to notify ammunition certificate holders at least 90 days in advance",
      }),
    },
  ],
  "long-gun-eligibility-certificate": [
    {
      from: CREDENTIALS_MODELLED_FROM,
      value: 90,
      source: pa133("§§ 2-7", {
        text: "[as for handgun eligibility certificates] the DESPP commissioner [must] notify ... holders at least 90 days in advance of the date the certificate is set to expire (analysis of §§ 14-17)",
      }),
    },
  ],
  "ammunition-certificate": [{ from: CREDENTIALS_MODELLED_FROM, value: null, source: NO_NOTICE_FOR_AMMUNITION }],
};

/**
 * The last day on which DESPP must send the renewal notice for a credential expiring on
 * `expiresOn` ("at least 90 days in advance"), or null when no notice is required.
 * The version is chosen by the expiry date; throws NotInForce for expiry dates before 2013-07-01.
 */
export function renewalNotice(
  kind: CredentialKind,
  expiresOn: PlainDate,
): { sendOn: PlainDate | null; source: Citation } {
  const v = inForce(RENEWAL_NOTICE_DAYS[kind], expiresOn, RENEWAL_NOTICE_ID);
  return { sendOn: v.value === null ? null : addDays(expiresOn, -v.value), source: v.source };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const CREDENTIAL_TERM_RULE = catalogueEntry(
  CREDENTIAL_TERM_ID,
  "How long a credential lasts",
  "State permits and all three certificates last five years from issue; a temporary state permit lasts 60 days.",
  allVersions(CREDENTIAL_TERMS),
);

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const RENEWAL_NOTICE_RULE = catalogueEntry(
  RENEWAL_NOTICE_ID,
  "Renewal notice",
  "The State Police must send holders of state permits and handgun and long gun eligibility certificates a renewal notice at least 90 days before expiry. No notice is required for ammunition certificates (or temporary state permits).",
  allVersions(RENEWAL_NOTICE_DAYS),
);
