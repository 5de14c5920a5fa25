/**
 * Notices pages: the outbox for licensing staff and administrators (asked for a purpose first;
 * the list is shown in answer to the posted purpose, so it never sits in a URL), and a
 * resident's own letters with their PDFs.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MakeCtx } from "../../lib/module.ts";
import { statusOf } from "../../http/errors.ts";
import type { User } from "../auth/index.ts";
import {
  csrfField,
  errorSummary,
  formBody,
  html,
  isFormError,
  postedPager,
  purposeFields,
  purposeFromForm,
  selectField,
  sendPage,
  signedIn,
  when,
  type Flash,
  type FormErrors,
  type Html,
} from "../../web/kit.ts";
import { PageNumber, pageWindow } from "../../lib/paging.ts";
import { noticePolicy } from "./policy.ts";
import type { NoticeView } from "./present.ts";
import { NoticeStatus } from "./schemas.ts";
import * as svc from "./service.ts";

const STATUS_LABELS: Record<NoticeView["status"], string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed, will retry",
  dead: "Not delivered",
};
/** Notices a page of the outbox shows. */
const OUTBOX_PAGE = 50;
const STATUS_TONE: Record<NoticeView["status"], string> = { queued: "info", sent: "ok", failed: "warn", dead: "bad" };
const tag = (s: NoticeView["status"]) =>
  html`<span class="usa-tag stateline-tag stateline-tag--${STATUS_TONE[s]}">${STATUS_LABELS[s]}</span>`;

function outboxForm(req: FastifyRequest, errors: FormErrors, b: Record<string, string>): Html {
  return html`<form class="usa-form usa-form--large" method="post" action="/staff/outbox">
    ${csrfField(req)}
    ${purposeFields(errors, b)}
    ${selectField({ name: "status", label: "Delivery status", value: b.status, error: errors.status, empty: "Any", options: NoticeStatus.options.map((s) => ({ value: s, label: STATUS_LABELS[s] })) })}
    <button class="usa-button" type="submit">Show the outbox</button>
  </form>`;
}

async function outboxPage(
  req: FastifyRequest,
  reply: FastifyReply,
  makeCtx: MakeCtx,
  user: User,
  posted: Record<string, string> | null,
) {
  if (!noticePolicy.viewAll(user)) {
    await svc.listNotices(makeCtx(req), { limit: 1 }, undefined); // audits the refusal, then throws 403
  }
  const b = posted ?? {};
  const { purpose, errors } = posted ? purposeFromForm(b) : { purpose: undefined, errors: {} as FormErrors };
  const intro = html`<h1>Outbox</h1>
    <p class="usa-intro">Letters and e-mails to holders and applicants (decisions, revocations, renewal notices), with their delivery: e-mails through SMTP with the letter attached as PDF; letters rendered as PDF for printing.</p>
    <form method="post" action="/staff/jobs/daily" class="margin-y-2">
      ${csrfField(req)}
      <p class="usa-hint" id="jobs-hint">The daily sweep also runs by itself every hour: it expires credentials past their term, queues renewal notices that are due, and flags revoked credentials not surrendered by their deadline. Safe to run twice.</p>
      <button class="usa-button usa-button--outline" type="submit" aria-describedby="jobs-hint">Run daily jobs</button>
    </form>`;
  if (!posted || !purpose) {
    return sendPage(
      reply,
      req,
      "Outbox",
      html`${errorSummary(errors, { purposeCode: "Purpose", purposeText: "In your words" })}${intro}${outboxForm(req, errors, b)}`,
      { status: posted ? 400 : 200 },
    );
  }
  // Filters travel in the posted form with the purpose; a bad one is a 400 naming the field.
  const status = b.status ? NoticeStatus.safeParse(b.status) : undefined;
  const pageNo = PageNumber.safeParse(b.page);
  const bad: FormErrors = {};
  if (status && !status.success) bad.status = "Choose a delivery status from the list";
  if (!pageNo.success) bad.page = "The page must be a whole number from 1";
  if (Object.keys(bad).length || !pageNo.success)
    return sendPage(
      reply,
      req,
      "Outbox",
      html`${errorSummary(bad, { status: "Delivery status", page: "Page" })}${intro}${outboxForm(req, bad, b)}`,
      { status: 400 },
    );
  const r = await svc.listNotices(
    makeCtx(req),
    { ...pageWindow(pageNo.data, OUTBOX_PAGE), status: status?.success ? status.data : undefined },
    purpose,
  );
  const pagerForm = html`<form method="post" action="/staff/outbox" aria-label="Pages of the outbox">
    ${csrfField(req)}
    <input type="hidden" name="purposeCode" value="${purpose.code}"><input type="hidden" name="purposeText" value="${purpose.text}">
    <input type="hidden" name="status" value="${b.status ?? ""}">
    ${postedPager({ page: pageNo.data, total: r.total, size: OUTBOX_PAGE, label: "Pages of the outbox" })}
  </form>`;
  return sendPage(
    reply,
    req,
    "Outbox",
    html`${intro}${outboxForm(req, {}, b)}
    ${
      r.items.length
        ? html`<table class="usa-table usa-table--borderless usa-table--stacked stateline-table">
      <caption>${r.total} notices, newest first</caption>
      <thead><tr><th scope="col">Notice</th><th scope="col">Queued</th><th scope="col">Channel</th><th scope="col">Recipient</th><th scope="col">Subject</th><th scope="col">Delivery</th><th scope="col">Letter</th></tr></thead>
      <tbody>${r.items.map(
        (m) => html`<tr>
        <th scope="row" data-label="Notice">${m.number}</th><td data-label="Queued">${when(m.createdAt)}</td><td data-label="Channel">${m.channel === "email" ? "E-mail" : "Letter"}</td>
        <td data-label="Recipient" class="stateline-pre">${m.recipient}</td><td data-label="Subject">${m.subject}</td>
        <td data-label="Delivery">${tag(m.status)}${m.sentAt ? html`<br><span class="usa-hint">${when(m.sentAt)}</span>` : ""}${m.attempts > 1 || m.lastError ? html`<br><span class="usa-hint">${m.attempts} attempts${m.lastError ? `: ${m.lastError}` : ""}</span>` : ""}
          ${m.status === "dead" && noticePolicy.retry(user) ? html`<form method="post" action="/staff/outbox/${m.id}/retry">${csrfField(req)}<button class="usa-button usa-button--outline usa-button--small" type="submit">Retry ${m.number}</button></form>` : ""}</td>
        <td data-label="Letter"><form method="post" action="/staff/outbox/${m.id}/pdf">${csrfField(req)}<input type="hidden" name="purposeCode" value="${purpose.code}"><input type="hidden" name="purposeText" value="${purpose.text}"><button class="usa-button usa-button--unstyled" type="submit">PDF of ${m.number}</button></form></td>
      </tr>`,
      )}</tbody></table>`
        : html`<p>No notices match.</p>`
    }
    ${pagerForm}`,
  );
}

