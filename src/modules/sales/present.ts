/**
 * Presenters: allow-lists of the fields each audience may see of a sale.
 * Nothing leaves unless named here.
 * - the dealer of the sale: what its records need (the receipt's fields, the
 *   identification it checked), the answer, the rules that decided it — but not
 *   the buyer's records: a finding about the buyer's convictions or orders is
 *   shown by its rule and citation only; the buyer gets the reasons by letter;
 * - licensing staff: everything, with the reports sent and the full findings;
 * - law enforcement (by serial number, with a purpose): the firearm, the
 *   transfer, the dealer and the buyer's identity and address; no NICS or
 *   identification-document details.
 */
import type { Finding, Outcome } from "../../law/core/rules.ts";
import { citationLabel } from "../../law/core/rules.ts";
import { makeName, typeOf } from "./ncic.ts";
import type { NicsCheck, Sale, SaleDecision } from "./queries.ts";
import { appealsFor } from "./service.ts";
import type { BuyerRecord } from "./evaluate.ts";

/** Findings that rest on the buyer's records (convictions, commitments, orders). */
const RECORD_FINDING = /buyer-may-possess$/;

export function presentFinding(f: Finding) {
  return {
    id: f.id,
    status: f.status,
    because: f.because,
    citation: citationLabel(f.source),
    ...(f.missing?.length ? { missing: f.missing } : {}),
    ...(f.remedy ? { remedy: f.remedy } : {}),
  };
}

export function presentFindingForDealer(f: Finding) {
  if (!RECORD_FINDING.test(f.id) || f.status === "met" || f.status === "not-applicable") {
    return {
      id: f.id,
      status: f.status,
      because: f.because,
      citation: citationLabel(f.source),
      ...(f.remedy ? { remedy: f.remedy } : {}),
    };
  }
  return {
    id: f.id,
    status: f.status,
    citation: citationLabel(f.source),
    because:
      f.status === "not-met"
        ? "a record in the state's files bars this transfer; the buyer is told the reasons in writing"
        : "the state's records need a person's review before this transfer",
    remedy: "the buyer may ask DESPP for the record and have it corrected",
  };
}

export type PublicAnswer = "authorized" | "denied" | "delayed" | "cancelled";

export function publicAnswer(status: Sale["status"]): PublicAnswer {
  if (status === "authorized" || status === "proceeded") return "authorized";
  if (status === "denied" || status === "denied-after-transfer") return "denied";
  return status === "delayed" ? "delayed" : "cancelled";
}

function firearmOf(s: Sale) {
  return {
    make: s.firearm.make,
    makeName: makeName(s.firearm.make) ?? null,
    model: s.firearm.model,
    serialNumber: s.firearm.serialNumber,
    caliber: s.firearm.caliber,
    type: s.firearm.type,
    typeName: typeOf(s.firearm.type)?.name ?? null,
    description: s.firearm.description,
  };
}

function nicsOf(n: NicsCheck) {
  return {
    transactionNumber: n.transactionNumber ?? n.statelineReference,
    reference: n.transactionNumber ? "nics" : n.statelineReference ? "stateline" : null,
    status: n.status,
    transactionType: n.transactionType,
    initiatedOn: n.initiatedOn,
    respondedAt: n.respondedAt,
  };
}

const PROCEED_NOTE = {
  "private-dealer-nics":
    "a private long gun sale through a dealer needs a NICS check that shows the transferee eligible; the three-business-day rule does not apply (PA 13-3 § 1)",
} as const;

/** The sale as its own dealer sees it. */
export function presentSaleForDealer(s: Sale, nics: NicsCheck) {
  return {
    id: s.id,
    number: s.number,
    kind: s.kind,
    status: s.status,
    answer: publicAnswer(s.status),
    delayReason: s.delayReason,
    saleDate: s.saleOn,
    authorizationNumber: s.authorizationNumber,
    authorizedOn: s.authorizedOn,
    proceedAfter: s.proceedAfter,
    mayProceedOn: s.mayProceedOn,
    cancelledOn: s.cancelledOn,
    ...(s.status === "delayed" && s.route === "private-dealer-nics"
      ? { proceedNote: PROCEED_NOTE["private-dealer-nics"] }
      : {}),
    nics: nicsOf(nics),
    buyer: {
      firstName: s.buyer.firstName,
      middleName: s.buyer.middleName,
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
      birthPlace: s.buyer.birthPlace,
      street: s.buyer.street,
      town: s.buyer.town,
      state: s.buyer.state,
      zip: s.buyer.zip,
      credentialNumber: s.buyer.credentialNumber,
      idDocument: { ...s.buyer.idDocument },
    },
    seller: s.seller ? { ...s.seller } : null,
    firearm: firearmOf(s),
  };
}

