/**
 * Notices: letters and e-mails to people (the outbox), and sale reports to the state and to the
 * local police, delivered by jobs.
 *
 * - Any module queues a notice by inserting into `outbox` (or `queueNotice` here); a database
 *   trigger queues its delivery job in the same transaction (migration 015).
 * - `deliverNotice`: an e-mail goes through SMTP with the letter attached as PDF; a letter is
 *   rendered as PDF for printing and posting, and is downloadable by its addressee from their
 *   own page. Each attempt is recorded; a failure is retried with backoff by the job runner and
 *   the notice is dead after its last attempt (administrators see it and can retry it).
 * - Reading the outbox (names, home addresses, credential numbers) states a purpose and is audited.
 */
import { createHash } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { AppError, forbidden, notFound } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { createMailer, startMailCatcher, type Mailer } from "../../adapters/mail/smtp.ts";
import { appendAudit } from "../audit/index.ts";
import { enqueueJob } from "../jobs/index.ts";
import { renderLetterPdf } from "./pdf.ts";
import { noticePolicy } from "./policy.ts";
import { presentNotice, type NoticeRow, type NoticeView } from "./present.ts";

// ---------------------------------------------------------------- the mailer

let devCatcher: Promise<{ url: string; messages: unknown[] }> | undefined;
const mailers = new Map<string, Mailer>();

/** The SMTP mailer for this configuration; in development without SMTP_URL, an in-process SMTP catcher. */
async function mailerFor(ctx: Ctx): Promise<Mailer> {
  let url = ctx.config.mail.smtpUrl;
  if (!url) {
    if (ctx.config.environment !== "development") throw new Error("SMTP_URL is not configured; e-mail cannot be sent");
    devCatcher ??= startMailCatcher();
    url = (await devCatcher).url;
  }
  let m = mailers.get(url);
  if (!m) {
    m = createMailer({ smtpUrl: url, from: ctx.config.mail.from });
    mailers.set(url, m);
  }
  return m;
}

// ---------------------------------------------------------------- queueing

export interface NewNotice {
  channel: "letter" | "email";
  personId: string | null;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  dedupeKey?: string;
}

