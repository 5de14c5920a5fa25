/** Presenters: allow-lists of the fields each audience may see. Nothing leaves unless named here. */
import { type Finding, citationLabel } from "../../law/core/rules.ts";
import type { Check, Sale, StoredSettings } from "./queries.ts";

/** A finding with its citation; a policy finding says so in words. */
export function presentFinding(f: Finding) {
  return {
    id: f.id, status: f.status, because: f.because, citation: citationLabel(f.source), basis: f.source.basis,
    ...(f.source.basis === "policy" ? { note: "policy, not statute" } : {}),
    ...(f.missing?.length ? { missing: f.missing } : {}), ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

/** "SP-1000001" → "…0001": enough for a seller to find its own record. */
export const maskCredentialNumber = (n: string): string => `…${n.slice(-4)}`;

/** A check, as the seller who ran it sees it (the buyer's record is not shown). */
export function presentCheck(c: Check) {
  return {
    id: c.id, number: c.number, outcome: c.outcome, checkedOn: c.checkedOn, validOn: c.checkedOn, dealerId: c.dealerId,
    credentialNumber: c.credentialNumber, basis: c.basis,
    lines: c.lines.map((l) => ({ type: l.type, caliber: l.caliber, brand: l.brand, quantity: l.quantity })),
    totalRounds: c.totalRounds, totalMagazines: c.totalMagazines,
    lawDecisionId: c.lawDecisionId, limitDecisionId: c.limitDecisionId,
  };
}

const lines = (s: Sale) => s.lines.map((l) => ({ type: l.type, caliber: l.caliber, brand: l.brand, quantity: l.quantity }));

/** A sale, as the seller that made it sees it: no buyer name, the credential number masked. */
export function presentSaleForSeller(s: Sale) {
  return {
    id: s.id, number: s.number, checkId: s.checkId, soldOn: s.soldOn, dealerId: s.dealerId, town: s.town,
    credentialKind: s.credentialKind, credentialNumber: maskCredentialNumber(s.credentialNumber), basis: s.basis,
    lines: lines(s), totalRounds: s.totalRounds, totalMagazines: s.totalMagazines,
  };
}

/** A sale, as licensing staff and law enforcement see it (a purpose was given and audited). */
export function presentSaleForInvestigator(s: Sale) {
  return {
    id: s.id, number: s.number, checkId: s.checkId, soldOn: s.soldOn, dealer: { id: s.dealerId, name: s.dealerName }, town: s.town,
    buyer: { personId: s.personId, firstName: s.buyer.firstName, lastName: s.buyer.lastName, birthDate: s.buyer.birthDate },
    credential: { id: s.credentialId, number: s.credentialNumber, kind: s.credentialKind }, basis: s.basis,
    lines: lines(s), totalRounds: s.totalRounds, totalMagazines: s.totalMagazines,
  };
}

/** The limit's settings, as anyone may see them (the limit is public policy). */
export function presentSettings(s: StoredSettings) {
  return { version: s.version, effectiveOn: s.effectiveOn, settings: s.settings, setAt: s.setAt, note: s.note };
}
