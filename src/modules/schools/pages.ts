/**
 * Pages for every audience of the schools module (PA 13-3 §§ 80-92), using only the web kit:
 *
 * - public: /schools/consultants (the registry) and /schools/consultants.csv;
 * - state school-safety staff: /schools/state (rounds, what is late, districts, campuses,
 *   coordinators still to be trained, the consultant registry);
 * - district staff: /schools/district (their district, rate, schools, applications, what is due,
 *   coordinators, and the grant application form); parents or guardians on committees see the
 *   school pages without behaviour reports;
 * - campus staff: /schools/campus (protocol plans, threat assessment team, what is due);
 * - shared: /schools/rounds/:id (the allocation as a table and an SVG bar chart of awards by
 *   district and rate), /schools/applications/:id, /schools/schools/:id.
 * Every page asks the service, which enforces who sees what (each district or campus its own).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import type { AppError } from "../../lib/errors.ts";
import { forbidden } from "../../lib/errors.ts";
import type { Ctx } from "../../context.ts";
import type { User } from "../auth/index.ts";
import {
  csrfField,
  dateField,
  errorSummary,
  errorsFrom,
  findingsList,
  formBody,
  html,
  idParam,
  isFormError,
  money,
  outcomeTag,
  queryParam,
  selectField,
  sendPage,
  signedIn,
  statusTag,
  summaryList,
  textareaField,
  textField,
  type FormErrors,
  type Html,
} from "../../web/kit.ts";
import { CommitteeRole } from "../../law/ct/schools/safety-committee.ts";
import { TeamSeat } from "../../law/ct/schools/campus-security.ts";
import { schoolYearLabel, schoolYearOf } from "../../law/ct/schools/school-year.ts";
import { EXPENSE_CATEGORIES, EXPENSE_LABELS } from "./schemas.ts";
import * as svc from "./service.ts";
import * as S from "./schemas.ts";
import { parseWith } from "../../http/route.ts";
import { missingItems, type Duty } from "./duties.ts";
import { consultantsCsv, presentConsultantPublic } from "./present.ts";
import { uploadedFile } from "./routes.ts";
import { schoolsPolicy } from "./policy.ts";

interface St {
  errors?: FormErrors;
  form?: string;
  status?: number;
  flash?: string;
}

const yes = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);
const num = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : Number(v.replace(/[$,]/g, ""));
const opt = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
const yesNo = (
  name: string,
  label: string,
  error?: string,
) => html`<fieldset class="usa-fieldset usa-form-group${error ? " usa-form-group--error" : ""}"${error ? html` aria-describedby="${name}-error"` : ""}><legend class="usa-legend">${label}</legend>
  ${error ? html`<span class="usa-error-message" id="${name}-error">${error}</span>` : ""}
  <div class="usa-radio"><input class="usa-radio__input" id="${name}-yes" type="radio" name="${name}" value="yes"><label class="usa-radio__label" for="${name}-yes">Yes</label></div>
  <div class="usa-radio"><input class="usa-radio__input" id="${name}-no" type="radio" name="${name}" value="no"><label class="usa-radio__label" for="${name}-no">No</label></div></fieldset>`;
const STATE_TAG: Record<string, string> = { due: "Due", late: "Late", done: "Done", "done-late": "Filed late" };
const dutyTag = (s: string) =>
  html`<span class="usa-tag stateline-tag stateline-tag--${s === "late" ? "bad" : s === "due" ? "warn" : "good"}">${STATE_TAG[s] ?? s}</span>`;
/** What the flash says after each action on a grant application. */
const DONE_TEXT: Record<string, string> = {
  submitted: "The application was submitted.",
  review: "The decision was recorded.",
  claim: "The claim was recorded.",
  payment: "The payment was recorded.",
  withdraw: "The application was withdrawn.",
};
/** The school page's fields as the error summary names them. */
const SCHOOL_LABELS: Record<string, string> = {
  name: "Member's name",
  role: "Seat",
  joinedOn: "Joined on",
  schoolYear: "School year",
  drilledOn: "Held on",
  summary: "Summary",
  reportedOn: "Reported on",
  assessedOn: "Assessed on",
  file: "The assessment file",
};
const pct = (n: number | null) => (n === null ? "not known" : `${n.toFixed(2)} %`);