/** Queues a notice (once per dedupe key); its delivery job is queued by the table's trigger. */
export async function queueNotice(q: Queryable, n: NewNotice): Promise<number | null> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id::text`,
    [n.channel, n.personId, n.recipient, n.template, n.subject, n.body, n.dedupeKey ?? null],
  );
  return r[0] ? Number(r[0].id) : null;
}

// ---------------------------------------------------------------- delivery (jobs)

const COLS =
  "id::text, channel, person_id::text, recipient, template, subject, body, created_at, sent_at, status, attempts, last_error, message_id";

async function findRow(q: Queryable, id: number): Promise<NoticeRow | undefined> {
  return (await q.query<NoticeRow>(`SELECT ${COLS} FROM outbox WHERE id = $1`, [id]))[0];
}

export const letterOf = (r: NoticeRow) =>
  renderLetterPdf({
    reference: `N-${r.id}`,
    date: new Date(r.created_at).toISOString(),
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
  });

type JobMeta = { attempt: number; maxAttempts: number };

async function recordFailure(
  ctx: Ctx,
  table: "outbox" | "sale_reports",
  id: number,
  e: unknown,
  job: JobMeta,
): Promise<never> {
  const dead = job.attempt >= job.maxAttempts;
  const msg = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  await ctx.db.tx(async (q) => {
    await q.query(`UPDATE ${table} SET status = $2, attempts = attempts + 1, last_error = $3 WHERE id = $1`, [
      id,
      dead ? "dead" : "failed",
      msg,
    ]);
    await q.query(
      `INSERT INTO notice_attempts (${table === "outbox" ? "outbox_id" : "sale_report_id"}, at, outcome, detail) VALUES ($1,$2,$3,$4)`,
      [id, ctx.clock.now().toISOString(), dead ? "dead" : "failed", msg],
    );
  });
  throw e;
}

/** Records a delivery that went through: the row is sent, and the attempt is appended. */
async function recordSent(
  ctx: Ctx,
  table: "outbox" | "sale_reports",
  id: number,
  messageId: string,
  deliveredTo?: string,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.tx(async (q) => {
    if (table === "outbox") {
      await q.query(
        `UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, message_id = $3 WHERE id = $1`,
        [id, at, messageId],
      );
    } else {
      await q.query(
        `UPDATE sale_reports SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, delivered_to = $3 WHERE id = $1`,
        [id, at, deliveredTo ?? null],
      );
    }
    await q.query(
      `INSERT INTO notice_attempts (${table === "outbox" ? "outbox_id" : "sale_report_id"}, at, outcome, detail) VALUES ($1,$2,'sent',$3)`,
      [id, at, messageId],
    );
  });
}

/** Delivers one outbox notice. Safe to run twice: a sent notice is not sent again. */
export async function deliverNotice(
  ctx: Ctx,
  id: number,
  job: JobMeta,
): Promise<{ id: number; messageId: string } | { id: number; skipped: string }> {
  const row = await findRow(ctx.db, id);
  if (!row) return { id, skipped: "no such notice" };
  if (row.status === "sent") return { id, skipped: "already sent" };
  let messageId: string;
  try {
    const pdf = await letterOf(row);
    if (row.channel === "email") {
      const mailer = await mailerFor(ctx);
      const sent = await mailer.send({
        to: row.recipient,
        subject: row.subject,
        text: `${row.body}\n\nYour letter is attached, and you can download it from your page on Stateline.\n`,
        attachments: [{ filename: `notice-N-${row.id}.pdf`, content: pdf, contentType: "application/pdf" }],
      });
      messageId = sent.messageId;
    } else {
      // A letter is printed and posted by the unit: delivery renders it and puts it on the print list.
      messageId = `print:${createHash("sha256").update(pdf).digest("hex").slice(0, 16)}`;
    }
  } catch (e) {
    return recordFailure(ctx, "outbox", id, e, job);
  }
  await recordSent(ctx, "outbox", id, messageId);
  return { id, messageId };
}

/** The address a sale report goes to: the state's firearms unit, or the police of the buyer's town. */
export function reportAddress(ctx: Ctx, recipient: string, town: string | null): string {
  if (recipient === "state" || !town) return ctx.config.mail.stateReportsTo;
  const slug = town
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `records.${slug}@${ctx.config.mail.policeReportsDomain}`;
}

/** Delivers one sale report by e-mail (the record as JSON, attached). */
export async function deliverSaleReport(
  ctx: Ctx,
  id: number,
  job: JobMeta,
): Promise<{ id: number; messageId?: string; skipped?: string }> {
  const [r] = await ctx.db.query<{
    sale_id: string;
    recipient: string;
    recipient_name: string;
    town: string | null;
    reason: string;
    payload: unknown;
    status: string;
  }>("SELECT sale_id::text, recipient, recipient_name, town, reason, payload, status FROM sale_reports WHERE id = $1", [
    id,
  ]);
  if (!r) return { id, skipped: "no such report" };
  if (r.status === "sent") return { id, skipped: "already sent" };
  const to = reportAddress(ctx, r.recipient, r.town);
  let messageId: string;
  try {
    const mailer = await mailerFor(ctx);
    const sent = await mailer.send({
      to,
      subject: `Firearm transfer report (${r.reason}) for ${r.recipient_name}`,
      text: `The record of a firearm transfer, sent under CGS § 29-33 and § 29-36l as amended by Public Act 13-3 (report ${id}, reason ${r.reason}). The record is attached.`,
      attachments: [
        {
          filename: `sale-report-${id}.json`,
          content: Buffer.from(JSON.stringify(r.payload, null, 2)),
          contentType: "application/json",
        },
      ],
    });
    messageId = sent.messageId;
  } catch (e) {
    return recordFailure(ctx, "sale_reports", id, e, job);
  }
  await recordSent(ctx, "sale_reports", id, messageId, to);
  return { id, messageId };
}

// ---------------------------------------------------------------- reading

export interface NoticeFilter {
  status?: "queued" | "sent" | "failed" | "dead" | undefined;
  personId?: string | undefined;
  limit: number;
  offset?: number | undefined;
}

/** The outbox for licensing staff and administrators: a purpose is required, and the read is audited. */
export async function listNotices(
  ctx: Ctx,
  filter: NoticeFilter,
  purpose: ReadPurpose | undefined,
): Promise<{ items: NoticeView[]; total: number }> {
  if (!noticePolicy.viewAll(ctx.user)) {
    await ctx.db.tx((q) => appendAudit(q, ctx, { action: "notice.list", outcome: "denied", entityType: "outbox" }));
    throw forbidden("only licensing staff and administrators see the outbox");
  }
  if (!purpose)
    throw new AppError("validation", "purpose: say why you need these records", {
      fields: [{ field: "purpose", message: "required: a purpose code and at least 10 characters" }],
    });
  const args = [filter.status ?? null, filter.personId ?? null];
  const rows = await ctx.db.query<NoticeRow>(
    `SELECT ${COLS} FROM outbox WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR person_id = $2) ORDER BY outbox.id DESC LIMIT $3 OFFSET $4`,
    [...args, filter.limit, filter.offset ?? 0],
  );
  const [{ n }] = (await ctx.db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM outbox WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR person_id = $2)`,
    args,
  )) as [{ n: string }];
  await ctx.db.tx((q) =>
    appendAudit(q, ctx, {
      action: "notice.list",
      entityType: "outbox",
      purpose: purposeLine(purpose),
      details: { status: filter.status ?? null, personId: filter.personId ?? null, shown: rows.length },
    }),
  );
  return { items: rows.map(presentNotice), total: Number(n) };
}

