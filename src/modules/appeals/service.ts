/**
 * The Board of Firearms Permit Examiners' docket (CGS § 29-32b; PA 13-3 §§ 60-61): appeals filed
 * online from a denial or revocation letter (the decision's findings attached) or keyed from
 * paper, the Board's nine seats, meetings, hearings scheduled in order of filing, notices, the
 * issuing authority's written statement of reasons (due 10 days before the hearing, or the
 * appellant has relief automatically: the rulebook's `appeal-hearing` question decides), one
 * continuance for good cause to the next meeting, decisions, and the Board's orders to issue or
 * restore a credential, which Stateline carries out.
 *
 * An appeal's status is the result of its latest appended action (appeal_actions); which action
 * may follow which status is the NEXT table.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type PlainDate, addDays, daysBetween } from "../../law/core/dates.ts";
import { type Citation, cite, citationLabel } from "../../law/core/rules.ts";
import { boardSeats } from "../../law/ct/appeals/board-membership.ts";
import { statementDueBy } from "../../law/ct/appeals/statement-of-reasons.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import type { User } from "../auth/index.ts";
import {
  appealableActionsOf,
  restoreByBoardOrder,
  CREDENTIAL_NAMES,
  type AppealableAction,
} from "../credentials/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { getPerson } from "../people/index.ts";
import { authorityOf } from "../local-permits/index.ts";
import { appealPolicy } from "./policy.ts";
import {
  type Appeal,
  type AppealStatus,
  type Meeting,
  type Seat,
  findAppeal,
  historyOf,
  MEETING_SELECT,
  meetingsFrom,
  SELECT,
  seats,
  toAppeal,
  toMeeting,
} from "./queries.ts";
import type {
  ContinuanceInput,
  DecisionInput,
  FileAppeal,
  MeetingInput,
  PaperAppeal,
  SeatInput,
  StatementInput,
} from "./schemas.ts";

export type AppealAction = "schedule" | "file-statement" | "continue" | "decide" | "withdraw";

/** Which actions each status allows. */
export const NEXT: Record<AppealStatus, readonly AppealAction[]> = {
  filed: ["schedule", "file-statement", "withdraw"],
  scheduled: ["file-statement", "continue", "decide", "withdraw"],
  decided: [],
  withdrawn: [],
};

function assertNext(a: Appeal, action: AppealAction): void {
  if (!NEXT[a.status].includes(action))
    throw new AppError("conflict", `an appeal that is ${a.status} cannot ${action.replaceAll("-", " ")}`);
}

// ---------------------------------------------------------------- the filing period (a rule the rulebook lacks)

/**
 * The time to appeal. NOT YET IN src/law: the analysis of PA 13-3 does not state it, so it is
 * written here, cited, and should move to `src/law/ct/appeals/` (a request to the rulebook's
 * owners). CGS § 29-32b(b): a person aggrieved by a refusal to issue or renew, or by a
 * revocation, "may, within ninety days after receipt of notice of such refusal, limitation or
 * revocation ... appeal to the board". Stateline's denial and revocation letters already say 90 days.
 *
 * QUESTION(legal): the 90 days run from *receipt* of the notice, which Stateline does not know; we
 * count them from the day of the decision (the earliest possible receipt), so a filing on or
 * before that date is surely in time. A later filing is accepted and marked "filed late" for the
 * Board to decide (the person may show a later receipt); it is never refused automatically.
 */
export const FILING_PERIOD: { days: number; source: Citation } = {
  days: 90,
  source: cite("CGS", "§ 29-32b(b)", {
    cgs: "CGS § 29-32b(b)",
    text: "may, within ninety days after receipt of notice of such refusal, limitation or revocation, ... appeal to the board",
  }),
};
export const filingDueOn = (actionOn: PlainDate): PlainDate => addDays(actionOn, FILING_PERIOD.days);

/**
 * Operational choice, not law: a hearing is set at least 21 days ahead, so the notices reach both
 * parties and the issuing authority has time to file its statement 10 days before the hearing.
 */
export const MIN_DAYS_TO_HEARING = 21;

const STATEMENT_CITE = "PA 13-3 § 61 (CGS § 29-32b)";
const DESPP = "Commissioner of Emergency Services and Public Protection (DESPP firearms unit)";
const issuingAuthorityOf = (kind: string) =>
  kind === "temporary-state-permit" ? "Local issuing authority (chief of police or first selectman)" : DESPP;

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

async function act(
  q: Queryable,
  ctx: Ctx,
  a: Pick<Appeal, "id" | "status">,
  action: string,
  toStatus: AppealStatus,
  details: Record<string, unknown> = {},
) {
  await q.query(
    "INSERT INTO appeal_actions (appeal_id, action, from_status, to_status, on_date, actor_id, details) VALUES ($1,$2,$3,$4,$5,$6,$7)",
    [a.id, action, a.status, toStatus, ctx.today, ctx.user?.id ?? null, JSON.stringify(details)],
  );
}