function dutiesTable(items: readonly Duty[], caption: string): Html {
  if (!items.length) return html`<p>Nothing is due or late.</p>`;
  return html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped usa-table--compact" id="due-items">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Who</th><th scope="col">What</th><th scope="col">Due</th><th scope="col">State</th><th scope="col">Law</th></tr></thead>
    <tbody>${items.map((d) => html`<tr><th scope="row">${d.entityName}</th><td>${d.label}</td><td class="text-no-wrap">${d.dueOn}</td><td>${dutyTag(d.state)}</td><td>${d.citation}</td></tr>`)}</tbody></table></div>`;
}

/** A horizontal bar chart of awards by district, labelled with each district's rate (server-rendered SVG). */
export function awardsChart(
  rows: readonly { district: string; ratePercent: number; awardedCents: number; requestedCents: number }[],
): Html {
  if (!rows.length) return html``;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.awardedCents, r.requestedCents)));
  const W = 640,
    left = 220,
    barH = 22,
    gap = 10,
    top = 10;
  const h = top + rows.length * (barH + gap) + 20;
  const x = (c: number) => Math.round(((W - left - 110) * c) / max);
  const fmt = (c: number) => `$${Math.round(c / 100).toLocaleString("en-US")}`;
  return html`<figure class="margin-y-2"><svg role="img" aria-labelledby="awards-chart-title awards-chart-desc" viewBox="0 0 ${W} ${h}" width="100%" style="max-width:${W}px" xmlns="http://www.w3.org/2000/svg">
    <title id="awards-chart-title">Awards by district and rate</title>
    <desc id="awards-chart-desc">${rows.map((r) => `${r.district} (rate ${r.ratePercent.toFixed(2)} %): awarded ${fmt(r.awardedCents)} of ${fmt(r.requestedCents)} requested`).join("; ")}</desc>
    ${rows.map((r, i) => {
      const y = top + i * (barH + gap);
      return html`<g>
        <text x="${left - 8}" y="${y + barH / 2 + 5}" text-anchor="end" font-size="13" fill="#1b1b1b">${r.district} (${r.ratePercent.toFixed(2)} %)</text>
        <rect x="${left}" y="${y}" width="${x(r.requestedCents)}" height="${barH}" fill="#dfe1e2"></rect>
        <rect x="${left}" y="${y}" width="${x(r.awardedCents)}" height="${barH}" fill="#005ea2"></rect>
        <text x="${left + Math.max(x(r.requestedCents), x(r.awardedCents)) + 6}" y="${y + barH / 2 + 5}" font-size="13" fill="#1b1b1b">${fmt(r.awardedCents)}</text>
      </g>`;
    })}
  </svg><figcaption class="font-sans-2xs">Dark bars: awarded; light bars: the full percentage requested. The table below gives the same figures.</figcaption></figure>`;
}

export function registerSchoolPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  // ---------------------------------------------------------------- public registry
  app.get("/schools/consultants", async (req, reply) => {
    const ctx = makeCtx(req);
    const rows = (await svc.publicRegistry(ctx)).map(presentConsultantPublic);
    return sendPage(
      reply,
      req,
      "School security consultants",
      html`<h1>School security consultant registry</h1>
      <p class="usa-intro">The Department of Emergency Services and Public Protection keeps this registry of school security consultants doing business in Connecticut (Public Act 13-3 § 91). Entries are confirmed every year.</p>
      <p><a class="usa-button usa-button--outline" href="/schools/consultants.csv" download>Download the registry (CSV)</a></p>
      ${
        rows.length
          ? html`<div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped" id="consultants">
        <caption>${rows.length} consultant${rows.length === 1 ? "" : "s"} listed on ${ctx.today}</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Employer</th><th scope="col">Town</th><th scope="col">Services</th><th scope="col">Listed since</th><th scope="col">Current until</th></tr></thead>
        <tbody>${rows.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.employer}</td><td>${c.town}</td><td>${c.services}</td><td>${c.registeredOn}</td><td>${c.currentUntil}</td></tr>`)}</tbody></table></div>`
          : html`<p>No consultants are listed.</p>`
      }
      <p class="font-sans-2xs">Contact details are not published. To be listed, write to DESPP or apply through the Stateline API.</p>`,
    );
  });
  app.get("/schools/consultants.csv", async (req, reply) => {
    const ctx = makeCtx(req);
    const rows = (await svc.publicRegistry(ctx)).map(presentConsultantPublic);
    return reply
      .type("text/csv; charset=utf-8")
      .header("Content-Disposition", `attachment; filename="school-security-consultants-${ctx.today}.csv"`)
      .send(consultantsCsv(rows));
  });

  app.get(
    "/schools/documents/:id",
    signedIn(async (req, reply) => {
      const d = await svc.getDocument(makeCtx(req), idParam(req, "document"));
      return reply
        .type(d.meta.contentType)
        .header("Content-Disposition", `attachment; filename="${d.meta.fileName.replace(/"/g, "")}"`)
        .header("Cache-Control", "no-store")
        .send(Buffer.from(d.content));
    }),
  );

  // ---------------------------------------------------------------- state staff
  app.get(
    "/schools/state",
    signedIn(async (req, reply, user) => {
      if (!schoolsPolicy.oversee(user)) throw forbidden("only state school-safety staff");
      const ctx = makeCtx(req);
      const [rounds, districts, campuses, missing, coordinators, consultants] = await Promise.all([
        svc.listRounds(ctx),
        svc.listDistricts(ctx),
        svc.listCampuses(ctx),
        missingItems(ctx),
        svc.listCoordinators(ctx),
        svc.listConsultantsForStaff(ctx),
      ]);
      const late = missing.filter((m) => m.state === "late");
      return sendPage(
        reply,
        req,
        "School safety",
        html`<h1>School safety: state staff</h1>
      <h2>Security infrastructure grant rounds</h2>
      ${rounds.length ? html`<ul class="usa-list">${rounds.map((r) => html`<li><a href="/schools/rounds/${r.id}">${r.name}</a>: ${money(r.budgetCents)}, ${r.opensOn} to ${r.closesOn}</li>`)}</ul>` : html`<p>No rounds yet.</p>`}
      <h2>Late (${late.length}) and due</h2>
      ${dutiesTable(missing, "Plans, assessments, drill reports, training, campus plans and teams not yet filed, by due date")}
      <h2>Districts</h2>
      <table class="usa-table usa-table--compact" id="districts"><caption>Districts and their reimbursement rates</caption>
        <thead><tr><th scope="col">District</th><th scope="col">Towns</th><th scope="col">Rate</th><th scope="col">Priority school district</th></tr></thead>
        <tbody>${districts.map((d) => {
          const r = svc.rateOf(d);
          return html`<tr><th scope="row"><a href="/schools/districts/${d.id}">${d.name}</a></th><td>${d.towns.map((t) => `${t.town}${t.rank ? ` (rank ${t.rank})` : ""}`).join(", ")}</td><td>${pct(r.rate)}</td><td>${d.priorityDistrict ? "Yes" : "No"}</td></tr>`;
        })}</tbody></table>
      <h2>Campuses</h2>
      <ul class="usa-list">${campuses.map((c) => html`<li><a href="/schools/campuses/${c.id}">${c.institution}, ${c.name}</a></li>`)}</ul>
      <h2>Coordinators (mental health first aid, § 90)</h2>
      <ul class="usa-list">${coordinators.map((c) => html`<li>${c.name} (${c.districtName}), ${c.years.map((y) => y.schoolYear).join(", ")}: ${c.completedOn ? `trained ${c.completedOn}` : "not trained"}</li>`)}</ul>
      <h2>Consultant registry</h2>
      <p>${consultants.filter((c) => c.status === "pending").length} application(s) waiting; ${consultants.filter((c) => c.status === "active").length} listed. <a href="/schools/consultants">Public registry</a></p>`,
      );
    }),
  );

  app.get(
    "/schools/districts/:id",
    signedIn(async (req, reply, user) => districtPage(req, reply, user, makeCtx, idParam(req, "district"))),
  );
  app.get(
    "/schools/district",
    signedIn(async (req, reply, user) => {
      const org = await svc.orgOf(makeCtx(req));
      if (user.role !== "district_staff" || !org?.districtId)
        throw forbidden("this page is for district staff linked to a district");
      return districtPage(req, reply, user, makeCtx, org.districtId);
    }),
  );
  app.post(
    "/schools/district/apply",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const org = await svc.orgOf(ctx);
      if (user.role !== "district_staff" || !org?.districtId)
        throw forbidden("this page is for district staff linked to a district");
      const b = formBody(req);
      const expenses = [0, 1, 2]
        .map((i) => ({
          category: opt(b[`category${i}`]),
          description: opt(b[`description${i}`]),
          amount: num(b[`amount${i}`]),
          incurredOn: opt(b[`incurredOn${i}`]),
        }))
        .filter((e) => e.category || e.description || e.amount !== undefined || e.incurredOn);
      try {
        const v = await svc.submitApplication(
          ctx,
          parseWith(
            S.ApplicationInput,
            {
              roundId: b.roundId,
              emergencyPlanWithFirstResponders: yes(b.emergencyPlan),
              planPracticed: yes(b.planPracticed),
              ...(opt(b.practiceFrequency) ? { practiceFrequency: opt(b.practiceFrequency)! } : {}),
              schools: [{ schoolId: b.schoolId, assessmentId: b.assessmentId, expenses }],
            },
            "body",
          ),
        );
        return reply.redirect(`/schools/applications/${v.application.id}?done=submitted`, 303);
      } catch (e) {
        if (!isFormError(e)) throw e;
        return districtPage(req, reply, user, makeCtx, org.districtId, {
          errors: errorsFrom(e, ["roundId", "schoolId", "assessmentId", "emergencyPlan", "planPracticed"], {
            emergencyPlanWithFirstResponders: "emergencyPlan",
            "schools.0.schoolId": "schoolId",
            "schools.0.assessmentId": "assessmentId",
          }),
          status: e.code === "conflict" ? 409 : 400,
        });
      }
    }),
  );

  // ---------------------------------------------------------------- rounds and applications
  app.get(
    "/schools/rounds/:id",
    signedIn(async (req, reply, user) => roundPage(req, reply, user, makeCtx)),
  );
  app.post(
    "/schools/rounds/:id/allocate",
    signedIn(async (req, reply) => {
      const id = idParam(req, "round");
      await svc.runAllocation(makeCtx(req), id, { reason: opt(formBody(req).reason) ?? "allocation" });
      return reply.redirect(`/schools/rounds/${id}?done=allocated`, 303);
    }),
  );
  app.get(
    "/schools/applications/:id",
    signedIn(async (req, reply, user) => applicationPage(req, reply, user, makeCtx)),
  );
  app.post(
    "/schools/applications/:id/:action",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "application");
      const action = (req.params as { action: string }).action;
      const ctx = makeCtx(req);
      const b = formBody(req);
      try {
        if (action === "review")
          await svc.reviewApplication(
            ctx,
            id,
            parseWith(S.ReviewInput, { decision: b.decision, reason: b.reason }, "body"),
          );
        else if (action === "withdraw")
          await svc.withdrawApplication(ctx, id, parseWith(S.WithdrawInput, { reason: b.reason }, "body"));
        else if (action === "claim" || action === "payment")
          await svc.recordPayment(
            ctx,
            id,
            parseWith(
              S.PaymentInput,
              {
                kind: action,
                amount: num(b.amount),
                on: opt(b.on) ?? ctx.today,
                ...(opt(b.reference) ? { reference: opt(b.reference)! } : {}),
              },
              "body",
            ),
          );
        else throw forbidden("unknown action");
      } catch (e) {
        if (!isFormError(e)) throw e;
        return applicationPage(req, reply, user, makeCtx, {
          errors: errorsFrom(e as AppError, ["reason", "amount", "on"]),
          form: action,
          status: (e as AppError).code === "conflict" ? 409 : 400,
        });
      }
      return reply.redirect(`/schools/applications/${id}?done=${action}`, 303);
    }),
  );

  // ---------------------------------------------------------------- schools
  app.get(
    "/schools/schools/:id",
    signedIn(async (req, reply, user) => schoolPage(req, reply, user, makeCtx)),
  );
  app.post(
    "/schools/schools/:id/:action",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "school");
      const action = (req.params as { action: string }).action;
      const ctx = makeCtx(req);
      const b = formBody(req);
      try {
        if (action === "committee")
          await svc.addCommitteeMember(
            ctx,
            id,
            parseWith(
              S.CommitteeMemberInput,
              { name: b.name, role: b.role, joinedOn: opt(b.joinedOn) ?? ctx.today },
              "body",
            ),
          );
        else if (action === "plan")
          await svc.submitPlan(
            ctx,
            id,
            parseWith(
              S.PlanInput,
              { schoolYear: b.schoolYear, ...(opt(b.summary) ? { summary: opt(b.summary)! } : {}) },
              "body",
            ),
          );
        else if (action === "drill")
          await svc.reportDrill(
            ctx,
            id,
            parseWith(
              S.DrillInput,
              {
                schoolYear: b.schoolYear,
                kind: b.kind,
                drilledOn: b.drilledOn,
                evaluatedByPolice: b.evaluatedByPolice === "yes",
                evaluatedByFire: b.evaluatedByFire === "yes",
              },
              "body",
            ),
          );
        else if (action === "behavior")
          await svc.reportBehavior(
            ctx,
            id,
            parseWith(
              S.BehaviorReportInput,
              { reportedOn: opt(b.reportedOn) ?? ctx.today, summary: b.summary },
              "body",
            ),
          );
        else if (action === "behavior-read")
          return schoolPage(req, reply, user, makeCtx, { form: "behavior-read", flash: b.purposeText ?? "" });
        else throw forbidden("unknown action");
      } catch (e) {
        if (!isFormError(e)) throw e;
        return schoolPage(req, reply, user, makeCtx, {
          errors: errorsFrom(e as AppError, [
            "name",
            "role",
            "joinedOn",
            "schoolYear",
            "drilledOn",
            "summary",
            "reportedOn",
          ]),
          form: action,
          status: 400,
        });
      }
      return reply.redirect(`/schools/schools/${id}?done=${action}`, 303);
    }),
  );

  // ---------------------------------------------------------------- campuses
  app.get(
    "/schools/campuses/:id",
    signedIn(async (req, reply, user) => campusPage(req, reply, user, makeCtx, idParam(req, "campus"))),
  );
  app.get(
    "/schools/campus",
    signedIn(async (req, reply, user) => {
      const org = await svc.orgOf(makeCtx(req));
      if (user.role !== "campus_staff" || !org?.campusId)
        throw forbidden("this page is for campus staff linked to a campus");
      return campusPage(req, reply, user, makeCtx, org.campusId);
    }),
  );
  app.post(
    "/schools/campuses/:id/:action",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "campus");
      const action = (req.params as { action: string }).action;
      const ctx = makeCtx(req);
      const b = formBody(req);
      try {
        if (action === "team")
          await svc.addTeamMember(
            ctx,
            id,
            parseWith(
              S.TeamMemberInput,
              { name: b.name, seat: b.seat, trained: b.trained === "yes", joinedOn: opt(b.joinedOn) ?? ctx.today },
              "body",
            ),
          );
        else if (action === "plan") {
          const cycleYear = num(b.cycleYear);
          await svc.submitProtocolPlan(
            ctx,
            id,
            parseWith(
              S.ProtocolPlanInput,
              {
                kind: b.kind,
                ...(cycleYear !== undefined ? { cycleYear } : {}),
                reviewedWithPoliceChief: b.reviewedWithPoliceChief === "yes",
                ...(opt(b.chiefName) ? { chiefName: opt(b.chiefName)! } : {}),
              },
              "body",
            ),
          );
        } else throw forbidden("unknown action");
      } catch (e) {
        if (!isFormError(e)) throw e;
        return campusPage(req, reply, user, makeCtx, id, {
          errors: errorsFrom(e as AppError, ["name", "seat", "joinedOn", "cycleYear"]),
          form: action,
          status: 400,
        });
      }
      return reply.redirect(`/schools/campuses/${id}?done=${action}`, 303);
    }),
  );
}

