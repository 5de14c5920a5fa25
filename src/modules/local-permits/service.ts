/**
 * The local issuing authority's stage of the permit to carry pistols or revolvers (PA 13-3 §§ 57-58;
 * CGS §§ 29-28(b), 29-28a): each town's chief of police (or first selectman or warden where there is
 * no police department) works the temporary state permit applications of its town's permanent
 * residents, sees the rulebook's findings, approves (the temporary state permit issues) or denies
 * with reasons (the letter goes through the outbox with the appeal route), within eight weeks; an
 * approved application is handed to DESPP for the state permit, whose own eight weeks then run.
 *
 * The credentials module owns applications and credentials and does the issuing, the denial letter
 * and the forwarded application (its index.ts); this module authorizes the town's authority, keeps
 * its own record of the local stage (`local_permit_actions`, appended) and the clocks.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import type { Outcome } from "../../law/core/rules.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit, auditRead, auditRefusedRead } from "../audit/index.ts";
import { findUserById, type User } from "../auth/index.ts";
import {
  applicationHistory,
  applicationsByIds,
  applicationsByTown,
  applicationsOfPerson,
  denyInTx,
  getApplication,
  getDecision,
  issueInTx,
  recordConfirmations,
  submitForwardedApplication,
  type Application,
  type Credential,
  type TownApplicationRow,
} from "../credentials/index.ts";
import { enqueueJob } from "../jobs/index.ts";
import { assertTown, getPerson, type Person } from "../people/index.ts";
import { ISSUING_AUTHORITY_SOURCE, localDecisionClock, stateDecisionClock, type Clock } from "./clock.ts";
import * as db from "./queries.ts";
import { localPermitPolicy } from "./policy.ts";
import { NEXT, OFFICE_LABELS, type ApproveInput, type AttachInput, type Stage } from "./schemas.ts";

export { NEXT };
const TEMPORARY = "temporary-state-permit" as const;
const OPEN: readonly string[] = ["submitted", "approvable", "needs-review", "ineligible"];
const QUEUE_LIMIT = 500;

// ---------------------------------------------------------------- who acts

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

/** The signed-in user's town authority; 403 for other roles and for an authority with no town. */
export async function requireAuthority(ctx: Ctx): Promise<db.Authority & { user: User }> {
  const user = requireUser(ctx);
  if (!localPermitPolicy.actAsLocalAuthority(user))
    throw forbidden("only a town's local issuing authority acts on temporary state permit applications");
  const a = await db.findAuthority(ctx.db, user.id);
  if (!a)
    throw forbidden(
      "your sign-in is not attached to a town's issuing authority; an administrator attaches it to your town",
    );
  return { ...a, user };
}

/** Who the authority is, in words, for letters and pages. */
export const authorityName = (a: db.Authority & { user: User }) =>
  `${a.user.displayName}, ${OFFICE_LABELS[a.office].toLowerCase()} of ${a.town} (the local issuing authority, ${ISSUING_AUTHORITY_SOURCE.cgs})`;

/**
 * A temporary state permit application of a permanent resident of the authority's own town, or nothing.
 * QUESTION(legal): "bona fide permanent residence within the jurisdiction" (CGS § 29-28(b) as § 57 amends
 * it) is read as the town of permanent residence named on the application (`residenceTown`, which the
 * rulebook checks), not the person's current mailing address: someone who has moved applies in the new town.
 */
const inTown = (app: { credentialKind: string; residenceTown: string }, town: string) =>
  app.credentialKind === TEMPORARY && app.residenceTown === town;

// ---------------------------------------------------------------- stages

export interface Staged {
  application: TownApplicationRow;
  stage: Stage;
  /** The running clock: the local one at the local stage, the state's at the state stage. */
  clock: Clock | null;
  flagged: boolean;
  localDecision: { action: "approve" | "deny"; onDate: string; by: string | null; reasons: string | null } | null;
  stateApplication: TownApplicationRow | null;
  forwardedOn: string | null;
}

function stageOf(app: TownApplicationRow, acts: db.LocalPermitAction[], state: TownApplicationRow | null): Stage {
  const has = (k: db.ActionKind) => acts.some((a) => a.action === k);
  if (has("deny")) return "denied-by-local-authority";
  if (has("forward") && state) {
    if (state.status === "issued") return "state-permit-issued";
    if (state.status === "denied") return "state-permit-denied";
    if (state.status === "withdrawn") return "closed";
    return "at-state";
  }
  if (has("approve")) return "approved-forwarding";
  return OPEN.includes(app.status) ? "at-local-authority" : "closed";
}

