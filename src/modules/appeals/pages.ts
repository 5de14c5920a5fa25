/**
 * Pages of the Board of Firearms Permit Examiners' docket (CGS § 29-32b; PA 13-3 §§ 60-61):
 * - appellants: their denials and revocations with "appeal" (the findings attached), their
 *   appeals (/appeals, /appeals/:id);
 * - the Board: the docket in order of filing with ages and expected hearing dates (/board),
 *   one appeal with continuance, decision and withdrawal (/board/appeals/:id), meetings and
 *   seats (/board/meetings), paper appeals (/board/paper);
 * - the issuing authority: the docket and the statement of reasons;
 * - the public: aggregate figures only (/board/numbers).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import { AppError } from "../../lib/errors.ts";
import { parseWith } from "../../http/route.ts";
import { type User } from "../auth/index.ts";
import {
  html,
  type Html,
  csrfField,
  errorsFrom,
  errorSummary,
  formBody,
  idParam,
  isFormError,
  selectField,
  sendPage,
  signedIn,
  summaryList,
  textareaField,
  textField,
  dateField,
  type Flash,
  type FormErrors,
  findingText,
} from "../../web/kit.ts";
import { appealPolicy } from "./policy.ts";
import type { Appeal } from "./queries.ts";
import { ContinuanceInput, DecisionInput, FileAppeal, MeetingInput, PaperAppeal, StatementInput } from "./schemas.ts";
import * as svc from "./service.ts";

const str = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const STATUS: Record<string, string> = {
  filed: "Filed",
  scheduled: "Hearing scheduled",
  decided: "Decided",
  withdrawn: "Withdrawn",
};
const tag = (s: string) =>
  html`<span class="usa-tag stateline-tag stateline-tag--${s === "decided" ? "good" : s === "withdrawn" ? "neutral" : "info"}">${STATUS[s] ?? s}</span>`;
const words = (s: string | null) => (s ? s.replaceAll("-", " ") : "");

function appealSummary(a: Appeal, statementDueBy: string | null): Html {
  return html`${summaryList([
    ["Appellant", `${a.firstName} ${a.lastName}`],
    [
      "Decision appealed",
      `${words(a.actionAppealed)} of ${a.subjectNumber} (${svc.credentialName(a.credentialKind)}) on ${a.actionOn}`,
    ],
    ["Reason given", a.decisionReason],
    ["Issuing authority", a.issuingAuthority],
    ["Grounds of appeal", a.grounds],
    [
      "Filed",
      `${a.filedOn} (${a.channel})${a.filedLate ? `: after ${a.filingDueOn}, for the Board to decide whether in time` : ""}`,
    ],
    ["Hearing", a.hearingOn],
    ["Statement of reasons due", statementDueBy],
    ["Statement received", a.statementReceivedOn],
    ["Continuances to the official", String(a.continuances)],
    ["Outcome", a.outcome ? `${words(a.outcome)} on ${a.decidedOn}` : null],
    ["Order", a.orderKind ? `${a.orderKind} the credential, carried out ${a.orderCarriedOutOn}` : null],
  ])}
  ${a.findings.length ? html`<h2>Findings of the decision</h2><ul class="usa-list">${a.findings.map((f) => html`<li>${findingText(f.because)} <cite>(${f.citation})</cite></li>`)}</ul>` : ""}
  ${a.statementText ? html`<h2>Statement of reasons</h2><p>${a.statementText}</p>` : ""}`;
}

// ---------------------------------------------------------------- appellants

async function myPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  flash?: Flash,
  errors: FormErrors = {},
  status = 200,
) {
  const ctx = makeCtx(req);
  const appealable = await svc.myAppealable(ctx);
  const mine = await svc.myAppeals(ctx);
  return sendPage(
    reply,
    req,
    "Appeals",
    html`<h1>Appeals to the Board of Firearms Permit Examiners</h1>
    <p class="usa-intro">If your application was denied or your permit or certificate revoked, you may appeal within 90 days of the decision (CGS § 29-32b). The decision and its findings are attached to your appeal.</p>
    ${errorSummary(errors)}
    ${mine.length ? html`<h2>My appeals</h2><ul class="usa-list">${mine.map((a) => html`<li><a href="/appeals/${a.id}">${a.number}</a>: ${words(a.actionAppealed)} of ${a.subjectNumber} ${tag(a.status)}${a.hearingOn ? ` hearing ${a.hearingOn}` : ""}</li>`)}</ul>` : ""}
    <h2>Decisions you may appeal</h2>
    ${
      appealable.length
        ? appealable.map(
            (x) => html`<div class="usa-summary-box margin-bottom-2"><div class="usa-summary-box__body">
      <h3 class="usa-summary-box__heading">${words(x.action)} of ${x.subjectNumber} (${svc.credentialName(x.credentialKind)}) on ${x.actionOn}</h3>
      ${x.reason ? html`<p>Reason: ${x.reason}</p>` : ""}
      ${x.findings.length ? html`<ul class="usa-list">${x.findings.map((f) => html`<li>${findingText(f.because)} <cite>(${f.citation})</cite></li>`)}</ul>` : ""}
      <p>File by <strong>${x.filingDueOn}</strong>.</p>
      <form class="usa-form" method="post" action="/appeals/new" novalidate>${csrfField(req)}
        <input type="hidden" name="subjectType" value="${x.subjectType}"><input type="hidden" name="subjectId" value="${x.subjectId}">
        ${textareaField({ name: "grounds", id: `grounds-${x.subjectId}`, label: "Why the decision was wrong", required: true, error: errors.grounds })}
        <button class="usa-button" type="submit">File appeal</button></form></div></div>`,
          )
        : html`<p>You have no denial or revocation to appeal.</p>`
    }`,
    { status, ...(flash ? { flash } : {}) },
  );
}

// ---------------------------------------------------------------- the Board and the issuing authority

async function docketPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx, user: User, flash?: Flash) {
  const ctx = makeCtx(req);
  const ages = await svc.docketAges(ctx);
  const nums = await svc.docketNumbers(ctx.db, ctx.today);
  return sendPage(
    reply,
    req,
    "Docket",
    html`<h1>Docket of the Board of Firearms Permit Examiners</h1>
    ${summaryList([
      ["Backlog", String(nums.backlog)],
      ["Awaiting a hearing date", String(nums.awaitingSchedule)],
      ["Median age (days)", nums.ageDays.median ?? "none"],
      [
        "Board's pace",
        `${nums.pace.perMeeting} per meeting, meetings every ${nums.pace.daysBetweenMeetings} days (${nums.pace.basis})`,
      ],
      ["Expected hearing for a new appeal", nums.expectedHearingForNewAppeal ?? "no meeting calendar yet"],
    ])}
    ${
      appealPolicy.runDocket(user)
        ? html`<form method="post" action="/board/schedule">${csrfField(req)}<button class="usa-button" type="submit">Schedule waiting appeals in order of filing</button></form>
      <p><a href="/board/paper">Key a paper appeal</a> · <a href="/board/meetings">Meetings and seats</a></p>`
        : ""
    }
    <table class="usa-table usa-table--borderless"><caption>Open appeals, in order of filing</caption><thead><tr><th scope="col">Appeal</th><th scope="col">Filed</th><th scope="col">Age (days)</th><th scope="col">Status</th><th scope="col">Hearing</th></tr></thead><tbody>
      ${ages.map((a) => html`<tr><td><a href="/board/appeals/${a.id}">${a.number}</a></td><td>${a.filedOn}</td><td>${a.ageDays}</td><td>${tag(a.status)}</td><td>${a.hearingOn ?? "not yet known"}${a.hearingIsExpected && a.hearingOn ? " (expected)" : ""}</td></tr>`)}
    </tbody></table>`,
    flash ? { flash } : {},
  );
}

async function boardAppealPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  id: string,
  flash?: Flash,
  errors: FormErrors = {},
  status = 200,
) {
  const r = await svc.getAppeal(makeCtx(req), id);
  const a = r.appeal;
  const form = (path: string, body: Html, button: string) =>
    html`<form class="usa-form" method="post" action="/board/appeals/${a.id}/${path}" novalidate>${csrfField(req)}${body}<button class="usa-button" type="submit">${button}</button></form>`;
  const board = appealPolicy.runDocket(user);
  return sendPage(
    reply,
    req,
    `Appeal ${a.number}`,
    html`<h1>Appeal ${a.number} ${tag(a.status)}</h1>
    ${errorSummary(errors)}
    ${appealSummary(a, r.statementDueBy)}
    ${
      r.next.includes("file-statement") && !a.statementReceivedOn && appealPolicy.answer(user, a.credentialKind)
        ? html`<h2>Written statement of reasons</h2>
      <p>Due at least 10 days before the hearing${r.statementDueBy ? `: by ${r.statementDueBy}` : ""}. Without it the appellant is granted relief (PA 13-3 § 61).</p>
      ${form("statement", html`${textareaField({ name: "text", label: "Reasons for the decision", required: true, error: errors.text })}${dateField({ name: "receivedOn", label: "Received on (blank: today)", error: errors.receivedOn })}`, "File statement")}`
        : ""
    }
    ${
      board && r.next.includes("continue")
        ? html`<h2>Continuance</h2><p>The official may have one continuance, for good cause, to the Board's next scheduled meeting (PA 13-3 § 61).</p>
      ${form(
        "continuance",
        html`${selectField({
          name: "requestedBy",
          label: "Requested by",
          options: [
            { value: "issuing-authority", label: "The issuing authority" },
            { value: "appellant", label: "The appellant" },
          ],
        })}
        ${selectField({
          name: "goodCause",
          label: "Good cause found?",
          options: [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ],
        })}
        ${textField({ name: "reason", label: "Reason", required: true, error: errors.reason })}`,
        "Continue the hearing",
      )}`
        : ""
    }
    ${
      board && r.next.includes("decide")
        ? html`<h2>Decision</h2>${form(
            "decision",
            html`${selectField({
              name: "outcome",
              label: "Outcome",
              options: [
                { value: "relief-granted", label: "Relief granted: issue or restore" },
                { value: "relief-denied", label: "Relief denied" },
              ],
              error: errors.outcome,
            })}
        ${textareaField({ name: "reason", label: "Reasons", required: true, error: errors.reason })}`,
            "Record decision",
          )}`
        : ""
    }
    ${board && r.next.includes("withdraw") ? html`<h2>Withdrawal</h2>${form("withdraw", html``, "Record withdrawal")}` : ""}
    <h2>History</h2><ul class="usa-list">${r.history.map((h) => html`<li>${h.onDate}: ${words(h.action)} → ${STATUS[h.toStatus] ?? h.toStatus}</li>`)}</ul>
    <p><a href="/board">Back to the docket</a></p>`,
    { status, ...(flash ? { flash } : {}) },
  );
}

function paperForm(req: FastifyRequest, b: Record<string, string>, errors: FormErrors): Html {
  return html`<h1>Key a paper appeal</h1>${errorSummary(errors)}
    <form class="usa-form usa-form--large" method="post" action="/board/paper" novalidate>${csrfField(req)}
      ${textField({ name: "personId", label: "Appellant's person id", value: b.personId, required: true, error: errors.personId })}
      ${selectField({
        name: "subjectType",
        label: "Decision appealed",
        value: b.subjectType,
        options: [
          { value: "application", label: "Denied application" },
          { value: "credential", label: "Revoked credential" },
        ],
      })}
      ${textField({ name: "subjectId", label: "Application or credential id", value: b.subjectId, required: true, error: errors.subjectId })}
      ${textareaField({ name: "grounds", label: "Grounds (from the letter)", value: b.grounds, required: true, error: errors.grounds })}
      ${dateField({ name: "filedOn", label: "Received by the Board on", value: b.filedOn, required: true, error: errors.filedOn })}
      <button class="usa-button" type="submit">File paper appeal</button></form>`;
}

async function meetingsPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  flash?: Flash,
  errors: FormErrors = {},
  status = 200,
) {
  const ctx = makeCtx(req);
  const meetings = await svc.listMeetings(ctx);
  const board = await svc.boardComposition(ctx);
  return sendPage(
    reply,
    req,
    "Meetings",
    html`<h1>Meetings and seats</h1>${errorSummary(errors)}
    <table class="usa-table usa-table--borderless"><caption>Scheduled meetings</caption><thead><tr><th scope="col">Date</th><th scope="col">Hearings booked</th><th scope="col">Location</th></tr></thead><tbody>
      ${meetings.map((m) => html`<tr><td>${m.meetingOn}</td><td>${m.booked} of ${m.hearingSlots}</td><td>${m.location ?? ""}</td></tr>`)}</tbody></table>
    <h2>Add a meeting</h2>
    <form class="usa-form" method="post" action="/board/meetings" novalidate>${csrfField(req)}
      ${dateField({ name: "meetingOn", label: "Date", required: true, error: errors.meetingOn })}
      ${textField({ name: "hearingSlots", label: "Hearing slots", inputmode: "numeric", width: "sm", required: true, error: errors.hearingSlots })}
      ${textField({ name: "location", label: "Location", error: errors.location })}
      <button class="usa-button" type="submit">Add meeting</button></form>
    ${seatsTable(board.seats)}`,
    { status, ...(flash ? { flash } : {}) },
  );
}

function seatsTable(seats: Awaited<ReturnType<typeof svc.boardComposition>>["seats"]): Html {
  return html`<table class="usa-table usa-table--borderless"><caption>The Board's nine seats (PA 13-3 § 60)</caption><thead><tr><th scope="col">Seat</th><th scope="col">Appointed by</th><th scope="col">Nominated by</th><th scope="col">Member</th></tr></thead><tbody>
    ${seats.map((s) => html`<tr><td>${s.seat}: ${s.description}</td><td>${s.appointedBy}</td><td>${s.nominatedBy ?? ""}</td><td>${s.memberName ?? "vacant"}</td></tr>`)}</tbody></table>`;
}

export function registerAppealPages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/appeals",
    signedIn(async (req, reply, user) => {
      if (!appealPolicy.fileOwn(user))
        throw new AppError("forbidden", "appeals are filed by the person denied or revoked");
      return myPage(req, reply, makeCtx);
    }),
  );

  app.post(
    "/appeals/new",
    signedIn(async (req, reply, user) => {
      if (!appealPolicy.fileOwn(user))
        throw new AppError("forbidden", "appeals are filed by the person denied or revoked");
      const b = formBody(req);
      try {
        const a = await svc.fileAppeal(
          makeCtx(req),
          parseWith(
            FileAppeal,
            { subjectType: str(b.subjectType), subjectId: str(b.subjectId), grounds: str(b.grounds) },
            "body",
          ),
        );
        return reply.redirect(`/appeals/${a.id}`, 303);
      } catch (e) {
        if (isFormError(e))
          return myPage(
            req,
            reply,
            makeCtx,
            undefined,
            errorsFrom(e, ["grounds", "subjectId"]),
            e.code === "conflict" ? 409 : 400,
          );
        throw e;
      }
    }),
  );

  app.get(
    "/appeals/:id",
    signedIn(async (req, reply) => {
      const r = await svc.getAppeal(makeCtx(req), idParam(req, "appeal"));
      return sendPage(
        reply,
        req,
        `Appeal ${r.appeal.number}`,
        html`<h1>Appeal ${r.appeal.number} ${tag(r.appeal.status)}</h1>${appealSummary(r.appeal, r.statementDueBy)}<p><a href="/appeals">My appeals</a></p>`,
      );
    }),
  );

  app.get(
    "/board",
    signedIn(async (req, reply, user) => {
      if (!appealPolicy.seeDocket(user))
        throw new AppError("forbidden", "the docket is for the Board and the issuing authority");
      return docketPage(req, reply, makeCtx, user);
    }),
  );

  app.post(
    "/board/schedule",
    signedIn(async (req, reply, user) => {
      const r = await svc.scheduleDocket(makeCtx(req));
      return docketPage(req, reply, makeCtx, user, {
        text: `${r.scheduled} appeal(s) scheduled; ${r.waiting} waiting for a meeting with a free slot`,
        type: "success",
      });
    }),
  );

  app.get(
    "/board/appeals/:id",
    signedIn(async (req, reply, user) => boardAppealPage(req, reply, makeCtx, user, idParam(req, "appeal"))),
  );

  const actions: Record<string, (ctx: ReturnType<MakeCtx>, id: string, b: Record<string, string>) => Promise<string>> =
    {
      statement: async (ctx, id, b) => {
        const a = await svc.fileStatement(
          ctx,
          id,
          parseWith(StatementInput, { text: str(b.text), receivedOn: str(b.receivedOn) }, "body"),
        );
        return a.outcome === "automatic-relief"
          ? "The statement came too late: the appellant was granted relief automatically"
          : "Statement filed";
      },
      continuance: async (ctx, id, b) => {
        const a = await svc.continueHearing(
          ctx,
          id,
          parseWith(
            ContinuanceInput,
            { requestedBy: str(b.requestedBy), goodCause: b.goodCause === "yes", reason: str(b.reason) },
            "body",
          ),
        );
        return `Hearing continued to ${a.hearingOn}`;
      },
      decision: async (ctx, id, b) => {
        const a = await svc.decideAppeal(
          ctx,
          id,
          parseWith(DecisionInput, { outcome: str(b.outcome), reason: str(b.reason) }, "body"),
        );
        return `Decided: ${words(a.outcome)}${a.orderKind ? `; the credential was ${a.orderKind === "issue" ? "issued" : "restored"}` : ""}`;
      },
      withdraw: async (ctx, id) => {
        await svc.withdrawAppeal(ctx, id);
        return "Withdrawal recorded";
      },
    };
  for (const [name, run] of Object.entries(actions)) {
    app.post(
      `/board/appeals/:id/${name}`,
      signedIn(async (req, reply, user) => {
        const id = idParam(req, "appeal");
        const b = formBody(req);
        try {
          const text = await run(makeCtx(req), id, b);
          return boardAppealPage(req, reply, makeCtx, user, id, { text, type: "success" });
        } catch (e) {
          if (isFormError(e))
            return boardAppealPage(
              req,
              reply,
              makeCtx,
              user,
              id,
              { text: e.message, type: "error" },
              errorsFrom(e, Object.keys(b)),
              e.code === "conflict" ? 409 : 400,
            );
          throw e;
        }
      }),
    );
  }

  app.get(
    "/board/paper",
    signedIn(async (req, reply, user) => {
      if (!appealPolicy.runDocket(user)) throw new AppError("forbidden", "only the Board's staff key paper appeals");
      return sendPage(reply, req, "Paper appeal", paperForm(req, {}, {}));
    }),
  );

  app.post(
    "/board/paper",
    signedIn(async (req, reply) => {
      const b = formBody(req);
      try {
        const a = await svc.filePaperAppeal(
          makeCtx(req),
          parseWith(
            PaperAppeal,
            {
              personId: str(b.personId),
              subjectType: str(b.subjectType),
              subjectId: str(b.subjectId),
              grounds: str(b.grounds),
              filedOn: str(b.filedOn),
            },
            "body",
          ),
        );
        return reply.redirect(`/board/appeals/${a.id}`, 303);
      } catch (e) {
        if (isFormError(e))
          return sendPage(
            reply,
            req,
            "Paper appeal",
            paperForm(req, b, errorsFrom(e, ["personId", "subjectId", "grounds", "filedOn"])),
            { status: 400 },
          );
        throw e;
      }
    }),
  );

  app.get(
    "/board/meetings",
    signedIn(async (req, reply, user) => {
      if (!appealPolicy.seeDocket(user))
        throw new AppError("forbidden", "the Board's calendar is for the Board and the issuing authority");
      return meetingsPage(req, reply, makeCtx);
    }),
  );

  app.post(
    "/board/meetings",
    signedIn(async (req, reply) => {
      const b = formBody(req);
      try {
        const slots = Number.parseInt(b.hearingSlots ?? "", 10);
        const m = await svc.addMeeting(
          makeCtx(req),
          parseWith(
            MeetingInput,
            {
              meetingOn: str(b.meetingOn),
              hearingSlots: Number.isFinite(slots) ? slots : undefined,
              location: str(b.location),
            },
            "body",
          ),
        );
        return meetingsPage(req, reply, makeCtx, { text: `Meeting on ${m.meetingOn} added`, type: "success" });
      } catch (e) {
        if (isFormError(e))
          return meetingsPage(
            req,
            reply,
            makeCtx,
            undefined,
            errorsFrom(e, ["meetingOn", "hearingSlots", "location"]),
            e.code === "conflict" ? 409 : 400,
          );
        throw e;
      }
    }),
  );

  // Public: aggregate figures only.
  app.get("/board/numbers", async (req, reply) => {
    const ctx = makeCtx(req);
    const n = await svc.docketNumbers(ctx.db, ctx.today);
    const board = await svc.boardComposition(ctx);
    const outcomes = Object.entries(n.outcomes);
    return sendPage(
      reply,
      req,
      "Board of Firearms Permit Examiners",
      html`<h1>Board of Firearms Permit Examiners: the docket in numbers</h1>
      <p class="usa-intro">Figures as of ${n.asOf}. No personal data is shown.</p>
      ${summaryList([
        ["Appeals open (backlog)", String(n.backlog)],
        ["Waiting for a hearing date", String(n.awaitingSchedule)],
        ["Hearing scheduled", String(n.scheduled)],
        ["Median age of open appeals (days)", n.ageDays.median ?? "none"],
        ["Oldest open appeal (days)", n.ageDays.oldest ?? "none"],
        [
          "Board's pace",
          `${n.pace.perMeeting} decisions per meeting, a meeting every ${n.pace.daysBetweenMeetings} days`,
        ],
        ["Expected hearing for an appeal filed today", n.expectedHearingForNewAppeal ?? "not yet known"],
        ["Meetings scheduled", String(n.upcomingMeetings)],
      ])}
      <h2>Outcomes</h2>
      ${
        outcomes.length
          ? html`<table class="usa-table usa-table--borderless"><caption class="usa-sr-only">Outcomes</caption><thead><tr><th scope="col">Outcome</th><th scope="col">All time</th><th scope="col">Last 12 months</th></tr></thead><tbody>
        ${outcomes.map(([k, v]) => html`<tr><td>${words(k)}</td><td>${v}</td><td>${n.outcomesLast12Months[k] ?? 0}</td></tr>`)}</tbody></table>`
          : html`<p>No appeals decided yet.</p>`
      }
      ${seatsTable(board.seats)}`,
    );
  });
}
