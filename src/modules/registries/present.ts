/**
 * Presenters: allow-lists of what each audience sees. The holder's name, address and date of
 * birth leave only in `presentForHolder` (their own record) and `presentWithIdentity` (a role §
 * 24 allows, after a purpose was stated and audited). Queues and dealers get `presentAnonymous`.
 * The thumbprint image never leaves; only whether there is one.
 */
import { type Finding, citationLabel } from "../../law/core/rules.ts";
import type { Obligation, LostStolenReport, Registration, TransferCertificate } from "./queries.ts";
import type { RegistrationView } from "./service.ts";
import { APPEAL_ROUTE, NEXT } from "./service.ts";
import type { CounterAnswer } from "./counter.ts";

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

function item(r: Registration) {
  return r.kind === "aw-certificate"
    ? {
        firearm: {
          make: r.firearm.make,
          model: r.firearm.model,
          serialNumber: r.firearm.serialNumber,
          caliber: r.firearm.caliber,
          type: r.firearm.type,
          identificationMarks: r.firearm.identificationMarks,
        },
        thumbprint: r.thumbprint.kind ? { kind: r.thumbprint.kind, appointmentOn: r.thumbprint.appointmentOn } : null,
      }
    : {
        magazine: {
          count: r.magazine.count,
          capacity: r.magazine.capacity,
          caliber: r.magazine.caliber,
          description: r.magazine.description,
        },
      };
}

/** No identity: the queue, counts, and anyone who only needs the state of a registration. */
export function presentAnonymous(r: Registration) {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    certificateNumber: r.certificateNumber,
    status: r.status,
    route: r.route,
    routeEventOn: r.routeEventOn,
    submittedOn: r.submittedOn,
    issuedOn: r.issuedOn,
    decidedOn: r.decidedOn,
    reasons: r.reasons,
    prohibited: r.prohibitedEventId !== null,
    nextActions: NEXT[r.status],
    ...item(r),
    ...(r.status === "refused" ? { appeal: APPEAL_ROUTE } : {}),
  };
}

const identity = (r: Registration) => ({
  holder: {
    firstName: r.holder.firstName,
    middleName: r.holder.middleName,
    lastName: r.holder.lastName,
    birthDate: r.holder.birthDate,
    street: r.holder.street,
    town: r.holder.town,
    state: r.holder.state,
    zip: r.holder.zip,
  },
});

/** The holder's own record, drafts included. */
export function presentForHolder(r: Registration) {
  return {
    ...presentAnonymous(r),
    credentialApplicationId: r.credentialApplicationId,
    draftVersion: r.draftVersion,
    updatedAt: r.updatedAt,
    ...identity(r),
  };
}

/** With identity: only after `assertIdentityRead` (a role and purpose § 24 allows, audited). */
export function presentWithIdentity(r: Registration) {
  return { ...presentAnonymous(r), personId: r.personId, ...identity(r) };
}

export function presentView(v: RegistrationView & { access: "own" | "identity" }) {
  return {
    registration: v.access === "own" ? presentForHolder(v.registration) : presentWithIdentity(v.registration),
    history: v.history.map((h) => ({
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
      at: h.at,
    })),
    decisions: v.decisions.map((d) => ({
      id: d.id,
      question: d.question,
      outcome: d.outcome,
      findings: d.findings.map(presentFinding),
    })),
  };
}

export function presentObligation(o: Obligation) {
  return {
    id: o.id,
    personId: o.personId,
    registrationId: o.registrationId,
    item: o.item,
    rule: o.rule,
    actions: o.actions,
    dueOn: o.dueOn,
    status: o.status,
    metOn: o.metOn,
    metBy: o.metBy,
  };
}

/** A certificate of transfer, for its dealer and for DESPP's file. */
export function presentTransferCertificate(t: TransferCertificate) {
  return {
    id: t.id,
    number: t.number,
    item: t.item,
    transferOn: t.transferOn,
    count: t.count,
    description: t.description,
    serialNumber: t.serialNumber,
    transferor: {
      name: t.transferor.name,
      address: t.transferor.address,
      idKind: t.transferor.idKind,
      idNumber: t.transferor.idNumber ? `…${t.transferor.idNumber.slice(-4)}` : null,
    },
    dealer: { name: t.dealer.name, address: t.dealer.address, ffl: t.dealer.ffl },
    delivery: t.delivery,
    deliveredAt: t.deliveredAt,
    linkedRegistration: t.registrationId !== null,
  };
}

export function presentLostStolen(r: LostStolenReport & { links?: { type: string; id: string }[] }) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    serialNumber: r.serialNumber,
    make: r.make,
    model: r.model,
    caliber: r.caliber,
    circumstances: r.circumstances,
    town: r.town,
    discoveredAt: r.discoveredAt,
    reportedAt: r.reportedAt,
    dueAt: r.dueAt,
    late: r.late,
    penalty: r.penalty,
    ...(r.links ? { reached: r.links } : {}),
  };
}

export function presentCounter(a: CounterAnswer) {
  return { outcome: a.outcome, reasons: a.reasons, findings: a.findings.map(presentFinding) };
}