async function stage(q: Queryable, today: Ctx["today"], apps: TownApplicationRow[]): Promise<Staged[]> {
  const acts = await db.actionsFor(
    q,
    apps.map((a) => a.id),
  );
  const stateIds = acts.filter((a) => a.action === "forward").map((a) => a.stateApplicationId!);
  const states = new Map((await applicationsByIds(q, stateIds)).map((s) => [s.id, s]));
  return apps.map((app) => {
    const mine = acts.filter((a) => a.applicationId === app.id);
    const fwd = mine.find((a) => a.action === "forward");
    const state = fwd ? (states.get(fwd.stateApplicationId!) ?? null) : null;
    const st = stageOf(app, mine, state);
    const decision = mine.find((a) => a.action === "approve" || a.action === "deny");
    const clock =
      st === "at-local-authority"
        ? localDecisionClock(app.submittedOn, today)
        : st === "at-state" && fwd
          ? stateDecisionClock(fwd.onDate, today)
          : null;
    return {
      application: app,
      stage: st,
      clock,
      flagged: mine.some((a) =>
        st === "at-state" ? a.action === "flag-state-overdue" : a.action === "flag-local-overdue",
      ),
      localDecision: decision
        ? {
            action: decision.action as "approve" | "deny",
            onDate: decision.onDate,
            by: decision.actor,
            reasons: decision.reasons,
          }
        : null,
      stateApplication: state,
      forwardedOn: fwd?.onDate ?? null,
    };
  });
}

async function outcomes(q: Queryable, apps: TownApplicationRow[]): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  for (const a of apps) if (a.latestDecisionId) out.set(a.id, (await getDecision(q, a.latestDecisionId)).outcome);
  return out;
}

// ---------------------------------------------------------------- the authority's queue

export interface QueueView {
  town: string;
  office: db.Authority["office"];
  open: (Staged & { ruleOutcome: Outcome | null })[];
  decided: Staged[];
}

/**
 * The town's queue: its permanent residents' open temporary state permit applications, oldest first,
 * with the rulebook's outcome and the eight-week clock; then the town's recent decisions with the
 * state stage that followed. Never another town's applicants.
 */
export async function localQueue(ctx: Ctx, opts: { purpose?: ReadPurpose | undefined } = {}): Promise<QueueView> {
  const a = await requireAuthority(ctx);
  const open = (
    await applicationsByTown(ctx.db, { credentialKind: TEMPORARY, town: a.town, statuses: OPEN, limit: QUEUE_LIMIT })
  ).filter((x) => inTown(x, a.town));
  const decidedIds = await db.decidedInTown(ctx.db, a.town, 50);
  const decidedApps = (await applicationsByIds(ctx.db, decidedIds)).filter((x) => inTown(x, a.town));
  const [stagedOpen, decided, outs] = await Promise.all([
    stage(ctx.db, ctx.today, open),
    stage(ctx.db, ctx.today, decidedApps),
    outcomes(ctx.db, open),
  ]);
  if (opts.purpose) {
    const purpose = opts.purpose;
    await ctx.db.tx((q) =>
      auditRead(q, ctx, purpose, {
        action: "local-permit.queue",
        entityType: "applications",
        personIds: [...open, ...decidedApps].map((x) => x.personId),
        details: { town: a.town, shown: open.length + decidedApps.length },
      }),
    );
  }
  const order = new Map(decidedIds.map((id, i) => [id, i]));
  return {
    town: a.town,
    office: a.office,
    open: stagedOpen
      .filter((s) => s.stage === "at-local-authority")
      .map((s) => ({ ...s, ruleOutcome: outs.get(s.application.id) ?? null })),
    decided: decided.sort((x, y) => order.get(x.application.id)! - order.get(y.application.id)!),
  };
}

/**
 * The application, when it is a temporary state permit application of a permanent resident of the
 * signed-in authority's town; otherwise a 403, audited as a refused read of personal data.
 */
export async function assertInTown(
  ctx: Ctx,
  applicationId: string,
): Promise<{ authority: db.Authority & { user: User }; application: Application }> {
  const a = await requireAuthority(ctx);
  const app = await getApplication(ctx.db, applicationId);
  if (!inTown(app, a.town))
    throw await auditRefusedRead(
      ctx,
      { action: "local-permit.read", entityType: "application", entityId: app.id, personIds: [app.personId] },
      `this is not a temporary state permit application of a resident of ${a.town}`,
    );
  return { authority: a, application: app };
}