// ---------------------------------------------------------------- page renderers

async function districtPage(
  req: FastifyRequest,
  reply: FastifyReply,
  user: User,
  makeCtx: MakeCtx,
  districtId: string,
  st: St = {},
) {
  const ctx = makeCtx(req);
  const { district, schools, rate } = await svc.getDistrict(ctx, districtId);
  const org = await svc.orgOf(ctx);
  const writer = schoolsPolicy.writeDistrict(user, org, districtId);
  const apps = (await svc.listApplications(ctx)).filter((a) => a.districtId === districtId);
  const missing = (await missingItems(ctx)).filter((m) => m.districtId === districtId);
  const rounds = (await svc.listRounds(ctx)).filter((r) => r.opensOn <= ctx.today && ctx.today <= r.closesOn);
  const assessments = writer
    ? (
        await Promise.all(schools.map(async (s) => (await svc.getSchool(ctx, s.id)).assessments.map((a) => ({ a, s }))))
      ).flat()
    : [];
  const e = st.errors ?? {};
  return sendPage(
    reply,
    req,
    district.name,
    html`<h1>${district.name}</h1>
    ${summaryList([
      ["Towns", district.towns.map((t) => `${t.town}${t.rank ? ` (wealth rank ${t.rank} of 169)` : ""}`).join(", ")],
      ["Reimbursement rate", html`<strong id="district-rate">${pct(rate.rate)}</strong>: ${rate.because}`],
      ["Priority school district", district.priorityDistrict ? "Yes" : "No"],
    ])}
    <h2>Schools</h2>
    <ul class="usa-list">${schools.map((s) => html`<li><a href="/schools/schools/${s.id}">${s.name}</a> (${s.town})</li>`)}</ul>
    <h2>Due and late</h2>
    ${dutiesTable(missing, "What this district has not yet filed")}
    <h2>Grant applications</h2>
    ${
      apps.length
        ? html`<table class="usa-table usa-table--compact" id="applications"><caption>Security infrastructure grant applications</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">Round</th><th scope="col">Status</th><th scope="col">Rate</th></tr></thead>
      <tbody>${apps.map((a) => html`<tr><th scope="row"><a href="/schools/applications/${a.id}">${a.number}</a></th><td>${a.roundName}</td><td>${statusTag(a.status)}</td><td>${pct(a.ratePercent)}</td></tr>`)}</tbody></table>`
        : html`<p>No applications yet.${writer && rounds.length ? html` <a href="#apply">Apply for a security infrastructure grant</a> below.` : writer ? " The form to apply appears here while a funding round is open." : ""}</p>`
    }
    ${
      writer && rounds.length
        ? html`<h2 id="apply">Apply for a security infrastructure grant</h2>
      <p>For one school per application from this page (the API takes several). Record the school's assessment on its page first. Only expenses incurred after 2013-04-04 are eligible (PA 13-3 §§ 84-85).</p>
      <form class="usa-form usa-form--large" method="post" action="/schools/district/apply" novalidate>${csrfField(req)}
        ${errorSummary(e, { roundId: "Funding round", schoolId: "School", assessmentId: "Security assessment", emergencyPlan: "Emergency plan", planPracticed: "Plan practised" }, { emergencyPlan: "emergencyPlan-yes", planPracticed: "planPracticed-yes" })}
        ${selectField({ name: "roundId", label: "Funding round", options: rounds.map((r) => ({ value: r.id, label: r.name })), error: e.roundId, required: true })}
        ${selectField({ name: "schoolId", label: "School", options: schools.map((s) => ({ value: s.id, label: s.name })), error: e.schoolId, required: true })}
        ${selectField({ name: "assessmentId", label: "Security assessment", empty: "Choose the assessment", options: assessments.map(({ a, s }) => ({ value: a.id, label: `${s.name}: assessed ${a.assessedOn}, entrance security ${a.entranceSecurity}` })), error: e.assessmentId, required: true })}
        ${yesNo("emergencyPlan", "Does the school have an emergency plan developed with state and local first responders?", e.emergencyPlan)}
        ${yesNo("planPracticed", "Is the plan practised periodically?", e.planPracticed)}
        ${textField({ name: "practiceFrequency", label: "How often is it practised?", hint: "For example: monthly lockdown drills" })}
        ${[0, 1, 2].map(
          (
            i,
          ) => html`<fieldset class="usa-fieldset margin-top-2"><legend class="usa-legend">Expense ${i + 1}${i ? " (optional)" : ""}</legend>
          ${selectField({ name: `category${i}`, id: `category${i}`, label: "Category", empty: "Choose a category", options: EXPENSE_CATEGORIES.map((c) => ({ value: c, label: EXPENSE_LABELS[c] })) })}
          ${textField({ name: `description${i}`, id: `description${i}`, label: "Description" })}
          ${textField({ name: `amount${i}`, id: `amount${i}`, label: "Amount in dollars", inputmode: "decimal", width: "md" })}
          ${dateField({ name: `incurredOn${i}`, id: `incurredOn${i}`, label: "Incurred on" })}</fieldset>`,
        )}
        ${e[""] ? html`<p class="usa-error-message">${e[""]}</p>` : ""}
        <button class="usa-button" type="submit">Submit the application</button>
      </form>`
        : ""
    }
    ${rounds[0] ? html`<p><a href="/schools/rounds/${rounds[0].id}">Round: ${rounds[0].name}</a></p>` : ""}`,
    { status: st.status ?? 200 },
  );
}

