/**
 * What is due and what is late (for DESPP, districts and campuses), and the reminders the daily
 * job sends: yearly plans and drill reports and biennial assessments (§§ 86-87), coordinators'
 * mental health first aid training (§ 90), campus protocol plans and their biennial revisions
 * and threat assessment teams (§ 92), and consultants' annual renewal (§ 91).
 * The due dates come from src/law/ct/schools; the reminder lead time is a setting here.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type PlainDate, addDays, parts } from "../../law/core/dates.ts";
import { citationLabel } from "../../law/core/rules.ts";
import {
  assessmentDue,
  drillReportDue,
  DRILL_KINDS,
  dueState,
  type DueState,
  parseSchoolYear,
  requiredYears,
  safetyPlanDue,
  schoolYearLabel,
} from "../../law/ct/schools/school-year.ts";
import { mentalHealthFirstAid, MHFA_YEARS } from "../../law/ct/schools/mental-health-first-aid.ts";
import { protocolPlanDues, TEAM_DUE, TEAM_SOURCE } from "../../law/ct/schools/campus-security.ts";
import { currentUntil } from "../../law/ct/schools/consultant-registry.ts";
import { forbidden } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { schoolsPolicy } from "./policy.ts";
import * as db from "./queries.ts";
import { orgOf, teamCheck } from "./service.ts";

/** Reminders go this many days before a due date (policy, not statute). */
export const REMINDER_DAYS = 30;

export interface Duty {
  kind: "school" | "district" | "campus";
  entityId: string;
  entityName: string;
  districtId: string | null;
  campusId: string | null;
  item: string;
  label: string;
  dueOn: PlainDate;
  filedOn: PlainDate | null;
  state: DueState;
  citation: string;
}

const DRILL_LABEL = { fire: "Fire drill report", "crisis-response": "Crisis response drill report" } as const;