export interface LocalApplicationView {
  application: Application;
  person: Person;
  staged: Staged;
  decision: Awaited<ReturnType<typeof getDecision>> | null;
  history: Awaited<ReturnType<typeof applicationHistory>>;
  actions: db.LocalPermitAction[];
  authority: string;
}

/**
 * One applicant of the town, with the rulebook's findings: a read of personal data, so it states a
 * purpose and is audited; an attempt on another town's applicant is refused (403) and audited too.
 */
export async function getLocalApplication(
  ctx: Ctx,
  applicationId: string,
  purpose: ReadPurpose,
): Promise<LocalApplicationView> {
  const { authority: a, application: app } = await assertInTown(ctx, applicationId);
  await ctx.db.tx((q) =>
    auditRead(q, ctx, purpose, {
      action: "local-permit.read",
      entityType: "application",
      entityId: app.id,
      personIds: [app.personId],
      details: { town: a.town },
    }),
  );
  const [row] = await applicationsByIds(ctx.db, [app.id]);
  const [staged] = await stage(ctx.db, ctx.today, [row!]);
  const [person, decision, history, actions] = await Promise.all([
    getPerson(ctx.db, app.personId),
    app.latestDecisionId ? getDecision(ctx.db, app.latestDecisionId) : Promise.resolve(null),
    applicationHistory(ctx.db, app.id),
    db.actionsFor(ctx.db, [app.id]),
  ]);
  return { application: app, person, staged: staged!, decision, history, actions, authority: authorityName(a) };
}

// ---------------------------------------------------------------- decisions

/** Checks, inside the transaction, that the authority may still decide this application. */
async function decidable(ctx: Ctx, q: Queryable, a: db.Authority, applicationId: string): Promise<Application> {
  await q.query("SELECT pg_advisory_xact_lock(727021, hashtext($1))", [applicationId]);
  const app = await getApplication(q, applicationId);
  if (!inTown(app, a.town))
    throw forbidden(`this is not a temporary state permit application of a resident of ${a.town}`);
  const acts = await db.actionsFor(q, [app.id]);
  const done = acts.find((x) => x.action === "approve" || x.action === "deny");
  if (done)
    throw new AppError(
      "conflict",
      `application ${app.number} was already ${done.action === "approve" ? "approved" : "denied"} on ${done.onDate}`,
    );
  if (!OPEN.includes(app.status))
    throw new AppError("conflict", `application ${app.number} is ${app.status}; there is nothing left to decide`);
  return app;
}

/**
 * The authority approves: the rulebook is asked again today (a "no" cannot be approved; an "unknown"
 * needs a review note saying how it was resolved), the temporary state permit issues (its notice goes
 * through the outbox), and the application is handed to DESPP for the state permit.
 */
export async function approve(
  ctx: Ctx,
  applicationId: string,
  input: ApproveInput,
): Promise<{ credential: Credential; stateApplicationId: string | null }> {
  const a = await requireAuthority(ctx);
  const user = a.user;
  const credential = await ctx.db.tx(async (q) => {
    const app = await decidable(ctx, q, a, applicationId);
    const clock = localDecisionClock(app.submittedOn, ctx.today);
    const cred = await issueInTx(ctx, q, user, app.id, { reviewNote: input.reviewNote });
    // The authority issuing the temporary permit confirms the safety course and suitability (CGS § 29-28(b)).
    await recordConfirmations(
      q,
      user,
      app,
      input.confirmations,
      input.reviewNote || "confirmed by the issuing authority",
    );
    await db.insertAction(q, {
      applicationId: app.id,
      town: a.town,
      action: "approve",
      onDate: ctx.today,
      dueOn: clock.dueOn,
      actorId: user.id,
      reasons: input.reviewNote?.trim() || null,
      credentialId: cred.id,
    });
    await appendAudit(q, ctx, {
      action: "local-permit.approve",
      entityType: "application",
      entityId: app.id,
      details: { town: a.town, credentialNumber: cred.number, dueOn: clock.dueOn, late: clock.overdue },
    });
    // The hand-off to the state follows at once below; the job is its retry if that fails.
    await enqueueJob(
      q,
      ctx.clock.now(),
      "local-permits.forward",
      { applicationId: app.id, actorId: user.id },
      { dedupeKey: `local-permits.forward:${app.id}` },
    );
    return cred;
  });
  let stateApplicationId: string | null = null;
  try {
    stateApplicationId = await forwardToState(ctx, applicationId);
  } catch {
    // Left to the forwarding job (for example NICS or the database failing for a moment).
  }
  return { credential, stateApplicationId };
}

