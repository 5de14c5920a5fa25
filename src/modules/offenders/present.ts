/**
 * What leaves the registry, per audience, as allow-lists. Police and DESPP's registry staff see
 * the registration information § 54-280a lists; a registrant sees their own record and
 * obligations; lists show only what a look-up needs. Nothing else leaves.
 */
import type { Change, Noncompliance, Registrant, Verification } from "./queries.ts";
import type { LookupHit, Obligation, RegistrantDetail } from "./service.ts";

export const presentHit = (h: LookupHit) => ({
  id: h.id,
  number: h.number,
  firstName: h.firstName,
  lastName: h.lastName,
  birthDate: h.birthDate,
  homeTown: h.homeTown,
  status: h.status,
  hasPhoto: Boolean(h.photoReference),
});

/** The registration record for law enforcement and the registry's keepers. */
export const presentRegistrant = (r: Registrant) => ({
  id: r.id,
  number: r.number,
  status: r.status,
  firstName: r.firstName,
  lastName: r.lastName,
  birthDate: r.birthDate,
  aliases: r.aliases,
  physicalDescription: r.physicalDescription,
  offense: {
    statute: r.offenseStatute,
    description: r.offenseDescription,
    basis: r.basis,
    disposition: r.disposition,
    dispositionOn: r.dispositionOn,
    courtDocket: r.courtDocket,
  },
  source: r.source,
  sourceReference: r.sourceReference,
  releasedOn: r.releasedOn,
  fromDocCustody: r.fromDocCustody,
  registrationDueOn: r.registrationDueOn,
  registeredOn: r.registeredOn,
  endsOn: r.endsOn,
  suspensionGround: r.suspensionGround,
  home: { street: r.homeStreet, town: r.homeTown, state: r.homeState, zip: r.homeZip },
  email: r.email,
  fingerprints: { appointmentOn: r.fingerprintAppointmentOn, reference: r.fingerprintReference },
  criminalHistoryReference: r.criminalHistoryReference,
  photo: { reference: r.photoReference, takenBy: r.photoTakenBy, takenOn: r.photoTakenOn },
  dnaStatus: r.dnaStatus,
  signedOn: r.signedOn,
  decisionId: r.decisionId,
});

export const presentVerification = (v: Verification) => ({
  year: v.year,
  anniversaryOn: v.anniversaryOn,
  closesOn: v.closesOn,
  noticeMailBy: v.noticeMailBy,
  reportDueBy: v.reportDueBy,
  noticeSentOn: v.noticeSentOn,
  noticeLate: v.noticeLate,
  outcome: v.outcome,
  appearedOn: v.appearedOn,
  deferredTo: v.deferredTo,
  deferralCause: v.deferralCause,
  reportedOn: v.reportedOn,
  reportedByAgency: v.reportedByAgency,
  missedFlaggedOn: v.missedFlaggedOn,
  reportOverdueFlaggedOn: v.reportOverdueFlaggedOn,
});

export const presentChange = (c: Change) => ({
  id: c.id,
  kind: c.kind,
  changedOn: c.changedOn,
  dueOn: c.dueOn,
  source: c.source,
  reportedOn: c.reportedOn,
  late: c.late,
  previous: c.previous,
  current: c.current,
  flaggedOn: c.flaggedOn,
});

export const presentNoncompliance = (n: Noncompliance) => ({
  id: n.id,
  registrantId: n.registrantId,
  registrantNumber: n.registrantNumber,
  firstName: n.firstName,
  lastName: n.lastName,
  birthDate: n.birthDate,
  kind: n.kind,
  town: n.town,
  dueOn: n.dueOn,
  detectedOn: n.detectedOn,
  offense: n.offense,
  citation: n.citation,
  caseNumber: n.caseNumber,
  resolvedOn: n.resolvedOn,
});

export const presentDetail = (d: RegistrantDetail) => ({
  registrant: presentRegistrant(d.registrant),
  verifications: d.verifications.map(presentVerification),
  changes: d.changes.map(presentChange),
  noncompliance: d.noncompliance.map(presentNoncompliance),
  history: d.history.map((h) => ({
    action: h.action,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    onDate: h.onDate,
    details: h.details,
    at: h.at,
  })),
  next: d.next,
});

/** A registrant's own view: their record, the dates they must keep, and what is open. No case numbers, no internal references. */
export const presentOwn = (d: RegistrantDetail & { obligations: Obligation[] }) => ({
  number: d.registrant.number,
  status: d.registrant.status,
  firstName: d.registrant.firstName,
  lastName: d.registrant.lastName,
  offense: {
    statute: d.registrant.offenseStatute,
    description: d.registrant.offenseDescription,
    dispositionOn: d.registrant.dispositionOn,
  },
  registrationDueOn: d.registrant.registrationDueOn,
  registeredOn: d.registrant.registeredOn,
  endsOn: d.registrant.endsOn,
  suspensionGround: d.registrant.suspensionGround,
  home: {
    street: d.registrant.homeStreet,
    town: d.registrant.homeTown,
    state: d.registrant.homeState,
    zip: d.registrant.homeZip,
  },
  email: d.registrant.email,
  verifications: d.verifications.map((v) => ({
    year: v.year,
    anniversaryOn: v.anniversaryOn,
    closesOn: v.closesOn,
    outcome: v.outcome,
    appearedOn: v.appearedOn,
    deferredTo: v.deferredTo,
  })),
  changes: d.changes.map((c) => ({
    kind: c.kind,
    changedOn: c.changedOn,
    dueOn: c.dueOn,
    reportedOn: c.reportedOn,
    late: c.late,
  })),
  obligations: d.obligations,
});
