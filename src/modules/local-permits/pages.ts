/**
 * Pages of the local-permits module.
 *
 * - The town's issuing authority: its queue (/local) of its permanent residents' temporary state
 *   permit applications with the eight-week clock, one applicant (/local/applications/:id, behind the
 *   purpose gate) with the rulebook's findings, and the approve and deny forms.
 * - The state's licensing staff: every temporary state permit application by stage
 *   (/staff/permit-stages): still at a town's authority, or handed to the state for the state permit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { statusOf } from "../../http/errors.ts";
import type { Outcome } from "../../law/core/rules.ts";
import { purposeLine } from "../../lib/purpose.ts";
import {
  csrfField,
  errorsFrom,
  errorSummary,
  findingsList,
  formBody,
  html,
  type Html,
  idParam,
  isFormError,
  outcomeTag,
  postedPurpose,
  queryParam,
  recallPurpose,
  sendPage,
  sendPurposeGate,
  signedIn,
  statusLabel,
  statusTag,
  summaryList,
  textareaField,
  when,
  type Flash,
  type FormErrors,
  checkboxField,
} from "../../web/kit.ts";
import type { Clock } from "./clock.ts";
import { OFFICE_LABELS, STAGE_LABELS, type Stage } from "./schemas.ts";
import * as svc from "./service.ts";

type MakeCtx = (req: FastifyRequest) => Ctx;

const STAGE_TONE: Record<Stage, string> = {
  "at-local-authority": "info",
  "denied-by-local-authority": "bad",
  "approved-forwarding": "info",
  "at-state": "info",
  "state-permit-issued": "good",
  "state-permit-denied": "bad",
  closed: "neutral",
};
const stageTag = (s: Stage) =>
  html`<span class="usa-tag stateline-tag stateline-tag--${STAGE_TONE[s]}">${STAGE_LABELS[s]}</span>`;

function clockText(c: Clock | null, flagged = false): Html {
  if (!c) return html``;
  if (c.overdue)
    return html`<span class="usa-tag stateline-tag stateline-tag--bad">Overdue</span> due ${c.dueOn}, ${-c.daysLeft} day${c.daysLeft === -1 ? "" : "s"} late${flagged ? " (flagged)" : ""}`;
  return html`Due ${c.dueOn}: ${c.daysLeft === 0 ? "today" : `${c.daysLeft} day${c.daysLeft === 1 ? "" : "s"} left`}`;
}

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

// ---------------------------------------------------------------- /local

async function queuePage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx) {
  const ctx = makeCtx(req);
  const v = await svc.localQueue(ctx);
  const done = queryParam(req, "done");
  const num = queryParam(req, "number").replace(/[^A-Z0-9-]/gi, "");
  const flash: Flash | undefined =
    done === "approved"
      ? {
          text: `Application ${num} was approved: the temporary state permit was issued and the application was sent to the state for the state permit.`,
          type: "success",
        }
      : done === "denied"
        ? {
            text: `Application ${num} was denied; the applicant's letter with your reasons is in the outbox.`,
            type: "success",
          }
        : undefined;
  return sendPage(
    reply,
    req,
    `Temporary state permits: ${v.town}`,
    html`<h1>Temporary state permit applications: ${v.town}</h1>
    <p class="usa-intro">Applications from permanent residents of ${v.town} for the temporary state permit to carry pistols or revolvers. You are the town's issuing authority (${OFFICE_LABELS[v.office].toLowerCase()}): decide each within eight weeks of the application (CGS § 29-28a(b)). An approved application goes to the state police for the five-year state permit.</p>
    <h2>Waiting for your decision</h2>
    ${
      v.open.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="local-queue">
      <caption>${v.open.length} application${v.open.length === 1 ? "" : "s"}, oldest first</caption>
      <thead><tr><th scope="col">Application</th><th scope="col">Applicant</th><th scope="col">Submitted</th><th scope="col">Decision due</th><th scope="col">Rulebook</th></tr></thead>
      <tbody>${v.open.map(
        (s) => html`<tr>
        <th scope="row" data-label="Application"><a href="/local/applications/${s.application.id}">${s.application.number}</a></th>
        <td data-label="Applicant">${name(s.application.person)} (born ${s.application.person.birthDate})</td>
        <td data-label="Submitted">${s.application.submittedOn}</td>
        <td data-label="Decision due">${clockText(s.clock, s.flagged)}</td>
        <td data-label="Rulebook">${s.ruleOutcome ? outcomeTag(s.ruleOutcome as Outcome) : "Not checked yet"}</td></tr>`,
      )}</tbody>
    </table>`
        : html`<p id="local-queue-empty">No application is waiting for your decision.</p>`
    }
    <h2>Decided</h2>
    ${
      v.decided.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="local-decided">
      <caption>Your town's recent decisions, newest first, and where each stands now</caption>
      <thead><tr><th scope="col">Application</th><th scope="col">Applicant</th><th scope="col">Decided</th><th scope="col">Where it stands</th></tr></thead>
      <tbody>${v.decided.map(
        (s) => html`<tr>
        <th scope="row" data-label="Application"><a href="/local/applications/${s.application.id}">${s.application.number}</a></th>
        <td data-label="Applicant">${name(s.application.person)}</td>
        <td data-label="Decided">${s.localDecision ? `${s.localDecision.action === "approve" ? "Approved" : "Denied"} on ${s.localDecision.onDate}` : ""}</td>
        <td data-label="Where it stands">${stageTag(s.stage)}${s.stateApplication ? html` (state application ${s.stateApplication.number})` : ""}</td></tr>`,
      )}</tbody>
    </table>`
        : html`<p>No decisions yet.</p>`
    }
    <p><a href="/board">Appeals of your decisions before the Board</a></p>`,
    { flash },
  );
}

// ---------------------------------------------------------------- /local/applications/:id

interface ActionState {
  form?: "approve" | "deny";
  errors?: FormErrors;
  reviewNote?: string;
  confirmed?: { safetyCourse: boolean; suitability: boolean };
  reasons?: string;
  flash?: Flash;
  status?: number;
}

async function applicationPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, st: ActionState = {}) {
  const ctx = makeCtx(req);
  const id = idParam(req, "application");
  // Another town's applicant is refused before anything else (and the attempt audited).
  await svc.assertInTown(ctx, id);
  const purpose = recallPurpose(req, `local-application:${id}`);
  if (!purpose)
    return sendPurposeGate(reply, req, {
      title: "Why do you need this applicant's record?",
      action: `/local/applications/${id}`,
      intro:
        "The application carries the applicant's identity and background check. Say why you need it; the purpose is recorded with each view.",
    });
  const v = await svc.getLocalApplication(ctx, id, purpose);
  const app = v.application;
  const next = svc.NEXT[v.staged.stage];
  const unknown = v.decision?.outcome === "unknown";
  const e = st.errors ?? {};
  return sendPage(
    reply,
    req,
    `Application ${app.number}`,
    html`<h1>Application ${app.number}: ${name(v.person)}</h1>
    <p>${stageTag(v.staged.stage)} <span class="usa-hint">Opening this page is recorded in the audit trail (purpose: ${purposeLine(purpose)}).</span></p>
    ${summaryList([
      ["Applicant", `${name(v.person)}, born ${v.person.birthDate}`],
      ["Town of permanent residence", app.residenceTown],
      ["Submitted", app.submittedOn],
      [
        "Your decision is due",
        v.staged.stage === "at-local-authority" ? clockText(v.staged.clock, v.staged.flagged) : null,
      ],
      [
        "No temporary permit application in the last 12 months (applicant's statement)",
        app.attestedNoTemporaryPermitIn12Months === null
          ? null
          : app.attestedNoTemporaryPermitIn12Months
            ? "Made"
            : "Not made",
      ],
      ["Fee", app.feePaid ? "Paid" : "Not paid"],
      [
        "Your decision",
        v.staged.localDecision
          ? `${v.staged.localDecision.action === "approve" ? "Approved" : "Denied"} on ${v.staged.localDecision.onDate}${v.staged.localDecision.by ? ` by ${v.staged.localDecision.by}` : ""}`
          : null,
      ],
      ["Reasons given", v.staged.localDecision?.action === "deny" ? v.staged.localDecision.reasons : null],
      [
        "State permit",
        v.staged.stateApplication
          ? `application ${v.staged.stateApplication.number}, ${statusLabel(v.staged.stateApplication.status).toLowerCase()}${v.staged.clock && v.staged.stage === "at-state" ? `; the state's decision is due ${v.staged.clock.dueOn}` : ""}`
          : null,
      ],
    ])}
    <h2>What the rulebook found</h2>
    ${
      v.decision
        ? html`<p>${outcomeTag(v.decision.outcome, { eligibility: true })}</p>
      <p class="usa-hint">Checked on ${v.decision.decidedOn} under rulebook ${v.decision.rulebookVersion}. Suitability and the intent to make only lawful use are your findings (CGS § 29-28(b)).</p>
      ${findingsList(v.decision.findings, 3)}`
        : html`<p>The background check has not run yet.</p>`
    }
    ${
      next.length
        ? html`<h2>Your decision</h2>
    <div class="grid-row grid-gap">
      <div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/local/applications/${app.id}/approve" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Approve: issue the temporary state permit</legend>
        <p class="usa-hint">The rulebook is asked again today; an applicant it finds not eligible cannot be approved. The application then goes to the state police for the state permit.</p>
        ${st.form === "approve" ? errorSummary(e, { reviewNote: "Review note", confirmSafetyCourse: "Safety course", confirmSuitability: "Suitability" }) : ""}
        ${csrfField(req)}
        ${checkboxField({ name: "confirmSafetyCourse", label: "I checked that the applicant completed an approved firearms safety course", required: true, checked: st.confirmed?.safetyCourse ?? false, error: st.form === "approve" ? e.confirmSafetyCourse : undefined })}
        ${checkboxField({ name: "confirmSuitability", label: "I find the applicant a suitable person to hold a permit (CGS § 29-28(b))", required: true, checked: st.confirmed?.suitability ?? false, error: st.form === "approve" ? e.confirmSuitability : undefined })}
        ${textareaField({ name: "reviewNote", id: "review-note", label: unknown ? "Review note: how you resolved the unknown facts" : "Review note (optional)", required: unknown, value: st.form === "approve" ? st.reviewNote : "", error: st.form === "approve" ? e.reviewNote : undefined, rows: 3 })}
        <button class="usa-button" type="submit">Approve and issue</button></fieldset></form></div>
      <div class="tablet:grid-col-6"><form class="usa-form" method="post" action="/local/applications/${app.id}/deny" novalidate>
        <fieldset class="usa-fieldset"><legend class="usa-legend stateline-legend">Deny</legend>
        <p class="usa-hint">The applicant's letter quotes your reasons, lists the rules not met and explains the appeal to the Board of Firearms Permit Examiners. A denied temporary permit means no state permit.</p>
        ${st.form === "deny" ? errorSummary(e, { reasons: "Detailed reasons for the denial" }) : ""}
        ${csrfField(req)}
        ${textareaField({ name: "reasons", id: "deny-reasons", label: "Detailed reasons for the denial", required: true, value: st.form === "deny" ? st.reasons : "", error: st.form === "deny" ? e.reasons : undefined, rows: 4 })}
        <button class="usa-button usa-button--secondary" type="submit">Deny</button></fieldset></form></div>
    </div>`
        : ""
    }
    <h2>History</h2>
    <table class="usa-table usa-table--borderless usa-table--stacked" id="history">
      <caption>Every action on this application, oldest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Status after</th><th scope="col">By</th></tr></thead>
      <tbody>${v.history.map((h) => html`<tr><td data-label="When">${when(h.at)}</td><th scope="row" data-label="Action">${h.action}</th><td data-label="Status after">${statusTag(h.toStatus)}</td><td data-label="By">${h.actor ?? "Stateline"}</td></tr>`)}</tbody>
    </table>
    <p><a href="/local">Back to the queue</a></p>`,
    { status: st.status, flash: st.flash },
  );
}

// ---------------------------------------------------------------- /staff/permit-stages

async function stagesPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx) {
  const v = await svc.stateStages(makeCtx(req));
  const row = (s: svc.Staged, state: boolean) => html`<tr>
    <th scope="row" data-label="Application">${
      state && s.stateApplication
        ? html`<a href="/staff/applications/${s.stateApplication.id}">${s.stateApplication.number}</a> <span class="usa-hint">(temporary permit ${s.application.number})</span>`
        : html`<a href="/staff/applications/${s.application.id}">${s.application.number}</a>`
    }</th>
    <td data-label="Applicant">${name(s.application.person)}</td>
    <td data-label="Town">${s.application.residenceTown}</td>
    <td data-label="Stage">${stageTag(s.stage)}</td>
    <td data-label="${state ? "State decision due" : "Local decision due"}">${clockText(s.clock, s.flagged)}</td></tr>`;
  return sendPage(
    reply,
    req,
    "Handgun permits by stage",
    html`<h1>Permits to carry pistols or revolvers, by stage</h1>
    <p class="usa-intro">The town's issuing authority decides the temporary state permit; the state police then decide the five-year state permit, within eight weeks of receiving the approved application (CGS § 29-28a(b)). Latest due first.</p>
    <h2>At the state: state permit</h2>
    ${
      v.atState.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="stage-state">
      <caption>${v.atState.length} approved by a town's authority and waiting for the state permit</caption>
      <thead><tr><th scope="col">State permit application</th><th scope="col">Applicant</th><th scope="col">Town</th><th scope="col">Stage</th><th scope="col">State decision due</th></tr></thead>
      <tbody>${v.atState.map((s) => row(s, true))}</tbody></table>`
        : html`<p id="stage-state-empty">No application is waiting for the state permit.</p>`
    }
    <h2>At a town's issuing authority: temporary state permit</h2>
    ${
      v.atLocal.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked" id="stage-local">
      <caption>${v.atLocal.length} waiting for a town's decision</caption>
      <thead><tr><th scope="col">Application</th><th scope="col">Applicant</th><th scope="col">Town</th><th scope="col">Stage</th><th scope="col">Local decision due</th></tr></thead>
      <tbody>${v.atLocal.map((s) => row(s, false))}</tbody></table>`
        : html`<p>No application is waiting for a town's decision.</p>`
    }`,
  );
}

// ---------------------------------------------------------------- registration

export function registerLocalPermitPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/local",
    signedIn((req, reply) => queuePage(req, reply, makeCtx)),
  );
  app.get(
    "/local/applications/:id",
    signedIn((req, reply) => applicationPage(req, reply, makeCtx)),
  );
  // The purpose gate posts here; a valid purpose is remembered for the record (post, redirect, get).
  app.post(
    "/local/applications/:id",
    signedIn(async (req, reply) => {
      const id = idParam(req, "application");
      await svc.assertInTown(makeCtx(req), id);
      const p = postedPurpose(req, `local-application:${id}`);
      if (!p.purpose)
        return sendPurposeGate(reply, req, {
          title: "Why do you need this applicant's record?",
          action: `/local/applications/${id}`,
          intro: "Say why you need this record.",
          errors: p.errors,
          values: formBody(req),
        });
      return reply.redirect(`/local/applications/${id}`, 303);
    }),
  );
  app.post(
    "/local/applications/:id/approve",
    signedIn(async (req, reply) => {
      const ctx = makeCtx(req);
      const id = idParam(req, "application");
      const b = formBody(req);
      const reviewNote = (b.reviewNote ?? "").trim();
      const confirmed = { safetyCourse: b.confirmSafetyCourse === "yes", suitability: b.confirmSuitability === "yes" };
      if (reviewNote.length > 2000)
        return applicationPage(req, reply, makeCtx, {
          confirmed,
          form: "approve",
          errors: { reviewNote: "The review note must be at most 2,000 characters" },
          reviewNote,
          status: 400,
        });
      try {
        const { application } = await svc.assertInTown(ctx, id);
        await svc.approve(ctx, id, { ...(reviewNote ? { reviewNote } : {}), confirmations: confirmed });
        return reply.redirect(`/local?done=approved&number=${encodeURIComponent(application.number)}`, 303);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return applicationPage(req, reply, makeCtx, {
            flash: { text: `Not approved: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, {
            form: "approve",
            errors: errorsFrom(e, ["reviewNote", "confirmSafetyCourse", "confirmSuitability"], {
              "confirmations.safetyCourse": "confirmSafetyCourse",
              "confirmations.suitability": "confirmSuitability",
            }),
            reviewNote,
            confirmed,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );
  app.post(
    "/local/applications/:id/deny",
    signedIn(async (req, reply) => {
      const ctx = makeCtx(req);
      const id = idParam(req, "application");
      const reasons = (formBody(req).reasons ?? "").trim();
      if (reasons.length < 10 || reasons.length > 4000)
        return applicationPage(req, reply, makeCtx, {
          form: "deny",
          errors: {
            reasons: "Give the detailed reasons for the denial (10 to 4,000 characters); the letter quotes them",
          },
          reasons,
          status: 400,
        });
      try {
        const { application } = await svc.assertInTown(ctx, id);
        await svc.deny(ctx, id, reasons);
        return reply.redirect(`/local?done=denied&number=${encodeURIComponent(application.number)}`, 303);
      } catch (e) {
        if (isFormError(e) && e.code === "conflict")
          return applicationPage(req, reply, makeCtx, {
            flash: { text: `Not denied: ${e.message}`, type: "error" },
            status: statusOf(e),
          });
        if (isFormError(e))
          return applicationPage(req, reply, makeCtx, {
            form: "deny",
            errors: errorsFrom(e, ["reasons"]),
            reasons,
            status: statusOf(e),
          });
        throw e;
      }
    }),
  );
  app.get(
    "/staff/permit-stages",
    signedIn((req, reply) => stagesPage(req, reply, makeCtx)),
  );
}