/**
 * The authority denies, with its detailed reasons: the letter (through the outbox) names the
 * authority, the reasons, the rulebook's findings not met and the appeal to the Board of Firearms
 * Permit Examiners (CGS § 29-32b). A denied temporary permit means no state permit (CGS § 29-28a(b)).
 * The authority may deny an applicant the rulebook found eligible: suitability is its finding
 * (CGS § 29-28(b)).
 * QUESTION(legal): read so because § 29-28(b) says the authority "may issue" on finding the applicant
 * suitable and intending only lawful use; the denial must still give detailed reasons (§ 29-28a(b)).
 */
export async function deny(ctx: Ctx, applicationId: string, reasons: string): Promise<void> {
  const a = await requireAuthority(ctx);
  const text = reasons.trim();
  if (text.length < 10) throw badField("reasons", "give the detailed reasons for the denial (at least 10 characters)");
  await ctx.db.tx(async (q) => {
    const app = await decidable(ctx, q, a, applicationId);
    const clock = localDecisionClock(app.submittedOn, ctx.today);
    await denyInTx(ctx, q, a.user, app.id, text, authorityName(a));
    await db.insertAction(q, {
      applicationId: app.id,
      town: a.town,
      action: "deny",
      onDate: ctx.today,
      dueOn: clock.dueOn,
      actorId: a.user.id,
      reasons: text,
    });
    await appendAudit(q, ctx, {
      action: "local-permit.deny",
      entityType: "application",
      entityId: app.id,
      details: { town: a.town, dueOn: clock.dueOn, late: clock.overdue },
    });
  });
}

/**
 * Hands an approved application to DESPP (CGS § 29-28a(b)): the state permit application is opened
 * on the applicant's behalf, its background check runs, and it appears in the state staff's queue;
 * the state's eight weeks start today. Safe to run again: answers the application already forwarded.
 */
export async function forwardToState(ctx: Ctx, applicationId: string): Promise<string> {
  const user = requireUser(ctx);
  const recorded = async () =>
    (await db.actionsFor(ctx.db, [applicationId])).find((x) => x.action === "forward")?.stateApplicationId ?? null;
  const already = await recorded();
  if (already) return already;
  const approval = (await db.actionsFor(ctx.db, [applicationId])).find((x) => x.action === "approve");
  if (!approval) throw new AppError("conflict", "only an application the local authority approved is forwarded");
  const app = await getApplication(ctx.db, applicationId);
  const record = async (q: Queryable, stateApplicationId: string) => {
    const fresh = await db.insertAction(q, {
      applicationId: app.id,
      town: approval.town,
      action: "forward",
      onDate: ctx.today,
      dueOn: stateDecisionClock(ctx.today, ctx.today).dueOn,
      actorId: user.id,
      stateApplicationId,
    });
    if (!fresh) throw new AppError("conflict", `application ${app.number} was already forwarded`);
    await appendAudit(q, ctx, {
      action: "local-permit.forward",
      entityType: "application",
      entityId: app.id,
      details: { town: approval.town, stateApplicationId },
    });
  };
  try {
    const r = await submitForwardedApplication(
      ctx,
      app.personId,
      {
        credentialKind: "state-handgun-permit",
        residenceTown: app.residenceTown,
        citizenOrLawfulResident: app.citizenOrLawfulResident,
        backgroundCheckConsent: app.backgroundCheckConsent,
        // The $140 was paid with the temporary permit application (CGS § 29-30(a)); nothing more is due.
        feePaid: true,
      },
      record,
    );
    return r.application.id;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "conflict") throw e;
    const again = await recorded();
    if (again) return again;
    // The applicant already has an open state permit application: that one is the one handed on.
    const open = (await applicationsOfPerson(ctx.db, app.personId)).find(
      (x) => x.credentialKind === "state-handgun-permit" && OPEN.includes(x.status),
    );
    if (!open) throw e;
    await ctx.db.tx((q) => record(q, open.id));
    return open.id;
  }
}

/** The forwarding job: hands on every approved application not yet forwarded (as its approver). */
export async function forwardPending(ctx: Ctx): Promise<{ forwarded: number }> {
  let forwarded = 0;
  for (const p of await db.approvedNotForwarded(ctx.db)) {
    const user = await findUserById(ctx.db, p.actorId);
    if (!user) continue;
    await forwardToState({ ...ctx, user }, p.applicationId);
    forwarded++;
  }
  return { forwarded };
}

// ---------------------------------------------------------------- the clock's flags

