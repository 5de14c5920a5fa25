/** Presenters: allow-lists of the fields each audience may see. Nothing leaves unless named here. */
import { type Finding, citationLabel } from "../../law/core/rules.ts";
import type { Check, CredentialOnFile, Sale, StoredSettings } from "./queries.ts";
import { MATCH_ID } from "./matching.ts";
import type { EffectiveCheck } from "./review-state.ts";

/** A finding with its citation; a policy finding says so in words. */
export function presentFinding(f: Finding) {
  return {
    id: f.id,
    status: f.status,
    because: f.because,
    citation: citationLabel(f.source),
    basis: f.source.basis,
    ...(f.source.basis === "policy" ? { note: "policy, not statute" } : {}),
    ...(f.missing?.length ? { missing: f.missing } : {}),
    ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

const CREDENTIAL_LABELS: Record<CredentialOnFile["kind"], string> = {
  "temporary-state-permit": "temporary state permit",
  "state-handgun-permit": "state permit to carry pistols or revolvers",
  "handgun-eligibility-certificate": "handgun eligibility certificate",
  "long-gun-eligibility-certificate": "long gun eligibility certificate",
  "ammunition-certificate": "ammunition certificate",
};

/** The credential the buyer presented, as the seller may hear of it: its kind, its number, valid or not. */
export interface PresentedCredential {
  kind: CredentialOnFile["kind"];
  number: string;
  valid: boolean;
}

/** Findings that rest on the buyer's records in the state's files (convictions, commitments, orders). */
const RECORD_FINDING = /(may-possess|prohibit|event|order|commitment)/;

export const NO_MATCH = "does not match; the buyer may ask DESPP to correct the record";

/**
 * A finding as a seller (dealer or ammunition vendor) may see it (issue 8, findings 3 and 4):
 * the rule, its citation and the reason category, never the record behind it.
 * - the record match says "matches" or "does not match; the buyer may ask DESPP to correct the
 *   record", never which of name, date of birth, town, street or ZIP differs (that would let a
 *   seller find a holder's details by trying values);
 * - a finding that rests on the buyer's records (a protective order, a conviction) says a record
 *   bars the sale or needs review, with its citation, not what the record is or when it was made;
 * - a refused credential says which credential was presented and that it is not valid.
 * Staff read the full findings in the stored decisions.
 */
export function presentFindingForSeller(f: Finding, presented?: PresentedCredential | null) {
  const base = {
    id: f.id,
    status: f.status,
    citation: citationLabel(f.source),
    basis: f.source.basis,
    ...(f.source.basis === "policy" ? { note: "policy, not statute" } : {}),
  };
  if (f.id === MATCH_ID) {
    return f.status === "met"
      ? { ...base, because: "matches" }
      : {
          ...base,
          because: NO_MATCH,
          remedy: "the buyer may ask DESPP (the firearms unit) to correct the record; nothing has been refused",
        };
  }
  if (RECORD_FINDING.test(f.id) && f.status !== "met" && f.status !== "not-applicable") {
    return f.status === "not-met"
      ? {
          ...base,
          because: "a record in the state's files bars this sale; the buyer is told the reasons by DESPP",
          remedy: "the buyer may ask DESPP for the record and have it corrected",
        }
      : {
          ...base,
          because: "the state's records need a person's review before this sale",
          remedy: "the firearms unit reviews the record; run the check again later",
        };
  }
  if (/buyer-credential$/.test(f.id) && f.status === "not-met" && presented && !presented.valid) {
    return {
      ...base,
      because: `the buyer presented ${CREDENTIAL_LABELS[presented.kind]} ${presented.number}, which is not valid for this purchase`,
      remedy: "present another valid credential, or ask DESPP about this one",
    };
  }
  if (/minimum-age$/.test(f.id) && f.status === "not-met")
    return {
      ...base,
      because: "the buyer is under the minimum age for this purchase",
      ...(f.remedy ? { remedy: f.remedy } : {}),
    };
  return {
    ...base,
    because: f.because,
    ...(f.missing?.length
      ? { missing: f.missing.filter((m) => !/^buyer\.(lastName|birthDate|address|credentialNumber)/.test(m)) }
      : {}),
    ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

/** "SP-1000001" → "…0001": enough for a seller to find its own record. */
export const maskCredentialNumber = (n: string): string => `…${n.slice(-4)}`;

/** A check, as the seller who ran it sees it (the buyer's record is not shown). */
export function presentCheck(c: Check) {
  return {
    id: c.id,
    number: c.number,
    outcome: c.outcome,
    checkedOn: c.checkedOn,
    validOn: c.checkedOn,
    dealerId: c.dealerId,
    credentialNumber: c.credentialNumber,
    basis: c.basis,
    lines: c.lines.map((l) => ({
      type: l.type,
      caliber: l.caliber,
      brand: l.brand,
      quantity: l.quantity,
      ...(l.capacity ? { capacity: l.capacity } : {}),
      ...(l.features?.length ? { features: l.features } : {}),
      ...(l.bullet ? { bullet: l.bullet } : {}),
    })),
    ...(c.buyerExemption ? { buyerExemption: c.buyerExemption } : {}),
    totalRounds: c.totalRounds,
    totalMagazines: c.totalMagazines,
    lawDecisionId: c.lawDecisionId,
    limitDecisionId: c.limitDecisionId,
  };
}

const lines = (s: Sale) =>
  s.lines.map((l) => ({
    type: l.type,
    caliber: l.caliber,
    brand: l.brand,
    quantity: l.quantity,
    ...(l.capacity ? { capacity: l.capacity } : {}),
  }));

/** A sale, as the seller that made it sees it: no buyer name, the credential number masked. */
export function presentSaleForSeller(s: Sale) {
  return {
    id: s.id,
    number: s.number,
    checkId: s.checkId,
    soldOn: s.soldOn,
    dealerId: s.dealerId,
    town: s.town,
    credentialKind: s.credentialKind,
    credentialNumber: maskCredentialNumber(s.credentialNumber),
    basis: s.basis,
    lines: lines(s),
    totalRounds: s.totalRounds,
    totalMagazines: s.totalMagazines,
  };
}

/** A sale, as licensing staff and law enforcement see it (a purpose was given and audited). */
export function presentSaleForInvestigator(s: Sale) {
  return {
    id: s.id,
    number: s.number,
    checkId: s.checkId,
    soldOn: s.soldOn,
    dealer: { id: s.dealerId, name: s.dealerName },
    town: s.town,
    buyer: {
      personId: s.personId,
      firstName: s.buyer.firstName,
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
    },
    credential: { id: s.credentialId, number: s.credentialNumber, kind: s.credentialKind },
    basis: s.basis,
    lines: lines(s),
    totalRounds: s.totalRounds,
    totalMagazines: s.totalMagazines,
  };
}

/** The limit's settings, as anyone may see them (the limit is public policy). */
export function presentSettings(s: StoredSettings) {
  return { version: s.version, effectiveOn: s.effectiveOn, settings: s.settings, setAt: s.setAt, note: s.note };
}

/** A credential on file as licensing staff see it in a review (no address). */
export function presentCredentialForStaff(c: CredentialOnFile) {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    status: c.status,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    holder: {
      personId: c.person.id,
      firstName: c.person.firstName,
      lastName: c.person.lastName,
      birthDate: c.person.birthDate,
    },
  };
}

/**
 * Where a check stands after review, as its seller may hear of it: the outcome, the day a sale
 * may be recorded, what to re-check (kinds of entry, never the record) or the reason for a
 * denial. Staff's note on how they confirmed the buyer is not shown (it may quote the record).
 */
export function presentReviewForSeller(e: EffectiveCheck) {
  const last = e.last;
  return {
    state: e.state,
    outcome: e.outcome,
    ...(e.outcome === "approved" ? { validOn: e.validOn } : {}),
    ...(e.state === "awaiting-seller" && last ? { recheck: last.recheck, note: last.note } : {}),
    ...(e.state === "denied" && last ? { reason: last.note } : {}),
    ...(e.state === "corrected" && last ? { newCheckId: last.newCheckId } : {}),
  };
}