/** Every duty as of `on` within the scope (state staff: everything). */
export async function dutiesAsOf(
  q: Queryable,
  on: PlainDate,
  scope: { districtId?: string; campusId?: string } = {},
): Promise<Duty[]> {
  const out: Duty[] = [];
  const wantSchools = !scope.campusId;
  const wantCampuses = !scope.districtId;
  if (wantSchools && on >= "2014-07-01") {
    const schools = await db.listSchools(q, scope.districtId);
    const ids = schools.map((s) => s.id);
    const [plans, drills, last] = await Promise.all([
      db.listPlans(q, ids),
      db.listDrills(q, ids),
      db.latestAssessments(q, ids),
    ]);
    for (const s of schools) {
      const base = {
        kind: "school" as const,
        entityId: s.id,
        entityName: `${s.name} (${s.districtName})`,
        districtId: s.districtId,
        campusId: null,
      };
      for (const y of requiredYears(on)) {
        const label = schoolYearLabel(y);
        const p = safetyPlanDue(y)!;
        const filed = plans
          .filter((x) => x.schoolId === s.id && x.schoolYear === label)
          .map((x) => x.submittedOn)
          .sort()[0];
        out.push({
          ...base,
          item: `safety-plan:${label}`,
          label: `School security and safety plan ${label}`,
          dueOn: p.dueOn,
          filedOn: filed ?? null,
          state: dueState(p.dueOn, filed, on),
          citation: citationLabel(p.source),
        });
        for (const k of DRILL_KINDS) {
          const d = drillReportDue(y, k)!;
          const f = drills
            .filter(
              (x) =>
                x.schoolId === s.id &&
                x.schoolYear === label &&
                x.kind === k &&
                x.evaluatedByPolice &&
                x.evaluatedByFire,
            )
            .map((x) => x.reportedOn)
            .sort()[0];
          out.push({
            ...base,
            item: `drill-report:${k}:${label}`,
            label: `${DRILL_LABEL[k]} ${label} (evaluated by local police and fire)`,
            dueOn: d.dueOn,
            filedOn: f ?? null,
            state: dueState(d.dueOn, f, on),
            citation: citationLabel(d.source),
          });
        }
      }
      const a = assessmentDue(last.get(s.id));
      out.push({
        ...base,
        item: `assessment:${a.dueOn}`,
        label: `Security and vulnerability assessment${last.get(s.id) ? ` (last ${last.get(s.id)})` : ""}`,
        dueOn: a.dueOn,
        filedOn: null,
        state: dueState(a.dueOn, undefined, on),
        citation: citationLabel(a.source),
      });
    }
    // § 90: coordinators appointed for the years the law names, until they complete the training.
    if (on >= MHFA_YEARS[0]!.from) {
      for (const c of await db.listCoordinators(q, { districtId: scope.districtId })) {
        for (const y of c.years) {
          const start = parseSchoolYear(y.schoolYear);
          if (start === undefined) continue;
          const served = c.years.some((z) => parseSchoolYear(z.schoolYear) === start - 1);
          const ans = mentalHealthFirstAid.decide(
            { schoolYear: start, completedTraining: c.completedOn !== null, servedPriorYear: served },
            on,
          );
          if (!ans.result.mustComplete || !ans.result.dueOn) continue;
          const dueOn = ans.result.dueOn;
          out.push({
            kind: "district",
            entityId: c.id,
            entityName: `${c.name} (${c.districtName})`,
            districtId: c.districtId,
            campusId: null,
            item: `mhfa:${y.schoolYear}`,
            label: `Mental health first aid training, coordinator for ${y.schoolYear}`,
            dueOn,
            filedOn: null,
            state: dueState(dueOn, undefined, on),
            citation: citationLabel(ans.findings[0]!.source),
          });
        }
      }
    }
  }
  if (wantCampuses && on >= "2013-04-04") {
    const campuses = await db.listCampuses(q, scope.campusId);
    const plans = await db.listProtocolPlans(
      q,
      campuses.map((c) => c.id),
    );
    for (const c of campuses) {
      const base = {
        kind: "campus" as const,
        entityId: c.id,
        entityName: `${c.institution}, ${c.name}`,
        districtId: null,
        campusId: c.id,
      };
      for (const d of protocolPlanDues(on)) {
        const isInitial = d.item === "protocol-plan:initial";
        const cycle = isInitial ? null : Number(d.item.split("revision-")[1]);
        const f = plans
          .filter(
            (p) =>
              p.campusId === c.id &&
              (isInitial
                ? p.kind === "initial"
                : p.kind === "revision" && p.cycleYear === cycle && p.reviewedWithPoliceChief),
          )
          .map((p) => p.submittedOn)
          .sort()[0];
        out.push({
          ...base,
          item: d.item,
          label: isInitial
            ? "Security protocol plan"
            : `Security protocol plan revision ${cycle} (reviewed with the chief of police or security)`,
          dueOn: d.dueOn,
          filedOn: f ?? null,
          state: dueState(d.dueOn, f, on),
          citation: citationLabel(d.source),
        });
      }
      const team = await teamCheck(q, c.id, on);
      const ok = team.answer.result.teamRequired && team.answer.outcome === "yes";
      out.push({
        ...base,
        item: "threat-assessment-team",
        label: `Trained threat assessment team${ok ? "" : team.answer.result.missingSeats.length ? ` (missing: ${team.answer.result.missingSeats.join(", ")})` : " (members not all trained)"}`,
        dueOn: TEAM_DUE,
        filedOn: ok ? on : null,
        state: ok ? "done" : dueState(TEAM_DUE, undefined, on),
        citation: citationLabel(TEAM_SOURCE),
      });
    }
  }
  return out;
}

export const isOutstanding = (d: Duty) => d.state === "due" || d.state === "late";

/** The missing items a signed-in user may see: state staff all; district or campus staff their own. */
export async function missingItems(ctx: Ctx, on: PlainDate = ctx.today): Promise<Duty[]> {
  if (!ctx.user) throw forbidden("sign in");
  const org = await orgOf(ctx);
  let scope: { districtId?: string; campusId?: string };
  if (schoolsPolicy.oversee(ctx.user)) scope = {};
  else if (ctx.user.role === "district_staff" && org?.districtId) scope = { districtId: org.districtId };
  else if (ctx.user.role === "campus_staff" && org?.campusId) scope = { campusId: org.campusId };
  else throw forbidden("only state school-safety staff, district staff and campus staff see due items");
  return (await dutiesAsOf(ctx.db, on, scope))
    .filter(isOutstanding)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.entityName.localeCompare(b.entityName)));
}