// ---------------------------------------------------------------- notices (one function per notice)

export const notices = {
  filed: (a: Appeal) => ({
    subject: `Your appeal ${a.number} was received`,
    body: `The Board of Firearms Permit Examiners received your appeal of the ${a.actionAppealed} of ${a.subjectNumber} on ${a.filedOn}. You will be told the hearing date.${a.filedLate ? ` It was filed after ${a.filingDueOn}, 90 days after the decision; the Board will decide whether it is in time (for example if you received the notice later).` : ""} ${citationLabel(FILING_PERIOD.source)}.`,
  }),
  hearingToAppellant: (a: Appeal, hearingOn: PlainDate, continued: boolean) => ({
    subject: `Appeal ${a.number}: ${continued ? "hearing moved to" : "hearing on"} ${hearingOn}`,
    body: `The Board will hear your appeal ${a.number} at its meeting on ${hearingOn}.${continued ? " The earlier hearing was continued." : ""} The issuing authority must give the Board its written reasons by ${statementDueBy({ hearingOn })}; if it does not, you are granted relief. ${STATEMENT_CITE}.`,
  }),
  hearingToAuthority: (a: Appeal, hearingOn: PlainDate) => ({
    subject: `Appeal ${a.number}: written statement of reasons due ${statementDueBy({ hearingOn })}`,
    body: `${a.firstName} ${a.lastName} appealed the ${a.actionAppealed} of ${a.subjectNumber}. Hearing: ${hearingOn}. Give the Board your written statement of reasons by ${statementDueBy({ hearingOn })} (at least 10 days before the hearing); failure or refusal is automatic cause for relief to the appellant. ${STATEMENT_CITE}.`,
  }),
  decided: (a: Appeal, outcome: string, because: string) => ({
    subject: `Appeal ${a.number} decided: ${outcome.replaceAll("-", " ")}`,
    body: `The Board of Firearms Permit Examiners decided appeal ${a.number} on its ${a.actionAppealed} of ${a.subjectNumber}: ${outcome.replaceAll("-", " ")}. ${because}`,
  }),
};

async function tellAppellant(
  q: Queryable,
  a: Appeal,
  template: string,
  n: { subject: string; body: string },
  dedupeKey: string,
) {
  const p = await getPerson(q, a.personId);
  const recipient =
    p.email ??
    [`${p.firstName} ${p.lastName}`, p.street, `${p.town ?? ""}, ${p.state} ${p.zip ?? ""}`].filter(Boolean).join("\n");
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedupe_key) DO NOTHING",
    [p.email ? "email" : "letter", p.id, recipient, template, n.subject, n.body, dedupeKey],
  );
}
async function tellAuthority(
  q: Queryable,
  a: Appeal,
  template: string,
  n: { subject: string; body: string },
  dedupeKey: string,
) {
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ('letter',NULL,$1,$2,$3,$4,$5) ON CONFLICT (dedupe_key) DO NOTHING",
    [a.issuingAuthority, template, n.subject, n.body, dedupeKey],
  );
}

// ---------------------------------------------------------------- filing

/** The denials and revocations a person may appeal now (those without an open appeal). */
export async function appealableFor(
  q: Queryable,
  personId: string,
): Promise<(AppealableAction & { filingDueOn: PlainDate })[]> {
  const open = await q.query<{ subject_id: string }>(
    "SELECT subject_id::text FROM appeals WHERE person_id = $1 AND status IN ('filed','scheduled')",
    [personId],
  );
  const taken = new Set(open.map((o) => o.subject_id));
  return (await appealableActionsOf(q, personId))
    .filter((x) => !taken.has(x.subjectId))
    .map((x) => ({ ...x, filingDueOn: filingDueOn(x.actionOn as PlainDate) }));
}

/** A resident's own denials and revocations they may appeal. */
export async function myAppealable(ctx: Ctx) {
  const user = requireUser(ctx);
  if (!appealPolicy.fileOwn(user)) throw forbidden("only the person denied or revoked files an appeal online");
  return appealableFor(ctx.db, user.personId!);
}