async function roundPage(req: FastifyRequest, reply: FastifyReply, user: User, makeCtx: MakeCtx) {
  const ctx = makeCtx(req);
  const id = idParam(req, "round");
  const r = await svc.getRound(ctx, id);
  const state = schoolsPolicy.oversee(user);
  const a = r.allocation;
  const byDistrict = new Map<
    string,
    { district: string; ratePercent: number; awardedCents: number; requestedCents: number }
  >();
  for (const l of a?.lines ?? []) {
    const cur = byDistrict.get(l.districtId) ?? {
      district: l.districtName,
      ratePercent: l.ratePercent,
      awardedCents: 0,
      requestedCents: 0,
    };
    cur.awardedCents += l.awardedCents;
    cur.requestedCents += l.requestedCents;
    byDistrict.set(l.districtId, cur);
  }
  const rows = [...byDistrict.values()].sort((x, y) => y.awardedCents - x.awardedCents);
  const done = queryParam(req, "done") === "allocated";
  return sendPage(
    reply,
    req,
    r.round.name,
    html`<h1>${r.round.name}</h1>
    ${summaryList([
      ["Budget", money(r.round.budgetCents)],
      ["Applications taken", `${r.round.opensOn} to ${r.round.closesOn}`],
    ])}
    <h2>Applications</h2>
    ${
      r.applications.length
        ? html`<table class="usa-table usa-table--compact" id="round-applications"><caption>Applications in this round</caption>
      <thead><tr><th scope="col">Number</th><th scope="col">District</th><th scope="col">Status</th><th scope="col">Rate</th></tr></thead>
      <tbody>${r.applications.map((x) => html`<tr><th scope="row"><a href="/schools/applications/${x.id}">${x.number}</a></th><td>${x.districtName}</td><td>${statusTag(x.status)}</td><td>${pct(x.ratePercent)}</td></tr>`)}</tbody></table>`
        : html`<p>No applications yet.</p>`
    }
    <h2>Allocation</h2>
    ${
      a
        ? html`<p id="allocation-run">Run ${a.runNo} on ${a.runOn} (${a.reason}): ${money(a.awardedCents)} of ${money(a.budgetCents)} awarded${a.fullyFunded ? "; every school gets its full percentage" : "; the money is short, so the statute's priority decides"}.</p>
      ${a.summary.length ? html`<ul class="usa-list">${a.summary.map((s) => html`<li>${s}</li>`)}</ul>` : ""}
      ${awardsChart(rows)}
      <div class="usa-table-container--scrollable" tabindex="0"><table class="usa-table usa-table--striped usa-table--compact" id="allocation">
        <caption>The allocation, school by school</caption>
        <thead><tr><th scope="col">School</th><th scope="col">Application</th><th scope="col">Rate</th><th scope="col">Priority tier</th><th scope="col">Full percentage</th><th scope="col">Awarded</th><th scope="col">Why</th></tr></thead>
        <tbody>${a.lines.map((l) => html`<tr><th scope="row">${l.label}</th><td><a href="/schools/applications/${l.applicationId}">${l.applicationNumber}</a></td><td>${pct(l.ratePercent)}</td><td>${l.tier ?? "not needed"}</td><td>${money(l.requestedCents)}</td><td>${money(l.awardedCents)}</td><td>${l.because}</td></tr>`)}</tbody>
      </table></div>
      ${r.runs.length > 1 ? html`<h3>Earlier runs</h3><ul class="usa-list">${r.runs.map((x) => html`<li>Run ${x.runNo} on ${x.runOn}: ${x.reason}, ${money(x.awardedCents)}</li>`)}</ul>` : ""}`
        : html`<p>Not allocated yet.</p>`
    }
    ${
      state
        ? html`<form class="usa-form" method="post" action="/schools/rounds/${id}/allocate">${csrfField(req)}
      ${textField({ name: "reason", label: "Reason for this run", value: a ? "re-run" : "first allocation" })}
      <button class="usa-button" type="submit">${a ? "Re-run the allocation" : "Allocate the round"}</button></form>`
        : ""
    }`,
    { flash: done ? { text: "The allocation was run.", type: "success" } : undefined },
  );
}