// ---------------------------------------------------------------- notices (one function per notice)

export function reminderNotice(d: Duty, when: "soon" | "late"): { subject: string; body: string } {
  return when === "soon"
    ? {
        subject: `Due ${d.dueOn}: ${d.label}`,
        body: `${d.entityName}: ${d.label} is due on ${d.dueOn} (${d.citation}). File it in Stateline under Schools.`,
      }
    : {
        subject: `Late: ${d.label}`,
        body: `${d.entityName}: ${d.label} was due on ${d.dueOn} (${d.citation}) and has not been filed. DESPP sees it on its list of late items. File it in Stateline under Schools.`,
      };
}
export function consultantRenewalNotice(c: db.Consultant, until: PlainDate): { subject: string; body: string } {
  return {
    subject: "Renew your entry in the school security consultant registry",
    body: `${c.name} (${c.employer}): your entry in the DESPP school security consultant registry (PA 13-3 § 91) is current until ${until}. Confirm or update it with DESPP before then, or it is left off the published registry.`,
  };
}

/**
 * The daily reminders: for every outstanding duty, a reminder from REMINDER_DAYS before its due
 * date, and one lateness notice from the day after; each once (outbox de-duplication keys).
 * Consultants: a renewal notice from REMINDER_DAYS before their entry lapses.
 */
export async function sendReminders(
  ctx: Ctx,
  on: PlainDate = ctx.today,
): Promise<{ reminders: number; late: number; consultants: number; noAddress: number }> {
  const counts = { reminders: 0, late: 0, consultants: 0, noAddress: 0 };
  const duties = (await dutiesAsOf(ctx.db, on)).filter(isOutstanding);
  const districts = new Map((await db.listDistricts(ctx.db)).map((d) => [d.id, d]));
  const campuses = new Map((await db.listCampuses(ctx.db)).map((c) => [c.id, c]));
  for (const d of duties) {
    const when = d.state === "late" ? "late" : addDays(d.dueOn, -REMINDER_DAYS) <= on ? "soon" : null;
    if (!when) continue;
    const to = d.districtId
      ? districts.get(d.districtId)?.contactEmail
      : d.campusId
        ? campuses.get(d.campusId)?.contactEmail
        : null;
    if (!to) {
      counts.noAddress++;
      continue;
    }
    const n = reminderNotice(d, when);
    if (
      await db.queueNotice(ctx.db, {
        recipient: to,
        template: `schools-${when === "soon" ? "reminder" : "late"}`,
        ...n,
        dedupeKey: `schools:${when}:${d.entityId}:${d.item}:${d.dueOn}`,
      })
    ) {
      if (when === "soon") counts.reminders++;
      else counts.late++;
    }
  }
  for (const c of await db.listConsultants(ctx.db, { status: "active" })) {
    const until = currentUntil(c.lastConfirmedOn);
    if (on < addDays(until, -REMINDER_DAYS) || on > until) continue;
    const n = consultantRenewalNotice(c, until);
    await ctx.db.tx(async (q) => {
      if (
        await db.queueNotice(q, {
          recipient: c.email,
          template: "schools-consultant-renewal",
          ...n,
          dedupeKey: `schools:consultant-renewal:${c.id}:${c.lastConfirmedOn}`,
        })
      ) {
        await db.insertConsultantAction(q, c.id, "renewal-notice", null, on, ctx.clock.now().toISOString(), { until });
        counts.consultants++;
      }
    });
  }
  await appendAudit(ctx.db, ctx, { action: "schools.reminders", details: { on, ...counts } });
  return counts;
}

/** The year of a date, for pages. */
export const yearOf = (d: PlainDate) => parts(d).year;