async function file(
  ctx: Ctx,
  q: Queryable,
  personId: string,
  input: FileAppeal,
  channel: "online" | "paper",
  filedOn: PlainDate,
): Promise<Appeal> {
  const subject = (await appealableActionsOf(q, personId)).find(
    (x) => x.subjectType === input.subjectType && x.subjectId === input.subjectId,
  );
  if (!subject)
    throw badField(
      "subjectId",
      `no ${input.subjectType === "application" ? "denied application" : "revoked credential"} of this person with that id`,
    );
  const open = await q.query(
    "SELECT number FROM appeals WHERE subject_type = $1 AND subject_id = $2 AND status IN ('filed','scheduled')",
    [input.subjectType, input.subjectId],
  );
  if (open[0])
    throw new AppError("conflict", `appeal ${open[0].number} about this decision is already open`, {
      fields: [{ field: "subjectId", message: "already appealed" }],
    });
  if (filedOn < subject.actionOn) throw badField("filedOn", `cannot be before the decision (${subject.actionOn})`);
  const due = filingDueOn(subject.actionOn as PlainDate);
  const seq = await q.query<{ n: number }>("SELECT nextval('appeal_number_seq') AS n");
  const ins = await q.query<{ id: string }>(
    `INSERT INTO appeals (number, person_id, subject_type, subject_id, subject_number, credential_kind, action_appealed, action_on, issuing_authority, findings, decision_reason,
       grounds, channel, filed_on, filing_due_on, filed_late, status, filed_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,'filed',$17) RETURNING id::text`,
    [
      `BFPE-${seq[0]!.n}`,
      personId,
      subject.subjectType,
      subject.subjectId,
      subject.subjectNumber,
      subject.credentialKind,
      subject.action,
      subject.actionOn,
      issuingAuthorityOf(subject.credentialKind),
      JSON.stringify(subject.findings),
      subject.reason,
      input.grounds,
      channel,
      filedOn,
      due,
      filedOn > due,
      ctx.user?.id ?? null,
    ],
  );
  const a = (await findAppeal(q, ins[0]!.id))!;
  await q.query(
    "INSERT INTO appeal_actions (appeal_id, action, from_status, to_status, on_date, actor_id, details) VALUES ($1,'file',NULL,'filed',$2,$3,$4)",
    [
      a.id,
      ctx.today,
      ctx.user?.id ?? null,
      JSON.stringify({
        channel,
        filedOn,
        filingDueOn: due,
        filedLate: a.filedLate,
        citation: citationLabel(FILING_PERIOD.source),
      }),
    ],
  );
  await tellAppellant(q, a, "appeal-filed", notices.filed(a), `appeal-filed:${a.id}`);
  await appendAudit(q, ctx, {
    action: "appeal.file",
    entityType: "appeal",
    entityId: a.id,
    details: { channel, subject: subject.subjectNumber },
  });
  return a;
}

/** A resident files online from their denial or revocation letter; the decision and its findings are attached. */
export async function fileAppeal(ctx: Ctx, input: FileAppeal): Promise<Appeal> {
  const user = requireUser(ctx);
  if (!appealPolicy.fileOwn(user))
    throw forbidden("only the person denied or revoked files an appeal online; the Board's staff key paper appeals");
  return ctx.db.tx((q) => file(ctx, q, user.personId!, input, "online", ctx.today));
}

/** The Board's staff key a paper appeal, with the day the Board received it. */
export async function filePaperAppeal(ctx: Ctx, input: PaperAppeal): Promise<Appeal> {
  const user = requireUser(ctx);
  if (!appealPolicy.runDocket(user)) throw forbidden("only the Board's staff key paper appeals");
  if (input.filedOn > ctx.today) throw badField("filedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    await getPerson(q, input.personId).catch(() => {
      throw badField("personId", "no such person");
    });
    return file(ctx, q, input.personId, input, "paper", input.filedOn);
  });
}

// ---------------------------------------------------------------- reads

/**
 * The town a local issuing authority acts for (PA 13-3 §§ 57-58: it decides the temporary state permit
 * for the residents of its own town, so it sees only their appeals). Undefined for an authority not yet
 * attached to a town, which therefore sees none.
 */
async function authorityTown(q: Queryable, user: User): Promise<string | undefined> {
  return user.role === "local_authority" ? (await authorityOf(q, user.id))?.town : undefined;
}

async function canSee(q: Queryable, user: User, a: Appeal): Promise<boolean> {
  if (appealPolicy.runDocket(user)) return true;
  if (user.role === "licensing_staff") return true;
  if (user.role === "local_authority") {
    if (a.credentialKind !== "temporary-state-permit") return false;
    const town = await authorityTown(q, user);
    return town !== undefined && (await getPerson(q, a.personId)).town === town;
  }
  return user.role === "resident" && user.personId === a.personId;
}

export async function getAppeal(ctx: Ctx, id: string) {
  const user = requireUser(ctx);
  const a = await findAppeal(ctx.db, id);
  if (!a || !(await canSee(ctx.db, user, a))) {
    if (!appealPolicy.seeDocket(user) && user.role !== "resident")
      throw forbidden("the docket is for the Board, the issuing authority and the appellant");
    throw notFound("appeal");
  }
  await appendAudit(ctx.db, ctx, {
    action: "appeal.read",
    entityType: "appeal",
    entityId: a.id,
    purpose:
      user.role === "resident" ? "own-record: the appellant reads their appeal" : "appeal-review: the Board's docket",
  });
  return {
    appeal: a,
    history: await historyOf(ctx.db, a.id),
    next: NEXT[a.status],
    statementDueBy: a.hearingOn ? statementDueBy({ hearingOn: a.hearingOn }) : null,
  };
}