/** The sale as licensing staff see it. */
export function presentSaleForStaff(
  s: Sale,
  nics: NicsCheck,
  dealer: { id: string; name: string; fflNumber: string | null } | null,
) {
  return {
    ...presentSaleForDealer(s, nics),
    channel: s.channel,
    route: s.route,
    dealer,
    buyer: {
      ...presentSaleForDealer(s, nics).buyer,
      personId: s.buyer.personId,
      credentialId: s.buyer.credentialId,
      sex: s.buyer.sex,
      race: s.buyer.race,
      officer: s.buyer.officer,
    },
    nics: {
      ...nicsOf(nics),
      attempts: nics.attempts,
      nextAttemptAt: nics.nextAttemptAt,
      detailsPurgedAt: nics.purgedAt,
    },
    requestedAt: s.requestedAt,
  };
}

/** The sale as law enforcement see it, found by the firearm's serial number. */
export function presentSaleForPolice(s: Sale, dealer: { name: string; fflNumber: string | null; town: string } | null) {
  return {
    id: s.id,
    number: s.number,
    kind: s.kind,
    status: s.status,
    saleDate: s.saleOn,
    authorizationNumber: s.authorizationNumber,
    authorizedOn: s.authorizedOn,
    dealer,
    buyer: {
      firstName: s.buyer.firstName,
      middleName: s.buyer.middleName,
      lastName: s.buyer.lastName,
      birthDate: s.buyer.birthDate,
      street: s.buyer.street,
      town: s.buyer.town,
      state: s.buyer.state,
      zip: s.buyer.zip,
    },
    seller: s.seller
      ? { name: s.seller.name, street: s.seller.street, town: s.seller.town, state: s.seller.state }
      : null,
    firearm: firearmOf(s),
  };
}

/** The decision behind the answer, as the audience may see its findings. */
export function presentDecision(d: SaleDecision | null, audience: "dealer" | "staff") {
  if (!d) return null;
  return {
    id: d.id,
    outcome: d.outcome as Outcome,
    decidedOn: d.decidedOn,
    rulebookVersion: d.rulebookVersion,
    findings: d.findings.map(audience === "dealer" ? presentFindingForDealer : presentFinding),
  };
}

/** The answer to a sale request, proceed or cancel: the same shape for dealers and staff. */
export function presentAnswer(
  o: { sale: Sale; nics: NicsCheck; buyer: BuyerRecord },
  d: SaleDecision | null,
  audience: "dealer" | "staff",
  dealer: { id: string; name: string; fflNumber: string | null } | null = null,
) {
  const s = o.sale;
  const answer = publicAnswer(s.status);
  const findings = d?.findings ?? [];
  const nicsDenied = o.nics.status === "denied";
  return {
    answer,
    sale: audience === "dealer" ? presentSaleForDealer(s, o.nics) : presentSaleForStaff(s, o.nics, dealer),
    authorizationNumber: answer === "authorized" ? s.authorizationNumber : null,
    nicsTransactionNumber: o.nics.transactionNumber ?? o.nics.statelineReference,
    proceedAfter: s.proceedAfter,
    mayProceedOn: s.mayProceedOn,
    credentialCheck: { verified: o.buyer.verified, validForPurpose: o.buyer.validForPurpose },
    decision: presentDecision(d, audience),
    citations: [
      ...new Set(
        (answer === "authorized"
          ? findings.filter((f) => f.status === "met")
          : findings.filter((f) => f.status !== "met" && f.status !== "not-applicable")
        ).map((f) => citationLabel(f.source)),
      ),
    ],
    ...(answer === "denied" ? { appeal: appealsFor(findings, nicsDenied) } : {}),
  };
}