/**
 * The daily check of the statute's clocks: an application still at the local authority after its
 * eight weeks, or at the state eight weeks after the hand-off, is flagged once (an appended action,
 * audited). A flag decides nothing: it puts the application at the top of the queues, marked late.
 */
export async function flagOverdue(ctx: Ctx): Promise<{ local: number; state: number }> {
  const open = await applicationsByTown(ctx.db, { credentialKind: TEMPORARY, statuses: OPEN, limit: 100_000 });
  const fwd = await applicationsByIds(ctx.db, await db.forwarded(ctx.db, 100_000));
  const staged = await stage(ctx.db, ctx.today, [...open, ...fwd]);
  let local = 0;
  let state = 0;
  for (const s of staged) {
    if (!s.clock?.overdue || s.flagged) continue;
    const action = s.stage === "at-local-authority" ? "flag-local-overdue" : "flag-state-overdue";
    const fresh = await ctx.db.tx(async (q) => {
      const ok = await db.insertAction(q, {
        applicationId: s.application.id,
        town: s.application.residenceTown,
        action,
        onDate: ctx.today,
        dueOn: s.clock!.dueOn,
      });
      if (ok)
        await appendAudit(q, ctx, {
          action: `local-permit.${action}`,
          entityType: "application",
          entityId: s.application.id,
          details: { dueOn: s.clock!.dueOn, citation: "CGS § 29-28a(b)" },
        });
      return ok;
    });
    if (fresh) {
      if (action === "flag-local-overdue") local++;
      else state++;
    }
  }
  return { local, state };
}

// ---------------------------------------------------------------- the state staff's view

export interface StagesView {
  atLocal: Staged[];
  atState: Staged[];
}

/**
 * Every temporary state permit application by stage, for the state's licensing staff: those still
 * with a town's authority (with its clock), and those handed to the state (with the state's clock and
 * the state permit application to work).
 */
export async function stateStages(
  ctx: Ctx,
  opts: { purpose?: ReadPurpose | undefined; town?: string | undefined } = {},
): Promise<StagesView> {
  const user = requireUser(ctx);
  if (!localPermitPolicy.viewStages(user)) throw forbidden("only the state's licensing staff see every town's stages");
  const open = await applicationsByTown(ctx.db, {
    credentialKind: TEMPORARY,
    town: opts.town,
    statuses: OPEN,
    limit: QUEUE_LIMIT,
  });
  const fwd = (await applicationsByIds(ctx.db, await db.forwarded(ctx.db, QUEUE_LIMIT))).filter(
    (x) => !opts.town || x.residenceTown === opts.town,
  );
  const staged = await stage(ctx.db, ctx.today, [...open, ...fwd]);
  if (opts.purpose) {
    const purpose = opts.purpose;
    await ctx.db.tx((q) =>
      auditRead(q, ctx, purpose, {
        action: "local-permit.stages",
        entityType: "applications",
        personIds: staged.map((s) => s.application.personId),
        details: { town: opts.town ?? null, shown: staged.length },
      }),
    );
  }
  const late = (s: Staged) => (s.clock ? s.clock.daysLeft : Number.MAX_SAFE_INTEGER);
  return {
    atLocal: staged.filter((s) => s.stage === "at-local-authority").sort((x, y) => late(x) - late(y)),
    atState: staged
      .filter((s) => s.stage === "at-state" || s.stage === "approved-forwarding")
      .sort((x, y) => late(x) - late(y)),
  };
}

// ---------------------------------------------------------------- attaching authorities

/** An administrator attaches a local_authority user to its town (one town per user). */
export async function attachAuthority(ctx: Ctx, input: AttachInput): Promise<db.Authority> {
  const user = requireUser(ctx);
  if (!localPermitPolicy.attachAuthority(user)) throw forbidden();
  const target = await findUserById(ctx.db, input.userId);
  if (!target) throw badField("userId", "no such user");
  if (target.role !== "local_authority")
    throw badField("userId", "only a local issuing authority's sign-in is attached to a town");
  return ctx.db.tx(async (q) => {
    await assertTown(q, input.town, "town");
    const a = { userId: target.id, town: input.town, office: input.office };
    await db.upsertAuthority(q, a);
    await appendAudit(q, ctx, {
      action: "local-permit.attach-authority",
      entityType: "user",
      entityId: target.id,
      details: { town: input.town, office: input.office },
    });
    return a;
  });
}

/** The town and office a user acts for, if any (for pages and other modules). */
export const authorityOf = (q: Queryable, userId: string) => db.findAuthority(q, userId);