export async function listDocket(ctx: Ctx, opts: { status?: AppealStatus | undefined; limit: number; offset: number }) {
  const user = requireUser(ctx);
  if (!appealPolicy.seeDocket(user)) throw forbidden("the docket is for the Board and the issuing authority");
  const local = user.role === "local_authority";
  const kindOnly = local ? "temporary-state-permit" : null;
  // A town's authority sees its own residents' appeals only; one not attached to a town sees none.
  // (The town is the person's residence, read from the people table by SQL: a cross-module read.)
  const town = local ? ((await authorityTown(ctx.db, user)) ?? "") : null;
  const where = `($1::text IS NULL OR a.status = $1) AND ($2::text IS NULL OR a.credential_kind = $2)
    AND ($3::text IS NULL OR a.person_id IN (SELECT id FROM people WHERE town = $3))`;
  const rows = await ctx.db.query(`${SELECT} WHERE ${where} ORDER BY a.filed_on, a.number LIMIT $4 OFFSET $5`, [
    opts.status ?? null,
    kindOnly,
    town,
    opts.limit,
    opts.offset,
  ]);
  const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appeals a WHERE ${where}`, [
    opts.status ?? null,
    kindOnly,
    town,
  ]);
  await appendAudit(ctx.db, ctx, {
    action: "appeal.docket",
    entityType: "appeal-docket",
    purpose: "appeal-review: the Board's docket",
    details: { status: opts.status ?? null, results: rows.length },
  });
  return { total: total[0]!.n, items: rows.map(toAppeal) };
}

export async function myAppeals(ctx: Ctx): Promise<Appeal[]> {
  const user = requireUser(ctx);
  if (!appealPolicy.fileOwn(user)) throw forbidden("only residents have appeals of their own");
  return (await ctx.db.query(`${SELECT} WHERE a.person_id = $1 ORDER BY a.filed_on DESC`, [user.personId])).map(
    toAppeal,
  );
}

// ---------------------------------------------------------------- the Board: seats and meetings

/** The nine seats (§ 60) with their appointing sources; the count is checked against the rulebook. */
export async function boardComposition(ctx: Ctx): Promise<{ seats: Seat[]; seatsByLaw: number }> {
  const all = await seats(ctx.db);
  const inForce = all.filter((s) => s.fromOn <= ctx.today);
  const byLaw = boardSeats(ctx.today);
  if (inForce.length !== byLaw)
    throw new AppError("internal", `the Board has ${inForce.length} seats on ${ctx.today}; the rulebook says ${byLaw}`);
  return { seats: inForce, seatsByLaw: byLaw };
}

export async function appointMember(ctx: Ctx, seat: number, input: SeatInput): Promise<Seat> {
  const user = requireUser(ctx);
  if (!appealPolicy.seats(user)) throw forbidden("only the Board's staff or an administrator records appointments");
  if (!Number.isInteger(seat) || seat < 1 || seat > boardSeats(ctx.today))
    throw badField("seat", `the Board has ${boardSeats(ctx.today)} seats`);
  return ctx.db.tx(async (q) => {
    if (input.userId) {
      const u = await q.query("SELECT role FROM users WHERE id = $1", [input.userId]);
      if (u[0]?.role !== "board_member") throw badField("userId", "must be a user with the Board member role");
    }
    await q.query("UPDATE board_seats SET member_name = $2, user_id = $3, term_ends_on = $4 WHERE seat = $1", [
      seat,
      input.memberName,
      input.userId ?? null,
      input.termEndsOn ?? null,
    ]);
    await appendAudit(q, ctx, {
      action: "appeal.board-seat",
      entityType: "board-seat",
      entityId: String(seat),
      details: { memberName: input.memberName },
    });
    return (await seats(q)).find((s) => s.seat === seat)!;
  });
}

export async function addMeeting(ctx: Ctx, input: MeetingInput): Promise<Meeting> {
  const user = requireUser(ctx);
  if (!appealPolicy.runDocket(user)) throw forbidden("only the Board schedules its meetings");
  if (input.meetingOn < ctx.today) throw badField("meetingOn", "cannot be in the past");
  return ctx.db.tx(async (q) => {
    const dup = await q.query("SELECT 1 FROM board_meetings WHERE meeting_on = $1", [input.meetingOn]);
    if (dup[0])
      throw new AppError("conflict", `the Board already meets on ${input.meetingOn}`, {
        fields: [{ field: "meetingOn", message: "already a meeting that day" }],
      });
    const r = await q.query<{ id: string }>(
      "INSERT INTO board_meetings (meeting_on, hearing_slots, location) VALUES ($1,$2,$3) RETURNING id::text",
      [input.meetingOn, input.hearingSlots, input.location ?? null],
    );
    await appendAudit(q, ctx, {
      action: "appeal.meeting",
      entityType: "board-meeting",
      entityId: r[0]!.id,
      details: { meetingOn: input.meetingOn, slots: input.hearingSlots },
    });
    return toMeeting((await q.query(`${MEETING_SELECT} WHERE m.id = $1`, [r[0]!.id]))[0]!);
  });
}

export async function listMeetings(ctx: Ctx, from?: PlainDate): Promise<Meeting[]> {
  const user = requireUser(ctx);
  if (!appealPolicy.seeDocket(user)) throw forbidden("the Board's calendar is for the Board and the issuing authority");
  return meetingsFrom(ctx.db, from ?? ctx.today);
}

// ---------------------------------------------------------------- scheduling

/**
 * Gives every unscheduled appeal, in order of filing, the earliest meeting at least 21 days
 * ahead with a free hearing slot, and sends the notices. Safe to run again (jobs and the Board).
 */
export async function scheduleDocket(ctx: Ctx): Promise<{ scheduled: number; waiting: number }> {
  if (ctx.user && !appealPolicy.runDocket(ctx.user)) throw forbidden("only the Board schedules hearings");
  return ctx.db.tx(async (q) => {
    await q.query("SELECT pg_advisory_xact_lock(hashtext('appeals.schedule'))");
    const meetings = await meetingsFrom(q, addDays(ctx.today, MIN_DAYS_TO_HEARING));
    const waiting = (
      await q.query(`${SELECT} WHERE a.status = 'filed' ORDER BY a.filed_on, a.number FOR UPDATE OF a`)
    ).map(toAppeal);
    let scheduled = 0;
    let i = 0;
    for (const a of waiting) {
      while (i < meetings.length && meetings[i]!.booked >= meetings[i]!.hearingSlots) i += 1;
      const m = meetings[i];
      if (!m) break;
      m.booked += 1;
      await q.query("UPDATE appeals SET status = 'scheduled', meeting_id = $2, hearing_on = $3 WHERE id = $1", [
        a.id,
        m.id,
        m.meetingOn,
      ]);
      await act(q, ctx, a, "schedule", "scheduled", {
        meetingOn: m.meetingOn,
        statementDueBy: statementDueBy({ hearingOn: m.meetingOn }),
      });
      await tellAppellant(
        q,
        a,
        "appeal-hearing",
        notices.hearingToAppellant(a, m.meetingOn, false),
        `appeal-hearing:${a.id}:${m.meetingOn}`,
      );
      await tellAuthority(
        q,
        a,
        "appeal-statement-request",
        notices.hearingToAuthority(a, m.meetingOn),
        `appeal-statement:${a.id}:${m.meetingOn}`,
      );
      scheduled += 1;
    }
    if (scheduled)
      await appendAudit(q, ctx, { action: "appeal.schedule", entityType: "appeal-docket", details: { scheduled } });
    return { scheduled, waiting: waiting.length - scheduled };
  });
}

// ---------------------------------------------------------------- the hearing: statement, continuance, relief

function hearingFacts(a: Appeal, extra: Record<string, unknown> = {}) {
  return {
    hearingOn: a.hearingOn ?? undefined,
    statementProvided: a.statementReceivedOn ? true : false,
    ...(a.statementReceivedOn ? { statementReceivedOn: a.statementReceivedOn } : {}),
    continuanceGranted: false,
    ...extra,
  };
}

/** The written statement of reasons; a statement received late gives the appellant relief at once. */
export async function fileStatement(ctx: Ctx, id: string, input: StatementInput): Promise<Appeal> {
  const user = requireUser(ctx);
  const receivedOn = input.receivedOn ?? ctx.today;
  if (receivedOn > ctx.today) throw badField("receivedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const a = await findAppeal(q, id, true);
    if (!a) throw notFound("appeal");
    if (!appealPolicy.answer(user, a.credentialKind))
      throw forbidden(
        "only the issuing authority (or the Board's staff keying its letter) files the statement of reasons",
      );
    assertNext(a, "file-statement");
    if (a.statementReceivedOn)
      throw new AppError("conflict", `the statement was already received on ${a.statementReceivedOn}`);
    await q.query("UPDATE appeals SET statement_received_on = $2, statement_text = $3 WHERE id = $1", [
      a.id,
      receivedOn,
      input.text,
    ]);
    await act(q, ctx, a, "file-statement", a.status, {
      receivedOn,
      dueBy: a.hearingOn ? statementDueBy({ hearingOn: a.hearingOn }) : null,
    });
    await appendAudit(q, ctx, {
      action: "appeal.statement",
      entityType: "appeal",
      entityId: a.id,
      details: { receivedOn },
    });
    const after = (await findAppeal(q, a.id, true))!;
    if (after.status === "scheduled") await reliefIfDue(ctx, q, after);
    return (await findAppeal(q, a.id))!;
  });
}

/**
 * Asks the rulebook whether the appellant is due automatic relief (no statement by 10 days
 * before the hearing, or one received later) and, if so, decides the appeal and carries out
 * the order. Answers true when relief was granted.
 *
 * QUESTION(legal): "automatic cause for the board to grant relief" is carried out by Stateline
 * without waiting for a vote (the rulebook reads it as obliging the Board): the appeal is decided
 * "automatic-relief" and the credential issued or restored the day after the statement was due.
 */
async function reliefIfDue(ctx: Ctx, q: Queryable, a: Appeal): Promise<boolean> {
  if (a.status !== "scheduled" || !a.hearingOn) return false;
  const facts = hearingFacts(a);
  const d = decide("appeal-hearing", ctx.today, facts);
  if (d.outcome !== "yes") return false;
  const decisionId = await storeDecision(q, d, facts, { type: "appeal", id: a.id });
  const because =
    d.findings.find((f) => f.status === "met" && f.id === "appeals.statement-of-reasons")?.because ??
    "no written statement of reasons in time";
  await decideWith(ctx, q, a, "automatic-relief", `Automatic relief: ${because} (${STATEMENT_CITE}).`, decisionId);
  return true;
}

/**
 * One continuance for good cause to the official (§ 61), to the Board's next scheduled meeting
 * after the hearing date; the rulebook decides whether the Act permits it. A continuance the
 * appellant asks for is not limited by § 61.
 */
export async function continueHearing(ctx: Ctx, id: string, input: ContinuanceInput): Promise<Appeal> {
  const user = requireUser(ctx);
  if (!appealPolicy.runDocket(user)) throw forbidden("only the Board grants a continuance");
  return ctx.db.tx(async (q) => {
    const a = await findAppeal(q, id, true);
    if (!a) throw notFound("appeal");
    assertNext(a, "continue");
    const next = (await meetingsFrom(q, addDays(a.hearingOn!, 1)))[0];
    if (!next)
      throw badField("meeting", `the Board has no scheduled meeting after ${a.hearingOn}; add the next meeting first`);
    const facts = hearingFacts(a, {
      continuanceGranted: true,
      continuanceRequestedBy: input.requestedBy,
      continuanceGoodCause: input.goodCause,
      continuancesAlreadyGranted: a.continuances,
      nextScheduledMeetingOn: next.meetingOn,
    });
    const d = decide("appeal-hearing", ctx.today, facts);
    const r = d.result as { continuancePermitted: boolean | null; hearingOn: PlainDate | null };
    if (r.continuancePermitted !== true) {
      const why = d.findings.find((f) => f.id === "appeals.one-continuance")?.because ?? "not permitted";
      throw new AppError("conflict", `the continuance is not permitted: ${why} (PA 13-3 § 61)`, {
        fields: [{ field: input.goodCause ? "requestedBy" : "goodCause", message: why }],
      });
    }
    const decisionId = await storeDecision(q, d, facts, { type: "appeal", id: a.id });
    await q.query(
      "UPDATE appeals SET meeting_id = $2, hearing_on = $3, continuances = continuances + $4 WHERE id = $1",
      [a.id, next.id, next.meetingOn, input.requestedBy === "issuing-authority" ? 1 : 0],
    );
    await act(q, ctx, a, "continue", "scheduled", {
      from: a.hearingOn,
      to: next.meetingOn,
      requestedBy: input.requestedBy,
      reason: input.reason,
      decisionId,
      citation: "PA 13-3 § 61",
    });
    const after = (await findAppeal(q, a.id))!;
    await tellAppellant(
      q,
      after,
      "appeal-hearing",
      notices.hearingToAppellant(after, next.meetingOn, true),
      `appeal-hearing:${a.id}:${next.meetingOn}`,
    );
    await tellAuthority(
      q,
      after,
      "appeal-statement-request",
      notices.hearingToAuthority(after, next.meetingOn),
      `appeal-statement:${a.id}:${next.meetingOn}`,
    );
    await appendAudit(q, ctx, {
      action: "appeal.continue",
      entityType: "appeal",
      entityId: a.id,
      details: { to: next.meetingOn, requestedBy: input.requestedBy },
    });
    return after;
  });
}

// ---------------------------------------------------------------- decisions and orders

async function decideWith(
  ctx: Ctx,
  q: Queryable,
  a: Appeal,
  outcome: "relief-granted" | "automatic-relief" | "relief-denied",
  because: string,
  decisionId: string | null,
): Promise<void> {
  const relief = outcome !== "relief-denied";
  const orderKind = relief ? (a.subjectType === "application" ? "issue" : "restore") : null;
  let credentialId: string | null = null;
  if (orderKind) {
    const c =
      orderKind === "issue"
        ? await restoreByBoardOrder(ctx, q, { kind: "issue", applicationId: a.subjectId, appealNumber: a.number })
        : await restoreByBoardOrder(ctx, q, { kind: "restore", credentialId: a.subjectId, appealNumber: a.number });
    credentialId = c.id;
  }
  await q.query(
    `UPDATE appeals SET status = 'decided', outcome = $2, decided_on = $3, order_kind = $4, order_carried_out_on = $5, order_credential_id = $6, decision_id = coalesce($7, decision_id) WHERE id = $1`,
    [a.id, outcome, ctx.today, orderKind, orderKind ? ctx.today : null, credentialId, decisionId],
  );
  await act(q, ctx, a, "decide", "decided", { outcome, because, orderKind, credentialId, decisionId });
  await tellAppellant(q, a, "appeal-decided", notices.decided(a, outcome, because), `appeal-decided:${a.id}`);
  await tellAuthority(q, a, "appeal-decided", notices.decided(a, outcome, because), `appeal-decided-authority:${a.id}`);
  await appendAudit(q, ctx, {
    action: "appeal.decide",
    entityType: "appeal",
    entityId: a.id,
    details: { outcome, orderKind, credentialId },
  });
}

/** The Board's decision after the hearing. Relief is refused when the rulebook says it is due automatically. */
export async function decideAppeal(ctx: Ctx, id: string, input: DecisionInput): Promise<Appeal> {
  const user = requireUser(ctx);
  if (!appealPolicy.runDocket(user)) throw forbidden("only the Board decides appeals");
  return ctx.db.tx(async (q) => {
    const a = await findAppeal(q, id, true);
    if (!a) throw notFound("appeal");
    assertNext(a, "decide");
    if (ctx.today < a.hearingOn!)
      throw new AppError("conflict", `the hearing is on ${a.hearingOn}; the Board decides at or after it`);
    const facts = hearingFacts(a);
    const d = decide("appeal-hearing", ctx.today, facts);
    if (d.outcome === "yes" && input.outcome === "relief-denied") {
      throw new AppError(
        "conflict",
        "the issuing authority gave no written statement of reasons in time: the appellant is due relief (PA 13-3 § 61)",
        { fields: [{ field: "outcome", message: "automatic relief is due" }] },
      );
    }
    const decisionId = await storeDecision(q, d, facts, { type: "appeal", id: a.id });
    await decideWith(ctx, q, a, input.outcome, input.reason, decisionId);
    return (await findAppeal(q, a.id))!;
  });
}

export async function withdrawAppeal(ctx: Ctx, id: string): Promise<Appeal> {
  const user = requireUser(ctx);
  return ctx.db.tx(async (q) => {
    const a = await findAppeal(q, id, true);
    if (!a) throw notFound("appeal");
    const own = user.role === "resident" && user.personId === a.personId;
    if (!own && !appealPolicy.runDocket(user))
      throw forbidden("only the appellant or the Board's staff withdraws an appeal");
    assertNext(a, "withdraw");
    await q.query(
      "UPDATE appeals SET status = 'withdrawn', outcome = 'withdrawn', decided_on = $2, meeting_id = NULL, hearing_on = NULL WHERE id = $1",
      [a.id, ctx.today],
    );
    await act(q, ctx, a, "withdraw", "withdrawn");
    await appendAudit(q, ctx, { action: "appeal.withdraw", entityType: "appeal", entityId: a.id });
    return (await findAppeal(q, a.id))!;
  });
}

// ---------------------------------------------------------------- clocks

/** The 10-day statement clock: the day after the due day, with no statement, relief is automatic. */
export async function runStatementDeadlines(ctx: Ctx): Promise<{ automaticRelief: number }> {
  const rows = await ctx.db.query<{ id: string }>(
    "SELECT id::text FROM appeals WHERE status = 'scheduled' AND statement_received_on IS NULL AND hearing_on - 10 < $1::date ORDER BY filed_on",
    [ctx.today],
  );
  let n = 0;
  for (const r of rows) {
    await ctx.db.tx(async (q) => {
      const a = await findAppeal(q, r.id, true);
      if (a && (await reliefIfDue(ctx, q, a))) n += 1;
    });
  }
  return { automaticRelief: n };
}

// ---------------------------------------------------------------- numbers

export interface DocketNumbers {
  asOf: PlainDate;
  backlog: number;
  awaitingSchedule: number;
  scheduled: number;
  ageDays: { median: number | null; oldest: number | null };
  /** Decided appeals per held meeting over the last 12 months (the Board's pace), and the meeting interval. */
  pace: { perMeeting: number; daysBetweenMeetings: number; basis: string };
  expectedHearingForNewAppeal: PlainDate | null;
  outcomes: Record<string, number>;
  outcomesLast12Months: Record<string, number>;
  upcomingMeetings: number;
}

/**
 * The expected hearing date of the k-th waiting appeal (0-based) given the meeting calendar's
 * free slots and, past the calendar, the Board's pace. Exported for tests.
 */
export function expectedHearing(p: {
  position: number;
  today: PlainDate;
  meetings: { meetingOn: PlainDate; free: number }[];
  perMeeting: number;
  daysBetweenMeetings: number;
}): PlainDate | null {
  let k = p.position;
  let last: PlainDate | null = null;
  for (const m of p.meetings) {
    if (k < m.free) return m.meetingOn;
    k -= m.free;
    last = m.meetingOn;
  }
  if (p.perMeeting <= 0) return null;
  const more = Math.floor(k / p.perMeeting) + 1;
  return addDays(last ?? p.today, more * p.daysBetweenMeetings);
}

export async function docketNumbers(q: Queryable, today: PlainDate): Promise<DocketNumbers> {
  const open = await q.query<{ filed_on: string; status: string }>(
    "SELECT filed_on::text, status FROM appeals WHERE status IN ('filed','scheduled') ORDER BY filed_on",
  );
  const ages = open.map((o) => daysBetween(o.filed_on as PlainDate, today)).sort((a, b) => a - b);
  const median = ages.length
    ? ages.length % 2
      ? ages[(ages.length - 1) / 2]!
      : Math.round((ages[ages.length / 2 - 1]! + ages[ages.length / 2]!) / 2)
    : null;
  const yearAgo = addDays(today, -365);
  const held = await q.query<{ meeting_on: string; hearing_slots: number }>(
    "SELECT meeting_on::text, hearing_slots FROM board_meetings WHERE status <> 'cancelled' AND meeting_on <= $1 AND meeting_on > $2 ORDER BY meeting_on",
    [today, yearAgo],
  );
  const decidedRecent = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM appeals WHERE status = 'decided' AND decided_on > $1",
    [yearAgo],
  );
  const future = await meetingsFrom(q, addDays(today, MIN_DAYS_TO_HEARING));
  let perMeeting: number;
  let basis: string;
  if (held.length && decidedRecent[0]!.n > 0) {
    perMeeting = decidedRecent[0]!.n / held.length;
    basis = `${decidedRecent[0]!.n} decisions at ${held.length} meetings in the last 12 months`;
  } else if (future.length) {
    perMeeting = future.reduce((s, m) => s + m.hearingSlots, 0) / future.length;
    basis = "no decisions yet: the hearing slots of the scheduled meetings";
  } else {
    perMeeting = 0;
    basis = "no meetings and no decisions yet";
  }
  const dates = [...held.map((h) => h.meeting_on), ...future.map((m) => m.meetingOn)].sort();
  const gaps = dates
    .slice(1)
    .map((d, i) => daysBetween(dates[i]! as PlainDate, d as PlainDate))
    .filter((g) => g > 0);
  const daysBetweenMeetings = gaps.length ? Math.round(gaps.reduce((s, g) => s + g, 0) / gaps.length) : 30;
  const waiting = open.filter((o) => o.status === "filed").length;
  const expected = expectedHearing({
    position: waiting,
    today,
    meetings: future.map((m) => ({ meetingOn: m.meetingOn, free: Math.max(0, m.hearingSlots - m.booked) })),
    perMeeting,
    daysBetweenMeetings,
  });
  const count = async (since: PlainDate | null) =>
    Object.fromEntries(
      (
        await q.query<{ outcome: string; n: number }>(
          "SELECT outcome, count(*)::int AS n FROM appeals WHERE outcome IS NOT NULL AND ($1::date IS NULL OR decided_on > $1) GROUP BY outcome ORDER BY outcome",
          [since],
        )
      ).map((r) => [r.outcome, r.n]),
    );
  return {
    asOf: today,
    backlog: open.length,
    awaitingSchedule: waiting,
    scheduled: open.length - waiting,
    ageDays: { median, oldest: ages.length ? ages[ages.length - 1]! : null },
    pace: { perMeeting: Math.round(perMeeting * 10) / 10, daysBetweenMeetings, basis },
    expectedHearingForNewAppeal: expected,
    outcomes: await count(null),
    outcomesLast12Months: await count(yearAgo),
    upcomingMeetings: (await meetingsFrom(q, today)).length,
  };
}

/** Each open appeal's age and expected hearing date, in order of filing (the Board's view). */
export async function docketAges(ctx: Ctx) {
  const user = requireUser(ctx);
  if (!appealPolicy.seeDocket(user)) throw forbidden("the docket is for the Board and the issuing authority");
  const nums = await docketNumbers(ctx.db, ctx.today);
  const open = (
    await ctx.db.query(`${SELECT} WHERE a.status IN ('filed','scheduled') ORDER BY a.filed_on, a.number`)
  ).map(toAppeal);
  const future = await meetingsFrom(ctx.db, addDays(ctx.today, MIN_DAYS_TO_HEARING));
  const free = future.map((m) => ({ meetingOn: m.meetingOn, free: Math.max(0, m.hearingSlots - m.booked) }));
  let position = 0;
  return open.map((a) => ({
    id: a.id,
    number: a.number,
    filedOn: a.filedOn,
    ageDays: daysBetween(a.filedOn, ctx.today),
    status: a.status,
    hearingOn:
      a.hearingOn ??
      expectedHearing({
        position: position++,
        today: ctx.today,
        meetings: free,
        perMeeting: nums.pace.perMeeting,
        daysBetweenMeetings: nums.pace.daysBetweenMeetings,
      }),
    hearingIsExpected: !a.hearingOn,
  }));
}

export const credentialName = (kind: string) => CREDENTIAL_NAMES[kind as keyof typeof CREDENTIAL_NAMES] ?? kind;