async function applicationPage(req: FastifyRequest, reply: FastifyReply, user: User, makeCtx: MakeCtx, st: St = {}) {
  const ctx = makeCtx(req);
  const id = idParam(req, "application");
  const v = await svc.getApplication(ctx, id);
  const a = v.application;
  const org = await svc.orgOf(ctx);
  const state = schoolsPolicy.review(user);
  const writer = schoolsPolicy.writeDistrict(user, org, a.districtId);
  const e = st.errors ?? {};
  const done = queryParam(req, "done");
  const findings = (a.decision.findings ?? []) as Parameters<typeof findingsList>[0];
  return sendPage(
    reply,
    req,
    `Application ${a.number}`,
    html`<h1>Application ${a.number}: ${a.districtName}</h1>
    <p>${statusTag(a.status)}</p>
    ${errorSummary(e, { reason: "Reason", amount: "Amount", on: "Date" }, st.form === "withdraw" ? { reason: "withdraw-reason" } : {})}
    ${summaryList([
      ["Round", a.roundName],
      ["Submitted", a.submittedOn],
      ["Rate", html`<strong>${pct(a.ratePercent)}</strong>: ${a.rateBecause}`],
      ["Full percentage requested", money(v.requestedCents)],
      ["Award", v.awardCents === null ? "not allocated yet" : money(v.awardCents)],
      ["Claimed", money(v.claimedCents)],
      ["Paid", money(v.paidCents)],
      ["Decision", a.decisionReason ? `${a.decidedOn}: ${a.decisionReason}` : null],
    ])}
    <h2>Requirements (PA 13-3 §§ 84-85)</h2>
    <p>${outcomeTag(a.decision.outcome as "yes", { eligibility: true })}</p>
    ${findingsList(findings)}
    <h2>Schools and expenses</h2>
    ${v.schools.map(
      (
        s,
      ) => html`<h3>${s.schoolName}</h3><p>Assessed ${s.assessedOn}; entrance security: ${s.entranceSecurity}; most in need of entrance security: ${s.mostInNeed ? "yes" : "no"}.</p>
      <ul class="usa-list">${v.expenses.filter((x) => x.schoolId === s.schoolId).map((x) => html`<li>${EXPENSE_LABELS[x.category as keyof typeof EXPENSE_LABELS] ?? x.category}: ${x.description}, ${money(x.amountCents)} on ${x.incurredOn}</li>`)}</ul>`,
    )}
    ${v.allocationLines.length ? html`<h2>Allocation</h2><ul class="usa-list" id="allocation-lines">${v.allocationLines.map((l) => html`<li>${l.label}: ${money(l.awardedCents)}: ${l.because}</li>`)}</ul>` : ""}
    <h2>History</h2>
    <ul class="usa-list">${v.actions.map((x) => html`<li>${x.on}: ${x.action}${x.reason ? `: ${x.reason}` : ""}</li>`)}</ul>
    ${
      state && v.next.includes("approve")
        ? html`<h2>Review</h2><form class="usa-form" method="post" action="/schools/applications/${id}/review" novalidate>${csrfField(req)}
      ${selectField({
        name: "decision",
        label: "Decision",
        options: [
          { value: "approve", label: "Approve" },
          { value: "deny", label: "Deny" },
        ],
      })}
      ${textareaField({ name: "reason", label: "Reasons", error: st.form === "review" ? e.reason : undefined, required: true })}
      <button class="usa-button" type="submit">Record the decision</button></form>`
        : ""
    }
    ${
      writer && v.next.includes("claim")
        ? html`<h2>Claim against the award</h2><form class="usa-form" method="post" action="/schools/applications/${id}/claim" novalidate>${csrfField(req)}
      ${textField({ name: "amount", label: "Amount in dollars", inputmode: "decimal", width: "md", error: st.form === "claim" ? e.amount : undefined, required: true })}
      ${dateField({ name: "on", label: "Date of the claim", value: ctx.today, error: st.form === "claim" ? e.on : undefined })}
      <button class="usa-button" type="submit">Submit the claim</button></form>`
        : ""
    }
    ${
      state && v.next.includes("payment")
        ? html`<h2>Record a payment</h2><form class="usa-form" method="post" action="/schools/applications/${id}/payment" novalidate>${csrfField(req)}
      ${textField({ name: "amount", label: "Amount in dollars", inputmode: "decimal", width: "md", error: st.form === "payment" ? e.amount : undefined, required: true })}
      ${dateField({ name: "on", label: "Paid on", value: ctx.today, error: st.form === "payment" ? e.on : undefined })}
      ${textField({ name: "reference", label: "Payment reference" })}
      <button class="usa-button" type="submit">Record the payment</button></form>`
        : ""
    }
    ${
      (writer || state) && v.next.includes("withdraw")
        ? html`<h2>Withdraw</h2><form class="usa-form" method="post" action="/schools/applications/${id}/withdraw" novalidate>${csrfField(req)}
      ${textareaField({ name: "reason", id: "withdraw-reason", label: "Why is it withdrawn?", error: st.form === "withdraw" ? e.reason : undefined, required: true })}
      <button class="usa-button usa-button--secondary" type="submit">Withdraw the application</button></form>`
        : ""
    }
    <p><a href="/schools/rounds/${a.roundId}">The round</a></p>`,
    { status: st.status ?? 200, flash: done ? { text: DONE_TEXT[done] ?? "Saved.", type: "success" } : undefined },
  );
}