async function myNoticesPage(req: FastifyRequest, reply: FastifyReply, makeCtx: MakeCtx) {
  const items = await svc.myNotices(makeCtx(req));
  return sendPage(
    reply,
    req,
    "My letters",
    html`<h1>My letters</h1>
    <p class="usa-intro">Every letter and e-mail Stateline sent you: decisions, revocations with their surrender deadlines, renewal notices. Download any of them as PDF to print.</p>
    ${
      items.length
        ? html`<ul class="usa-list usa-list--unstyled">${items.map(
            (
              m,
            ) => html`<li class="margin-bottom-2"><strong>${m.subject}</strong> <span class="usa-hint">(${m.number}, ${when(m.createdAt)}, ${STATUS_LABELS[m.status].toLowerCase()})</span><br>
      <a class="usa-link" href="/me/notices/${m.id}.pdf">Download ${m.number} (PDF)</a></li>`,
          )}</ul>`
        : html`<p>You have no letters yet.</p>`
    }`,
  );
}

function sendPdf(reply: FastifyReply, r: { filename: string; pdf: Buffer }) {
  return reply
    .type("application/pdf")
    .header("Content-Disposition", `attachment; filename="${r.filename}"`)
    .header("Cache-Control", "no-store")
    .send(r.pdf);
}

const idOf = (req: FastifyRequest) => Number.parseInt((req.params as { id?: string }).id ?? "", 10);

export function registerNoticePages(app: FastifyInstance, makeCtx: MakeCtx): void {
  app.get(
    "/staff/outbox",
    signedIn((req, reply, user) => outboxPage(req, reply, makeCtx, user, null)),
  );
  app.post(
    "/staff/outbox",
    signedIn((req, reply, user) => outboxPage(req, reply, makeCtx, user, formBody(req))),
  );
  app.post(
    "/staff/outbox/:id/pdf",
    signedIn(async (req, reply) => {
      const { purpose } = purposeFromForm(formBody(req));
      return sendPdf(reply, await svc.noticePdf(makeCtx(req), idOf(req), purpose));
    }),
  );
  app.post(
    "/staff/outbox/:id/retry",
    signedIn(async (req, reply, user) => {
      try {
        const n = await svc.retryNotice(makeCtx(req), idOf(req));
        const flash: Flash = { text: `${n.number} is queued for delivery again.`, type: "success" };
        return sendPage(
          reply,
          req,
          "Outbox",
          html`<h1>Outbox</h1><p><a href="/staff/outbox">Back to the outbox</a></p>`,
          { flash },
        );
      } catch (e) {
        if (isFormError(e))
          return sendPage(
            reply,
            req,
            "Outbox",
            html`<h1>Outbox</h1><p><a href="/staff/outbox">Back to the outbox</a></p>`,
            { status: statusOf(e), flash: { text: e.message, type: "error" } },
          );
        void user;
        throw e;
      }
    }),
  );
  app.get(
    "/me/notices",
    signedIn((req, reply) => myNoticesPage(req, reply, makeCtx)),
  );
  app.get(
    "/me/notices/:file",
    signedIn(async (req, reply) => {
      const m = /^(\d{1,15})\.pdf$/.exec((req.params as { file?: string }).file ?? "");
      return sendPdf(reply, await svc.noticePdf(makeCtx(req), m ? Number(m[1]) : 0, undefined));
    }),
  );
}
