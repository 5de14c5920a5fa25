/** Presenters: allow-lists of the fields that leave, per audience. Amounts leave as cents and dollars. */
import type { PlainDate } from "../../law/core/dates.ts";
import { currentUntil, isCurrent } from "../../law/ct/schools/consultant-registry.ts";
import type * as db from "./queries.ts";
import type { ApplicationView } from "./service.ts";
import type { Duty } from "./duties.ts";

export const dollars = (c: number) => Math.round(c) / 100;

export const presentDistrict = (d: db.District, rate?: { rate: number | null; because: string }) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  priorityDistrict: d.priorityDistrict,
  towns: d.towns.map((t) => ({ town: t.town, pupils: t.pupils, wealthRank: t.rank })),
  ...(rate ? { ratePercent: rate.rate, rateBecause: rate.because } : {}),
});
export const presentSchool = (s: db.School) => ({
  id: s.id,
  districtId: s.districtId,
  districtName: s.districtName,
  name: s.name,
  town: s.town,
});
export const presentCampus = (c: db.Campus) => ({
  id: c.id,
  institution: c.institution,
  name: c.name,
  town: c.town,
  system: c.system,
});
export const presentAssessment = (a: db.Assessment) => ({
  id: a.id,
  schoolId: a.schoolId,
  assessedOn: a.assessedOn,
  supervisedByLocalPolice: a.supervisedByLocalPolice,
  usedSafeSchoolsChecklist: a.usedSafeSchoolsChecklist,
  entranceSecurity: a.entranceSecurity,
  summary: a.summary,
  documentId: a.documentId,
});
export const presentRound = (r: db.Round) => ({
  id: r.id,
  name: r.name,
  budget: dollars(r.budgetCents),
  budgetCents: r.budgetCents,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
});
export const presentApplicationSummary = (a: db.Application) => ({
  id: a.id,
  number: a.number,
  roundId: a.roundId,
  roundName: a.roundName,
  districtId: a.districtId,
  districtName: a.districtName,
  status: a.status,
  submittedOn: a.submittedOn,
  ratePercent: a.ratePercent,
  decidedOn: a.decidedOn,
});

export function presentApplication(v: ApplicationView) {
  const a = v.application;
  return {
    ...presentApplicationSummary(a),
    rateBecause: a.rateBecause,
    emergencyPlanWithFirstResponders: a.emergencyPlanWithFirstResponders,
    emergencyPlanOn: a.emergencyPlanOn,
    planPracticed: a.planPracticed,
    practiceFrequency: a.practiceFrequency,
    eligibility: {
      outcome: a.decision.outcome,
      findings: a.decision.findings,
      rulebookVersion: a.decision.rulebookVersion,
      on: a.decision.on,
    },
    decisionReason: a.decisionReason,
    schools: v.schools.map((s) => ({
      schoolId: s.schoolId,
      name: s.schoolName,
      assessmentId: s.assessmentId,
      assessedOn: s.assessedOn,
      entranceSecurity: s.entranceSecurity,
      mostInNeed: s.mostInNeed,
      expenses: v.expenses
        .filter((e) => e.schoolId === s.schoolId)
        .map((e) => ({
          category: e.category,
          description: e.description,
          amount: dollars(e.amountCents),
          incurredOn: e.incurredOn,
        })),
    })),
    requested: dollars(v.requestedCents),
    award: v.awardCents === null ? null : dollars(v.awardCents),
    allocation: v.allocationLines.map((l) => ({
      school: l.label,
      tier: l.tier,
      requested: dollars(l.requestedCents),
      awarded: dollars(l.awardedCents),
      because: l.because,
    })),
    claimed: dollars(v.claimedCents),
    paid: dollars(v.paidCents),
    payments: v.payments.map((p) => ({
      kind: p.kind,
      amount: dollars(p.amountCents),
      on: p.on,
      reference: p.reference,
    })),
    history: v.actions.map((x) => ({ action: x.action, from: x.from, to: x.to, reason: x.reason, on: x.on })),
    next: v.next,
  };
}

export const presentAllocation = (a: db.AllocationRow) => ({
  runNo: a.runNo,
  reason: a.reason,
  runOn: a.runOn,
  budget: dollars(a.budgetCents),
  requested: dollars(a.requestedCents),
  awarded: dollars(a.awardedCents),
  fullyFunded: a.fullyFunded,
  summary: a.summary,
  lines: a.lines.map((l) => ({
    applicationId: l.applicationId,
    applicationNumber: l.applicationNumber,
    districtName: l.districtName,
    school: l.label,
    ratePercent: l.ratePercent,
    tier: l.tier,
    requested: dollars(l.requestedCents),
    awarded: dollars(l.awardedCents),
    because: l.because,
  })),
});

export const presentDuty = (d: Duty) => ({
  kind: d.kind,
  entityId: d.entityId,
  entityName: d.entityName,
  item: d.item,
  label: d.label,
  dueOn: d.dueOn,
  filedOn: d.filedOn,
  state: d.state,
  citation: d.citation,
});

export const presentCoordinator = (c: db.Coordinator) => ({
  id: c.id,
  districtId: c.districtId,
  districtName: c.districtName,
  name: c.name,
  years: c.years,
  completedOn: c.completedOn,
  provider: c.provider,
});

/** The public registry: name, employer, town, services and dates; never e-mail or telephone (§ 91). */
export const presentConsultantPublic = (c: db.Consultant) => ({
  name: c.name,
  employer: c.employer,
  town: c.town,
  services: c.services,
  registeredOn: c.registeredOn,
  currentUntil: currentUntil(c.lastConfirmedOn),
});
/** DESPP staff see contact details too. */
export const presentConsultantStaff = (c: db.Consultant, on: PlainDate) => ({
  id: c.id,
  ...presentConsultantPublic(c),
  email: c.email,
  phone: c.phone,
  status: c.status,
  lastConfirmedOn: c.lastConfirmedOn,
  current: c.status === "active" && isCurrent(c.lastConfirmedOn, on),
});

/** The public registry as CSV (RFC 4180), with the same fields as the public page. */
export function consultantsCsv(rows: readonly ReturnType<typeof presentConsultantPublic>[]): string {
  const cell = (v: string) => {
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v; // no spreadsheet formulas
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ["name", "employer", "town", "services", "registered_on", "current_until"];
  return (
    [
      head.join(","),
      ...rows.map((r) => [r.name, r.employer, r.town, r.services, r.registeredOn, r.currentUntil].map(cell).join(",")),
    ].join("\r\n") + "\r\n"
  );
}