/** A resident's own letters and e-mails. */
export async function myNotices(ctx: Ctx): Promise<NoticeView[]> {
  const personId = ctx.user?.personId;
  if (!personId) throw forbidden("only a resident with a record has notices");
  const rows = await ctx.db.query<NoticeRow>(
    `SELECT ${COLS} FROM outbox WHERE person_id = $1 ORDER BY outbox.id DESC LIMIT 200`,
    [personId],
  );
  return rows.map(presentNotice);
}

/** One notice as PDF: its addressee, or staff with a purpose (audited). */
export async function noticePdf(
  ctx: Ctx,
  id: number,
  purpose: ReadPurpose | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  if (ctx.user?.role !== "resident" && !noticePolicy.viewAll(ctx.user))
    throw forbidden("only the addressee and licensing staff read letters");
  const row = Number.isSafeInteger(id) && id > 0 ? await findRow(ctx.db, id) : undefined;
  if (!row) throw notFound("notice");
  const own = !!ctx.user?.personId && row.person_id === ctx.user.personId;
  if (!own) {
    if (!noticePolicy.viewAll(ctx.user)) throw notFound("notice");
    if (!purpose)
      throw new AppError("validation", "purpose: say why you need this letter", {
        fields: [{ field: "purpose", message: "required" }],
      });
    await ctx.db.tx((q) =>
      appendAudit(q, ctx, {
        action: "notice.read",
        entityType: "notice",
        entityId: String(id),
        purpose: purposeLine(purpose),
      }),
    );
  }
  return { filename: `notice-N-${row.id}.pdf`, pdf: await letterOf(row) };
}

/** Puts a dead (or failed) notice's delivery back in the queue; administrators only; audited. */
export async function retryNotice(ctx: Ctx, id: number): Promise<NoticeView> {
  if (!noticePolicy.retry(ctx.user)) throw forbidden("only administrators retry deliveries");
  const row = Number.isSafeInteger(id) && id > 0 ? await findRow(ctx.db, id) : undefined;
  if (!row) throw notFound("notice");
  if (row.status === "sent") throw new AppError("conflict", `notice N-${id} was already sent`);
  await ctx.db.tx(async (q) => {
    await q.query("UPDATE outbox SET status = 'queued' WHERE id = $1", [id]);
    await enqueueJob(
      q,
      ctx.clock.now(),
      "notices.deliver",
      { id },
      { dedupeKey: `notices.deliver:${id}`, maxAttempts: 6 },
    );
    await appendAudit(q, ctx, { action: "notice.retry", entityType: "notice", entityId: String(id) });
  });
  return presentNotice((await findRow(ctx.db, id))!);
}
