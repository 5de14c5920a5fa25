/**
 * The five gun credentials this area decides, and the statute that governs each.
 *
 * PA 13-3 (OLR analysis of SB 1160) uses these credentials:
 * - the temporary state permit, issued by the local issuing authority (chief of police,
 *   warden or first selectman), "after which the State Police issues the five-year state
 *   permit" (§§ 57-58);
 * - the state permit to carry a pistol or revolver (CGS § 29-28(b));
 * - the handgun eligibility certificate (CGS § 29-36f, existing law);
 * - the long gun eligibility certificate, new in §§ 2-7 (CGS § 29-37p);
 * - the ammunition certificate, new in §§ 14-17 (CGS § 29-38n).
 */
import type { Citation, Dated } from "../../core/rules.ts";

export const CREDENTIAL_KINDS = [
  "temporary-state-permit",
  "state-handgun-permit",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
  "ammunition-certificate",
] as const;

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A plain name for each credential, for "because" texts and the catalogue. */
export const CREDENTIAL_NAMES: Record<CredentialKind, string> = {
  "temporary-state-permit": "temporary state permit to carry a pistol or revolver",
  "state-handgun-permit": "state permit to carry a pistol or revolver",
  "handgun-eligibility-certificate": "eligibility certificate for a pistol or revolver",
  "long-gun-eligibility-certificate": "long gun eligibility certificate",
  "ammunition-certificate": "ammunition certificate",
};

/**
 * The codified section that lists who may not be issued each credential.
 * A state or temporary state permit shares one list (§ 29-28(b)).
 */
export const ELIGIBILITY_STATUTE: Record<CredentialKind, string> = {
  "temporary-state-permit": "CGS § 29-28(b)",
  "state-handgun-permit": "CGS § 29-28(b)",
  "handgun-eligibility-certificate": "CGS § 29-36f(b)",
  "long-gun-eligibility-certificate": "CGS § 29-37p(b)",
  "ammunition-certificate": "CGS § 29-38n(b)",
};

/** The Act's sections (as grouped in the OLR analysis) that enact or amend each credential's rules. */
export const ACT_SECTIONS: Record<CredentialKind, string> = {
  "temporary-state-permit": "§§ 57-58",
  "state-handgun-permit": "§§ 57-58",
  "handgun-eligibility-certificate": "§§ 8, 10-11, 57-58",
  "long-gun-eligibility-certificate": "§§ 2-7",
  "ammunition-certificate": "§§ 14-17",
};

export const isPermit = (k: CredentialKind): boolean => k === "temporary-state-permit" || k === "state-handgun-permit";

/**
 * The first day this rulebook models any credential rule: 1 July 2013, when the long gun
 * eligibility certificate and the ammunition certificate came into being (§§ 2-7, 14-17).
 * Earlier dates are refused with NotInForce, also for the credentials that existed before,
 * because their earlier versions are not modelled here.
 */
export const CREDENTIALS_MODELLED_FROM = "2013-07-01";

/** 1 October 2013: the Act's new eligibility criteria for permits and certificates take effect. */
export const NEW_CRITERIA_FROM = "2013-10-01";

/** Spells out one value per credential, with the two permits sharing one (they share CGS § 29-28(b)). */
export function perCredential<T>(v: {
  permit: T;
  handgunCertificate: T;
  longGunCertificate: T;
  ammunitionCertificate: T;
}): Record<CredentialKind, T> {
  return {
    "temporary-state-permit": v.permit,
    "state-handgun-permit": v.permit,
    "handgun-eligibility-certificate": v.handgunCertificate,
    "long-gun-eligibility-certificate": v.longGunCertificate,
    "ammunition-certificate": v.ammunitionCertificate,
  };
}

/** Builds one value per credential from a function of the credential. */
export function forEachCredential<T>(f: (kind: CredentialKind) => T): Record<CredentialKind, T> {
  return {
    "temporary-state-permit": f("temporary-state-permit"),
    "state-handgun-permit": f("state-handgun-permit"),
    "handgun-eligibility-certificate": f("handgun-eligibility-certificate"),
    "long-gun-eligibility-certificate": f("long-gun-eligibility-certificate"),
    "ammunition-certificate": f("ammunition-certificate"),
  };
}

/** One version per credential, each in force from the modelled start: for rules whose only change is the citation. */
export const modelledVersions = (byKind: Record<CredentialKind, Citation>): readonly Dated<true>[] =>
  Object.values(byKind).flatMap((source) => fromModelledStart(true as const, source));

/** One version, in force from the modelled start (2013-07-01). */
export const fromModelledStart = <T>(value: T, source: Citation): readonly Dated<T>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value, source },
];