async function schoolPage(req: FastifyRequest, reply: FastifyReply, user: User, makeCtx: MakeCtx, st: St = {}) {
  const ctx = makeCtx(req);
  const id = idParam(req, "school");
  const v = await svc.getSchool(ctx, id);
  const org = await svc.orgOf(ctx);
  const writer = schoolsPolicy.writeDistrict(user, org, v.school.districtId);
  const e = st.errors ?? {};
  const c = v.committee.answer;
  const year = schoolYearLabel(schoolYearOf(ctx.today));
  let reports: Html = html``;
  if (st.form === "behavior-read") {
    const text = (st.flash ?? "").trim();
    reports =
      text.length < 10
        ? html`<p class="usa-error-message">Say in at least 10 characters why you need these reports.</p>`
        : html`<ul class="usa-list" id="behavior-reports">${(await svc.listBehaviorReports(ctx, id, { code: "audit-review", text })).map((r) => html`<li>${r.reportedOn}: ${r.summary}</li>`)}</ul>`;
  }
  return sendPage(
    reply,
    req,
    v.school.name,
    html`<h1>${v.school.name}</h1>
    <p>${v.school.districtName}, ${v.school.town}</p>
    ${errorSummary(e, SCHOOL_LABELS, { schoolYear: st.form === "drill" ? "drill-year" : "plan-year", summary: st.form === "behavior" ? "behavior-summary" : "plan-summary" })}
    <h2>School security and safety committee (§ 87)</h2>
    <div id="committee-check">${c.outcome === "no" ? html`<div class="usa-alert usa-alert--warning usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">The committee is missing: ${c.result.missingSeats.join(", ")}.</p></div></div>` : html`<p>${outcomeTag(c.outcome)} The committee has every member the law requires.</p>`}</div>
    ${findingsList(c.findings)}
    <ul class="usa-list">${v.committee.members.map((m) => html`<li>${m.name}: ${m.role} (since ${m.joinedOn})</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/schools/${id}/committee" novalidate>${csrfField(req)}
      ${textField({ name: "name", label: "Member's name", error: st.form === "committee" ? e.name : undefined, required: true })}
      ${selectField({ name: "role", label: "Seat", options: CommitteeRole.options.map((r) => ({ value: r, label: r })), error: st.form === "committee" ? e.role : undefined })}
      ${dateField({ name: "joinedOn", label: "Joined on", value: ctx.today, error: st.form === "committee" ? e.joinedOn : undefined })}
      <button class="usa-button" type="submit">Add the member</button></form>`
        : ""
    }
    <h2>Safety and security plans</h2>
    <ul class="usa-list">${v.plans.map((p) => html`<li>${p.schoolYear}, version ${p.version}: submitted ${p.submittedOn}</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/schools/${id}/plan" novalidate>${csrfField(req)}
      ${textField({ name: "schoolYear", id: "plan-year", label: "School year", value: year, width: "sm", error: st.form === "plan" ? e.schoolYear : undefined })}
      ${textareaField({ name: "summary", id: "plan-summary", label: "Summary of the plan or update", error: st.form === "plan" ? e.summary : undefined })}
      <button class="usa-button" type="submit">Submit the plan to DESPP</button></form>`
        : ""
    }
    <h2>Drill reports</h2>
    <ul class="usa-list">${v.drills.map((d) => html`<li>${d.schoolYear} ${d.kind} drill on ${d.drilledOn}; evaluated by police: ${d.evaluatedByPolice ? "yes" : "no"}, by fire: ${d.evaluatedByFire ? "yes" : "no"}</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/schools/${id}/drill" novalidate>${csrfField(req)}
      ${textField({ name: "schoolYear", id: "drill-year", label: "School year", value: year, width: "sm", error: st.form === "drill" ? e.schoolYear : undefined })}
      ${selectField({
        name: "kind",
        label: "Drill",
        options: [
          { value: "fire", label: "Fire drill" },
          { value: "crisis-response", label: "Crisis response drill" },
        ],
      })}
      ${dateField({ name: "drilledOn", label: "Held on", error: st.form === "drill" ? e.drilledOn : undefined })}
      ${selectField({
        name: "evaluatedByPolice",
        label: "Evaluated by the local police?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${selectField({
        name: "evaluatedByFire",
        label: "Evaluated by the local fire officials?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      <button class="usa-button" type="submit">Report the drill</button></form>`
        : ""
    }
    <h2>Security assessments</h2>
    <ul class="usa-list" id="assessments">${v.assessments.map((a) => html`<li>${a.assessedOn}: entrance security ${a.entranceSecurity}; supervised by the local police: ${a.supervisedByLocalPolice ? "yes" : "no"}; Safe Schools Facilities Check List: ${a.usedSafeSchoolsChecklist ? "yes" : "no"}${a.documentId ? html` (<a href="/schools/documents/${a.documentId}">file</a>)` : ""}</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/schools/${id}/assessment" enctype="multipart/form-data" novalidate>${csrfField(req)}
      ${dateField({ name: "assessedOn", label: "Assessed on", required: true, error: st.form === "assessment" ? e.assessedOn : undefined })}
      ${selectField({
        name: "entranceSecurity",
        label: "Entrance security infrastructure found",
        options: [
          { value: "none", label: "None at all" },
          { value: "partial", label: "Partial" },
          { value: "full", label: "Full" },
        ],
      })}
      ${selectField({
        name: "supervisedByLocalPolice",
        label: "Done under the supervision of the local police?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${selectField({
        name: "usedSafeSchoolsChecklist",
        label: "Done with the Safe Schools Facilities Check List?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      <div class="usa-form-group${st.form === "assessment" && e.file ? " usa-form-group--error" : ""}"><label class="usa-label" for="file">The assessment (PDF, image, text or Word; up to 10 MB)</label>${st.form === "assessment" && e.file ? html`<span class="usa-error-message" id="file-error">${e.file}</span>` : ""}<input class="usa-file-input" id="file" name="file" type="file"${st.form === "assessment" && e.file ? html` aria-describedby="file-error" aria-invalid="true"` : ""}></div>
      <button class="usa-button" type="submit">Record the assessment</button></form>`
        : ""
    }
    <h2>Reports of disturbing or threatening behaviour</h2>
    ${
      v.mayReadBehavior
        ? html`<p>${v.behaviorReportCount} report(s). Reading them is recorded in the audit trail with your reason.</p>
      <form class="usa-form" method="post" action="/schools/schools/${id}/behavior-read" novalidate>${csrfField(req)}
        ${textField({ name: "purposeText", label: "Why do you need these reports?", width: "2xl" })}
        <button class="usa-button usa-button--outline" type="submit">Show the reports</button></form>${reports}
      <form class="usa-form" method="post" action="/schools/schools/${id}/behavior" novalidate>${csrfField(req)}
        ${textareaField({ name: "summary", id: "behavior-summary", label: "New report from the safe school climate committee", error: st.form === "behavior" ? e.summary : undefined })}
        ${dateField({ name: "reportedOn", label: "Reported on", value: ctx.today, error: st.form === "behavior" ? e.reportedOn : undefined })}
        <button class="usa-button" type="submit">Record the report</button></form>`
        : html`<p id="behavior-hidden">These reports are not shown to parents and guardians on school committees, or outside the district (PA 13-3 § 87).</p>`
    }`,
    { status: st.status ?? 200, flash: queryParam(req, "done") ? { text: "Saved.", type: "success" } : undefined },
  );
}

async function campusPage(
  req: FastifyRequest,
  reply: FastifyReply,
  user: User,
  makeCtx: MakeCtx,
  campusId: string,
  st: St = {},
) {
  const ctx = makeCtx(req);
  const v = await svc.getCampus(ctx, campusId);
  const org = await svc.orgOf(ctx);
  const writer = schoolsPolicy.writeCampus(user, org, campusId);
  const due = (await missingItems(ctx)).filter((m) => m.campusId === campusId);
  const e = st.errors ?? {};
  const t = v.team.answer;
  return sendPage(
    reply,
    req,
    `${v.campus.institution}, ${v.campus.name}`,
    html`<h1>${v.campus.institution}, ${v.campus.name}</h1>
    ${errorSummary(e, { name: "Member's name", seat: "Seat", joinedOn: "Joined on", cycleYear: "Revision year" })}
    <h2>Due and late</h2>${dutiesTable(due, "Protocol plans and the threat assessment team")}
    <h2>Security protocol plans (§ 92)</h2>
    <ul class="usa-list">${v.plans.map((p) => html`<li>${p.kind === "initial" ? "Plan" : `Revision ${p.cycleYear}`}: submitted ${p.submittedOn}; reviewed with the chief: ${p.reviewedWithPoliceChief ? "yes" : "no"}</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/campuses/${campusId}/plan" novalidate>${csrfField(req)}
      ${selectField({
        name: "kind",
        label: "Filing",
        options: [
          { value: "revision", label: "Biennial revision" },
          { value: "initial", label: "Security protocol plan" },
        ],
      })}
      ${textField({ name: "cycleYear", label: "Revision year (2015, 2017, ...)", width: "sm", inputmode: "numeric", error: st.form === "plan" ? e.cycleYear : undefined })}
      ${selectField({
        name: "reviewedWithPoliceChief",
        label: "Reviewed with the chief of police or head of campus security?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${textField({ name: "chiefName", label: "Chief's name" })}
      <button class="usa-button" type="submit">File with DESPP</button></form>`
        : ""
    }
    <h2>Threat assessment team</h2>
    <div id="team-check">${t.outcome === "yes" ? html`<p>${outcomeTag("yes")} The team has every seat and every member is trained.</p>` : html`<div class="usa-alert usa-alert--warning usa-alert--slim"><div class="usa-alert__body"><p class="usa-alert__text">${t.result.missingSeats.length ? `Missing: ${t.result.missingSeats.join(", ")}.` : "Not every member is trained."}</p></div></div>`}</div>
    <ul class="usa-list">${v.team.members.map((m) => html`<li>${m.name}: ${m.seat}${m.trained ? ", trained" : ", not trained"}</li>`)}</ul>
    ${
      writer
        ? html`<form class="usa-form" method="post" action="/schools/campuses/${campusId}/team" novalidate>${csrfField(req)}
      ${textField({ name: "name", label: "Member's name", error: st.form === "team" ? e.name : undefined })}
      ${selectField({ name: "seat", label: "Seat", options: TeamSeat.options.map((s) => ({ value: s, label: s })) })}
      ${selectField({
        name: "trained",
        label: "Trained?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      })}
      ${dateField({ name: "joinedOn", label: "Joined on", value: ctx.today, error: st.form === "team" ? e.joinedOn : undefined })}
      <button class="usa-button" type="submit">Add the member</button></form>`
        : ""
    }`,
    { status: st.status ?? 200, flash: queryParam(req, "done") ? { text: "Saved.", type: "success" } : undefined },
  );
}

/** Upload pages (in the module's multipart context): an assessment with its file. */
export function registerUploadPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.post(
    "/schools/schools/:id/assessment",
    signedIn(async (req, reply, user) => {
      const id = idParam(req, "school");
      const ctx: Ctx = makeCtx(req);
      const b = (req.body ?? {}) as Record<string, unknown>;
      const s = (k: string) => (typeof b[k] === "string" ? (b[k] as string) : "");
      try {
        let documentId: string | undefined;
        const input = parseWith(
          S.AssessmentInput,
          {
            assessedOn: s("assessedOn"),
            supervisedByLocalPolice: s("supervisedByLocalPolice") === "yes",
            usedSafeSchoolsChecklist: s("usedSafeSchoolsChecklist") === "yes",
            entranceSecurity: s("entranceSecurity"),
          },
          "body",
        );
        // A form sent without choosing a file carries an empty file part: no document then.
        if (b.file && (b.file as { data?: Uint8Array }).data?.byteLength)
          documentId = (await svc.uploadDocument(ctx, uploadedFile({ kind: "assessment", file: b.file }))).id;
        await svc.recordAssessment(ctx, id, { ...input, ...(documentId ? { documentId } : {}) });
      } catch (e) {
        if (!isFormError(e)) throw e;
        return schoolPage(req, reply, user, makeCtx, {
          errors: errorsFrom(e as AppError, ["assessedOn", "file"]),
          form: "assessment",
          status: 400,
        });
      }
      return reply.redirect(`/schools/schools/${id}?done=assessment`, 303);
    }),
  );
}
