/**
 * Credentials: applications, background checks, decisions, issuance,
 * verification, renewal, revocation and surrender.
 *
 * Applications change only by appended actions (application_actions); the
 * status column is the latest action's result. Which action may follow which
 * status is the NEXT table below. The rulebook decides; this service gathers
 * the facts, stores the decision with its version, acts, and audits.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { coalesce, coalescerFor, type Coalescer } from "../../db/batch.ts";
import { auditWriterOf, readerOf } from "../../db/replica.ts";
import { prohibitingEventsOf } from "./record.ts";
import { type ConfirmationInput, recordConfirmations } from "./attachments.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import type { Finding, Outcome } from "../../law/core/rules.ts";
import { citationLabel } from "../../law/core/rules.ts";
import {
  applicationFee,
  credentialTerm,
  lateSurrenderPenalty,
  renewalNotice,
  surrenderDeadline,
  validForPurpose,
  type CredentialKind,
} from "../../law/ct/credentials/index.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { UUID } from "../../lib/validation.ts";
import { NicsUnavailable } from "../../adapters/nics/contract.ts";
import { appendAudit, appendAuditGrouped } from "../audit/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { assertTown, getPerson, type Person } from "../people/index.ts";
import { policy } from "./policy.ts";
import { reassessPendingSales } from "../sales/index.ts";
import { type User } from "../auth/index.ts";

export const CREDENTIAL_KINDS = [
  "temporary-state-permit",
  "state-handgun-permit",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
  "ammunition-certificate",
] as const satisfies readonly CredentialKind[];

export const CREDENTIAL_NAMES: Record<CredentialKind, string> = {
  "temporary-state-permit": "Temporary state permit to carry pistols or revolvers",
  "state-handgun-permit": "State permit to carry pistols or revolvers",
  "handgun-eligibility-certificate": "Eligibility certificate for pistols or revolvers",
  "long-gun-eligibility-certificate": "Long gun eligibility certificate",
  "ammunition-certificate": "Ammunition certificate",
};

const NUMBER_PREFIX: Record<CredentialKind, string> = {
  "temporary-state-permit": "TP",
  "state-handgun-permit": "SP",
  "handgun-eligibility-certificate": "HE",
  "long-gun-eligibility-certificate": "LE",
  "ammunition-certificate": "AC",
};

export type ApplicationStatus =
  "submitted" | "approvable" | "needs-review" | "ineligible" | "issued" | "denied" | "withdrawn";
export type ApplicationAction = "check" | "issue" | "deny" | "withdraw";

/** Which actions each status allows. */
export const NEXT: Record<ApplicationStatus, readonly ApplicationAction[]> = {
  submitted: ["check", "withdraw"],
  approvable: ["check", "issue", "deny", "withdraw"],
  "needs-review": ["check", "issue", "deny", "withdraw"],
  ineligible: ["check", "deny", "withdraw"],
  issued: [],
  denied: [],
  withdrawn: [],
};

export interface Application {
  id: string;
  number: string;
  personId: string;
  credentialKind: CredentialKind;
  kind: "new" | "renewal";
  renewsCredentialId: string | null;
  channel: "online" | "paper";
  status: ApplicationStatus;
  submittedOn: PlainDate;
  residenceTown: string;
  attestedNoTemporaryPermitIn12Months: boolean | null;
  citizenOrLawfulResident: boolean;
  backgroundCheckConsent: boolean;
  feeCents: number;
  feePaid: boolean;
  latestDecisionId: string | null;
}

const APP_COLS = `id::text, number, person_id::text, credential_kind, kind, renews_credential_id::text, channel, status, submitted_on, residence_town,
  attested_no_temporary_permit_in_12_months, citizen_or_lawful_resident, background_check_consent, fee_cents, fee_paid, latest_decision_id::text`;
const toApp = (r: Record<string, any>): Application => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  credentialKind: r.credential_kind,
  kind: r.kind,
  renewsCredentialId: r.renews_credential_id,
  channel: r.channel,
  status: r.status,
  submittedOn: r.submitted_on,
  residenceTown: r.residence_town,
  attestedNoTemporaryPermitIn12Months: r.attested_no_temporary_permit_in_12_months,
  citizenOrLawfulResident: r.citizen_or_lawful_resident,
  backgroundCheckConsent: r.background_check_consent,
  feeCents: r.fee_cents,
  feePaid: r.fee_paid,
  latestDecisionId: r.latest_decision_id,
});

export interface Credential {
  id: string;
  number: string;
  personId: string;
  kind: CredentialKind;
  status: "active" | "revoked" | "expired" | "superseded";
  issuedOn: PlainDate;
  expiresOn: PlainDate;
  feeCents: number;
  applicationId: string | null;
  revokedOn: PlainDate | null;
  revocationReasons: { id: string; because: string; citation: string }[] | null;
  surrenderDueOn: PlainDate | null;
  surrenderedOn: PlainDate | null;
  lateSurrenderFlaggedOn: PlainDate | null;
  renewalNoticeSentOn: PlainDate | null;
}

const CRED_COLS = `id::text, number, person_id::text, kind, status, issued_on, expires_on, fee_cents, application_id::text, revoked_on, revocation_reasons,
  surrender_due_on, surrendered_on, late_surrender_flagged_on, renewal_notice_sent_on`;
const toCred = (r: Record<string, any>): Credential => ({
  id: r.id,
  number: r.number,
  personId: r.person_id,
  kind: r.kind,
  status: r.status,
  issuedOn: r.issued_on,
  expiresOn: r.expires_on,
  feeCents: r.fee_cents,
  applicationId: r.application_id,
  revokedOn: r.revoked_on,
  revocationReasons: r.revocation_reasons,
  surrenderDueOn: r.surrender_due_on,
  surrenderedOn: r.surrendered_on,
  lateSurrenderFlaggedOn: r.late_surrender_flagged_on,
  renewalNoticeSentOn: r.renewal_notice_sent_on,
});

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

// ---------------------------------------------------------------- queries

export async function findApplication(q: Queryable, id: string): Promise<Application | undefined> {
  const r = await q.query(`SELECT ${APP_COLS} FROM applications WHERE id = $1`, [id]);
  return r[0] ? toApp(r[0]) : undefined;
}

export async function getApplication(q: Queryable, id: string): Promise<Application> {
  const a = await findApplication(q, id);
  if (!a) throw notFound("application");
  return a;
}

export async function findCredential(q: Queryable, id: string): Promise<Credential | undefined> {
  const r = await q.query(`SELECT ${CRED_COLS} FROM credentials WHERE id = $1`, [id]);
  return r[0] ? toCred(r[0]) : undefined;
}

export async function getCredential(q: Queryable, id: string): Promise<Credential> {
  const c = await findCredential(q, id);
  if (!c) throw notFound("credential");
  return c;
}

export async function findCredentialByNumber(q: Queryable, number: string): Promise<Credential | undefined> {
  const r = await q.query(`SELECT ${CRED_COLS} FROM credentials WHERE number = $1`, [number]);
  return r[0] ? toCred(r[0]) : undefined;
}

export async function credentialsOfPerson(q: Queryable, personId: string): Promise<Credential[]> {
  const r = await q.query(`SELECT ${CRED_COLS} FROM credentials WHERE person_id = $1 ORDER BY issued_on DESC`, [
    personId,
  ]);
  return r.map(toCred);
}

export async function applicationsOfPerson(q: Queryable, personId: string): Promise<Application[]> {
  const r = await q.query(
    `SELECT ${APP_COLS} FROM applications WHERE person_id = $1 ORDER BY submitted_on DESC, number DESC`,
    [personId],
  );
  return r.map(toApp);
}

export interface QueueItem {
  application: Application;
  person: { firstName: string; lastName: string };
}

/** The licensing queue: open applications, oldest first, optionally one status. */
export async function listQueue(
  q: Queryable,
  opts: { status?: ApplicationStatus | undefined; limit: number; offset: number },
): Promise<{ items: QueueItem[]; total: number }> {
  const open = ["submitted", "approvable", "needs-review", "ineligible"];
  const statuses = opts.status ? [opts.status] : open;
  const rows = await q.query(
    `SELECT ${APP_COLS.split(",")
      .map((c) => "a." + c.trim())
      .join(", ")}, p.first_name, p.last_name, count(*) OVER () AS total
     FROM applications a JOIN people p ON p.id = a.person_id WHERE a.status = ANY($1::text[])
     ORDER BY a.submitted_on, a.number LIMIT $2 OFFSET $3`,
    [statuses, opts.limit, opts.offset],
  );
  return {
    items: rows.map((r) => ({ application: toApp(r), person: { firstName: r.first_name, lastName: r.last_name } })),
    total: rows[0]?.total ?? 0,
  };
}

export async function applicationHistory(
  q: Queryable,
  id: string,
): Promise<
  {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    at: string;
    actor: string | null;
  }[]
> {
  const r = await q.query(
    `SELECT x.action, x.from_status, x.to_status, x.note, x.at, u.display_name FROM application_actions x LEFT JOIN users u ON u.id = x.actor_id
     WHERE x.application_id = $1 ORDER BY x.id`,
    [id],
  );
  return r.map((x) => ({
    action: x.action,
    fromStatus: x.from_status,
    toStatus: x.to_status,
    note: x.note,
    at: x.at,
    actor: x.display_name,
  }));
}

export async function getDecision(
  q: Queryable,
  id: string,
): Promise<{
  id: string;
  outcome: Outcome;
  result: unknown;
  findings: Finding[];
  decidedOn: string;
  rulebookVersion: string;
  facts: unknown;
}> {
  const r = await q.query(
    "SELECT id::text, outcome, result, findings, decided_on, rulebook_version, facts FROM decisions WHERE id = $1",
    [id],
  );
  if (!r[0]) throw notFound("decision");
  return {
    id: r[0].id,
    outcome: r[0].outcome,
    result: r[0].result,
    findings: r[0].findings,
    decidedOn: r[0].decided_on,
    rulebookVersion: r[0].rulebook_version,
    facts: r[0].facts,
  };
}

// ---------------------------------------------------------------- applications

export interface ApplicationInput {
  credentialKind: CredentialKind;
  residenceTown: string;
  attestedNoTemporaryPermitIn12Months?: boolean | undefined;
  /** The applicant's statement that they are a US citizen or lawfully present (18 U.S.C. 922(g)(5)). */
  citizenOrLawfulResident: boolean;
  backgroundCheckConsent: boolean;
  feePaid: boolean;
  /** For staff keying in a paper application. */
  personId?: string | undefined;
  renewsCredentialId?: string | undefined;
}

/** Submits an application and runs its background check at once. */
export async function submitApplication(
  ctx: Ctx,
  input: ApplicationInput,
): Promise<{ application: Application; decision: Awaited<ReturnType<typeof getDecision>> }> {
  const user = requireUser(ctx);
  const paper = user.role !== "resident";
  if (paper ? !policy.keyInPaperApplication(user) : !policy.applyOnline(user)) throw forbidden();
  if (!paper && input.personId !== undefined && input.personId !== user.personId)
    throw badField("personId", "residents apply for themselves; leave personId out");
  if (paper && input.personId === undefined) throw badField("personId", "say whom the paper application is for");
  const personId = paper ? input.personId! : user.personId!;
  return createApplication(ctx, user, personId, paper ? "paper" : "online", input);
}

/**
 * For the local-permits module: the local issuing authority forwards a resident's application for the
 * state permit once it has approved the temporary state permit (CGS § 29-28a(b)). No role check here: the
 * caller authorizes (its own policy), and `inTx` runs in the same transaction as the new application.
 */
export async function submitForwardedApplication(
  ctx: Ctx,
  personId: string,
  input: ApplicationInput,
  inTx?: (q: Queryable, applicationId: string) => Promise<void>,
): Promise<{ application: Application; decision: Awaited<ReturnType<typeof getDecision>> }> {
  return createApplication(ctx, requireUser(ctx), personId, "paper", input, inTx);
}

async function createApplication(
  ctx: Ctx,
  user: User,
  personId: string,
  channel: "online" | "paper",
  input: ApplicationInput,
  inTx?: (q: Queryable, applicationId: string) => Promise<void>,
): Promise<{ application: Application; decision: Awaited<ReturnType<typeof getDecision>> }> {
  const paper = channel === "paper";
  if (!input.backgroundCheckConsent)
    throw badField(
      "backgroundCheckConsent",
      "the application needs consent to the background check (CGS § 29-28(b), § 29-36f, § 29-37p, § 29-38n)",
    );
  if (input.credentialKind === "temporary-state-permit" && input.attestedNoTemporaryPermitIn12Months === undefined) {
    throw badField("attestedNoTemporaryPermitIn12Months", "required for a temporary state permit (PA 13-3 §§ 57-58)");
  }
  const fee = applicationFee(input.credentialKind, ctx.today);
  const person = await getPerson(ctx.db, personId);
  // NICS is asked before anything is written, so a failure leaves nothing half-done.
  const nics = await askNics(ctx, person);
  const appId = await ctx.db.tx(async (q) => {
    await assertTown(q, input.residenceTown, "residenceTown");
    let kind: "new" | "renewal" = "new";
    if (input.renewsCredentialId) {
      const old = await findCredential(q, input.renewsCredentialId);
      if (!old || old.personId !== personId) throw badField("renewsCredentialId", "no such credential of yours");
      if (old.kind !== input.credentialKind)
        throw badField("credentialKind", "a renewal is for the same kind of credential");
      if (old.status !== "active" && old.status !== "expired")
        throw badField("renewsCredentialId", `a ${old.status} credential cannot be renewed`);
      const done = await q.query(
        "SELECT number FROM applications WHERE renews_credential_id = $1 AND status = 'issued'",
        [old.id],
      );
      if (done.length)
        throw badField("renewsCredentialId", `this credential was already renewed (application ${done[0]!.number})`);
      kind = "renewal";
    }
    const open = await q.query(
      "SELECT number FROM applications WHERE person_id = $1 AND credential_kind = $2 AND status IN ('submitted','approvable','needs-review','ineligible')",
      [personId, input.credentialKind],
    );
    if (open.length)
      throw new AppError("conflict", `application ${open[0]!.number} for this credential is still open`, {
        fields: [{ field: "credentialKind", message: "an application for this credential is already open" }],
      });
    const num = await q.query<{ n: number }>("SELECT nextval('application_number_seq') AS n");
    const rows = await q.query<{ id: string }>(
      `INSERT INTO applications (number, person_id, credential_kind, kind, renews_credential_id, channel, status, submitted_on, residence_town,
         attested_no_temporary_permit_in_12_months, citizen_or_lawful_resident, background_check_consent, fee_cents, fee_paid, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,'submitted',$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id::text`,
      [
        `A-${num[0]!.n}`,
        personId,
        input.credentialKind,
        kind,
        input.renewsCredentialId ?? null,
        paper ? "paper" : "online",
        ctx.today,
        input.residenceTown,
        input.attestedNoTemporaryPermitIn12Months ?? null,
        input.citizenOrLawfulResident,
        input.backgroundCheckConsent,
        fee.amountCents,
        input.feePaid,
        user.id,
      ],
    );
    const appId = rows[0]!.id;
    await q.query(
      "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id) VALUES ($1,'submit',NULL,'submitted',$2)",
      [appId, user.id],
    );
    await appendAudit(q, ctx, {
      action: "application.submit",
      entityType: "application",
      entityId: appId,
      details: { credentialKind: input.credentialKind, channel: paper ? "paper" : "online" },
    });
    await checkInTx(ctx, q, appId, person, nics);
    if (inTx) await inTx(q, appId);
    return appId;
  });
  const application = await getApplication(ctx.db, appId);
  return { application, decision: await getDecision(ctx.db, application.latestDecisionId!) };
}

type NicsAnswer = { status: "proceed" | "denied" | "delayed"; transactionNumber: string } | undefined;

/** Asks NICS through its adapter; an outage gives no answer (the check then needs review), never a failure. */
async function askNics(ctx: Ctx, person: Person): Promise<NicsAnswer> {
  try {
    const r = await ctx.adapters.nics.check({
      purpose: "permit",
      person: {
        firstName: person.firstName,
        lastName: person.lastName,
        birthDate: person.birthDate,
        state: person.state,
      },
    });
    return { status: r.status, transactionNumber: r.transactionNumber };
  } catch (e) {
    if (e instanceof NicsUnavailable) return undefined;
    throw e;
  }
}

/**
 * Gathers the facts (records in Stateline, prior applications, NICS through its
 * adapter), asks the rulebook, stores the decision and moves the application:
 * yes → approvable, unknown → needs-review, no → ineligible. Never an automatic denial.
 */
export async function runBackgroundCheck(ctx: Ctx, applicationId: string) {
  const pre = await getApplication(ctx.db, applicationId);
  if (!NEXT[pre.status].includes("check"))
    throw new AppError("conflict", `an application that is ${pre.status} cannot be checked again`);
  const person = await getPerson(ctx.db, pre.personId);
  const nics = await askNics(ctx, person);
  await ctx.db.tx((q) => checkInTx(ctx, q, applicationId, person, nics));
  const application = await getApplication(ctx.db, applicationId);
  return { application, decision: await getDecision(ctx.db, application.latestDecisionId!) };
}

async function checkInTx(
  ctx: Ctx,
  q: Queryable,
  applicationId: string,
  person: Person,
  nics: NicsAnswer,
): Promise<void> {
  const app = await getApplication(q, applicationId);
  if (!NEXT[app.status].includes("check"))
    throw new AppError("conflict", `an application that is ${app.status} cannot be checked again`);
  const facts = await gatherFacts(q, app, person, nics?.status);
  const decision = decide("credential-eligibility", ctx.today, facts);
  const decisionId = await storeDecision(q, decision, facts, { type: "application", id: app.id });
  if (nics)
    await q.query(
      "INSERT INTO nics_checks (transaction_number, purpose, person_id, status) VALUES ($1,'permit',$2,$3)",
      [nics.transactionNumber, person.id, nics.status],
    );
  const to: ApplicationStatus =
    decision.outcome === "yes" ? "approvable" : decision.outcome === "unknown" ? "needs-review" : "ineligible";
  await q.query("UPDATE applications SET status = $2, latest_decision_id = $3 WHERE id = $1", [app.id, to, decisionId]);
  await q.query(
    "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id, decision_id, note) VALUES ($1,'check',$2,$3,$4,$5,$6)",
    [
      app.id,
      app.status,
      to,
      ctx.user?.id ?? null,
      decisionId,
      nics ? `NICS ${nics.status} (${nics.transactionNumber})` : "NICS unavailable; check again when it returns",
    ],
  );
  await appendAudit(q, ctx, {
    action: "application.check",
    entityType: "application",
    entityId: app.id,
    details: { outcome: decision.outcome, decisionId },
  });
}

async function gatherFacts(
  q: Queryable,
  app: Application,
  person: Person,
  nicsStatus: "proceed" | "denied" | "delayed" | undefined,
) {
  const prior = await q.query<{ submitted_on: string }>(
    "SELECT submitted_on FROM applications WHERE person_id = $1 AND credential_kind = 'temporary-state-permit' AND id <> $2 AND submitted_on <= $3",
    [person.id, app.id, app.submittedOn],
  );
  const temp = await q.query(
    "SELECT 1 FROM credentials WHERE person_id = $1 AND kind = 'temporary-state-permit' AND status = 'active'",
    [person.id],
  );
  const renewing = app.kind === "renewal";
  return {
    credential: app.credentialKind,
    // The application is made to the issuing authority of the town the applicant names as the town where they permanently live.
    applicant: {
      birthDate: person.birthDate,
      residenceState: person.state,
      residenceTown: app.residenceTown,
      residenceIsPermanent: true,
      applicationTown: app.residenceTown,
      citizenOrLawfulResident: app.citizenOrLawfulResident,
    },
    ...(app.attestedNoTemporaryPermitIn12Months !== null
      ? { attestedNoTemporaryPermitApplicationIn12Months: app.attestedNoTemporaryPermitIn12Months }
      : {}),
    ...(app.credentialKind === "temporary-state-permit"
      ? { priorTemporaryPermitApplicationDates: prior.map((r) => r.submitted_on) }
      : {}),
    // A renewing state permit holder already holds the permit the temporary one leads to.
    ...(app.credentialKind === "state-handgun-permit" ? { holdsTemporaryPermit: temp.length > 0 || renewing } : {}),
    backgroundCheckConsent: app.backgroundCheckConsent,
    feePaid: app.feePaid,
    recordsChecked: true,
    ...(nicsStatus ? { nics: { status: nicsStatus } } : {}),
    events: await prohibitingEventsOf(q, person.id),
  };
}

/** Staff issue a credential. The law is asked again on the day of issue; "no" cannot be issued. */
export async function issueCredential(
  ctx: Ctx,
  applicationId: string,
  opts: { reviewNote?: string | undefined; confirmations?: ConfirmationInput | undefined },
): Promise<Credential> {
  const user = requireUser(ctx);
  if (!policy.decideApplication(user)) throw forbidden();
  return ctx.db.tx(async (q) => {
    // The items the rulebook leaves to a person are confirmed explicitly, in the issuing transaction.
    // Checked after the law's own checks (status, review note), so those answers come first; a refusal
    // here rolls the issue back with the rest of the transaction.
    const app = await getApplication(q, applicationId);
    // PA 13-3 §§ 57-58: the town's issuing authority decides the temporary state permit for its residents.
    // Where a town has one in Stateline, the state does not issue it in its place. (A read of the
    // local-permits module's table by SQL: that module calls this one, so it cannot be imported here.)
    if (app.credentialKind === "temporary-state-permit") {
      const local = await q.query("SELECT 1 FROM local_authorities WHERE town = $1 LIMIT 1", [app.residenceTown]);
      if (local.length)
        throw new AppError(
          "conflict",
          `${app.residenceTown}'s issuing authority decides the temporary state permit for its residents (PA 13-3 §§ 57-58); it is in that authority's queue`,
        );
    }
    const credential = await issueInTx(ctx, q, user, applicationId, opts);
    await recordConfirmations(q, user, app, opts.confirmations, opts.reviewNote || "confirmed when issuing");
    return credential;
  });
}

/**
 * `issueCredential` inside the caller's transaction, without its role check: for the local-permits
 * module, whose own policy lets a town's issuing authority issue the temporary state permit (§§ 57-58).
 */
export async function issueInTx(
  ctx: Ctx,
  q: Queryable,
  user: User,
  applicationId: string,
  opts: { reviewNote?: string | undefined },
): Promise<Credential> {
  {
    const app = await getApplication(q, applicationId);
    if (!NEXT[app.status].includes("issue"))
      throw new AppError("conflict", `an application that is ${app.status} cannot be issued`);
    const person = await getPerson(q, app.personId);
    const last = await getDecision(q, app.latestDecisionId!);
    const facts = { ...(last.facts as Record<string, unknown>), events: await prohibitingEventsOf(q, person.id) };
    const decision = decide("credential-eligibility", ctx.today, facts);
    if (decision.outcome === "no")
      throw new AppError(
        "conflict",
        `the applicant is not eligible today: ${decision.findings
          .filter((f) => f.status === "not-met")
          .map((f) => f.because)
          .join("; ")}`,
      );
    if (decision.outcome === "unknown" && !opts.reviewNote?.trim()) {
      throw badField(
        "reviewNote",
        `some facts are unknown (${decision.missing.join(", ")}); say how the review resolved them`,
      );
    }
    const decisionId = await storeDecision(q, decision, facts, { type: "application", id: app.id });
    let issuedOn = ctx.today;
    if (app.renewsCredentialId) {
      const old = await getCredential(q, app.renewsCredentialId);
      // A renewal runs on from the old expiry when renewed early.
      if (old.status === "active" && old.expiresOn > ctx.today) {
        // Renewed early: the old credential stays valid until its expiry, when the new one starts.
        issuedOn = old.expiresOn;
        await q.query(
          "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'renewed',$2,$3,$4)",
          [old.id, user.id, ctx.today, JSON.stringify({ byApplication: app.number, newTermStartsOn: issuedOn })],
        );
      } else {
        await q.query("UPDATE credentials SET status = 'superseded' WHERE id = $1 AND status IN ('active','expired')", [
          old.id,
        ]);
        await q.query(
          "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'superseded',$2,$3,$4)",
          [old.id, user.id, ctx.today, JSON.stringify({ byApplication: app.number })],
        );
      }
    }
    const term = credentialTerm(app.credentialKind, issuedOn);
    const seq = await q.query<{ n: number }>("SELECT nextval('credential_number_seq') AS n");
    const number = `${NUMBER_PREFIX[app.credentialKind]}-${seq[0]!.n}`;
    const rows = await q.query(
      `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents, application_id)
       VALUES ($1,$2,$3,'active',$4,$5,$6,$7) RETURNING ${CRED_COLS}`,
      [number, app.personId, app.credentialKind, issuedOn, term.expiresOn, app.feeCents, app.id],
    );
    const cred = toCred(rows[0]!);
    await q.query(
      "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'issued',$2,$3,$4)",
      [
        cred.id,
        user.id,
        ctx.today,
        JSON.stringify({
          term: citationLabel(term.source),
          ...(opts.reviewNote ? { reviewNote: opts.reviewNote } : {}),
        }),
      ],
    );
    if (app.credentialKind === "state-handgun-permit") {
      // The temporary permit has done its work once the state permit issues.
      await q.query(
        "UPDATE credentials SET status = 'superseded' WHERE person_id = $1 AND kind = 'temporary-state-permit' AND status = 'active'",
        [app.personId],
      );
    }
    await q.query("UPDATE applications SET status = 'issued', latest_decision_id = $2 WHERE id = $1", [
      app.id,
      decisionId,
    ]);
    await q.query(
      "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id, decision_id, note) VALUES ($1,'issue',$2,'issued',$3,$4,$5)",
      [app.id, app.status, user.id, decisionId, opts.reviewNote ?? null],
    );
    await notify(
      q,
      person,
      "credential-issued",
      `Your ${CREDENTIAL_NAMES[cred.kind]} was issued`,
      `Credential ${cred.number} was issued on ${cred.issuedOn} and expires on ${cred.expiresOn}.`,
      `issued:${cred.id}`,
    );
    await appendAudit(q, ctx, {
      action: "credential.issue",
      entityType: "credential",
      entityId: cred.id,
      details: { number, applicationId: app.id, decisionId },
    });
    return cred;
  }
}

/** Staff deny an application with a written reason; the letter names the findings and how to appeal. */
export async function denyApplication(ctx: Ctx, applicationId: string, reason: string): Promise<Application> {
  const user = requireUser(ctx);
  if (!policy.decideApplication(user)) throw forbidden();
  await ctx.db.tx((q) => denyInTx(ctx, q, user, applicationId, reason));
  return getApplication(ctx.db, applicationId);
}

/**
 * `denyApplication` inside the caller's transaction, without its role check (for the local-permits
 * module); `deniedBy` names the deciding authority in the letter.
 */
export async function denyInTx(
  ctx: Ctx,
  q: Queryable,
  user: User,
  applicationId: string,
  reason: string,
  deniedBy?: string,
): Promise<void> {
  if (!reason.trim()) throw badField("reason", "a denial needs a written reason");
  {
    const app = await getApplication(q, applicationId);
    if (!NEXT[app.status].includes("deny"))
      throw new AppError("conflict", `an application that is ${app.status} cannot be denied`);
    const person = await getPerson(q, app.personId);
    const decision = app.latestDecisionId ? await getDecision(q, app.latestDecisionId) : undefined;
    const grounds = (decision?.findings ?? [])
      .filter((f) => f.status === "not-met")
      .map((f) => `- ${f.because} (${citationLabel(f.source)})`);
    await q.query("UPDATE applications SET status = 'denied' WHERE id = $1", [app.id]);
    await q.query(
      "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id, note) VALUES ($1,'deny',$2,'denied',$3,$4)",
      [app.id, app.status, user.id, reason],
    );
    await notify(
      q,
      person,
      "application-denied",
      `Your application ${app.number} was denied`,
      [
        ...(deniedBy ? [`Decided by: ${deniedBy}`] : []),
        `Reason: ${reason}`,
        ...(grounds.length ? ["Findings:", ...grounds] : []),
        "You may appeal to the Board of Firearms Permit Examiners within 90 days of this notice (CGS § 29-32b).",
      ].join("\n"),
      `denied:${app.id}`,
    );
    await appendAudit(q, ctx, {
      action: "application.deny",
      entityType: "application",
      entityId: app.id,
      details: { reason, ...(deniedBy ? { deniedBy } : {}) },
    });
  }
}

export async function withdrawApplication(ctx: Ctx, applicationId: string): Promise<Application> {
  const user = requireUser(ctx);
  await ctx.db.tx(async (q) => {
    const app = await getApplication(q, applicationId);
    if (!policy.withdrawApplication(user, app)) throw forbidden();
    if (!NEXT[app.status].includes("withdraw"))
      throw new AppError("conflict", `an application that is ${app.status} cannot be withdrawn`);
    await q.query("UPDATE applications SET status = 'withdrawn' WHERE id = $1", [app.id]);
    await q.query(
      "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id) VALUES ($1,'withdraw',$2,'withdrawn',$3)",
      [app.id, app.status, user.id],
    );
    await appendAudit(q, ctx, { action: "application.withdraw", entityType: "application", entityId: app.id });
  });
  return getApplication(ctx.db, applicationId);
}

// ---------------------------------------------------------------- verification

export type Purpose = "handgun-purchase" | "long-gun-purchase" | "ammunition-purchase" | "magazine-purchase";

interface VerificationRecord {
  number: string;
  kind: CredentialKind;
  status: string;
  issued_on: PlainDate;
  expires_on: PlainDate;
  last_name: string;
  birth_date: PlainDate;
}
const verificationReads = new WeakMap<Queryable, Coalescer<string, VerificationRecord | undefined>>();

/** The credential and holder a verification compares with; concurrent verifications share one read (src/db/batch.ts). */
function verificationRecord(q: Queryable, number: string): Promise<VerificationRecord | undefined> {
  return coalescerFor(verificationReads, q, () =>
    coalesce(async (numbers: string[]) => {
      const rows = await q.query<VerificationRecord>(
        `SELECT c.number, c.kind, c.status, c.issued_on, c.expires_on, p.last_name, p.birth_date
           FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.number = ANY($1::text[])`,
        [numbers],
      );
      const byNumber = new Map(rows.map((r) => [r.number, r]));
      return numbers.map((n) => byNumber.get(n));
    }),
  ).run(number);
}

/**
 * A seller's check at the counter: the credential number, the buyer's name and
 * date of birth, and the purpose. The answer says only whether the credential
 * is valid for that purpose today: nothing else about the holder.
 */
export async function verifyCredential(
  ctx: Ctx,
  input: { credentialNumber: string; lastName: string; birthDate: PlainDate; purpose: Purpose },
): Promise<{ valid: boolean; purpose: Purpose; checkedOn: PlainDate; reference: string }> {
  const user = requireUser(ctx);
  if (!policy.verify(user)) throw forbidden();
  // The read may come from the streaming replica (DATABASE_REPLICA_URL); its audit entry goes to the primary.
  const r = await verificationRecord(readerOf(ctx), input.credentialNumber.trim().toUpperCase());
  const norm = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  let valid = false;
  if (
    r &&
    r.status === "active" &&
    r.issued_on <= ctx.today &&
    ctx.today < r.expires_on &&
    norm(r.last_name) === norm(input.lastName) &&
    r.birth_date === input.birthDate
  ) {
    valid = validForPurpose(r.kind, input.purpose, ctx.today).valid;
  }
  const reference = `V-${ctx.requestId.slice(0, 8).toUpperCase()}`;
  // No explicit transaction on the hottest path: the entry shares one INSERT and one commit with the
  // entries of the verifications answered at the same moment, and the answer waits for that commit.
  await appendAuditGrouped(auditWriterOf(ctx), ctx, {
    action: "credential.verify",
    entityType: "credential-number",
    entityId: input.credentialNumber,
    purpose: input.purpose,
    details: { valid, reference },
  });
  return { valid, purpose: input.purpose, checkedOn: ctx.today, reference };
}

// ---------------------------------------------------------------- prohibiting events, revocation, surrender

export interface ProhibitingEventInput {
  personId: string;
  kind:
    | "conviction"
    | "probate-commitment"
    | "voluntary-admission"
    | "ngri-discharge"
    | "protective-order"
    | "restraining-order"
    | "foreign-order"
    | "firearms-seizure-order"
    | "federal-prohibitor";
  eventOn: PlainDate;
  statute?: string | undefined;
  felony?: boolean | undefined;
  offenseOn?: PlainDate | undefined;
  solelyAlcoholOrDrug?: boolean | undefined;
  expiresOn?: PlainDate | undefined;
  active?: boolean | undefined;
  category?: string | undefined;
  source: string;
  reference?: string | undefined;
}

export interface RevocationOutcome {
  credentialId: string;
  number: string;
  action: "revoked" | "flagged-for-review" | "unaffected";
  surrenderDueOn?: PlainDate;
}

/**
 * Records a prohibiting event and, in the same transaction, re-decides every
 * active credential of the person: "no" revokes it with its reasons and starts
 * the surrender clock; "unknown" flags it for review; the holder is notified.
 */
export async function recordProhibitingEvent(
  ctx: Ctx,
  input: ProhibitingEventInput,
): Promise<{
  eventId: string;
  credentials: RevocationOutcome[];
  sales: { saleId: string; from: string; to: string }[];
}> {
  const user = requireUser(ctx);
  if (!policy.recordProhibitingEvent(user)) throw forbidden();
  if (input.eventOn > ctx.today) throw badField("eventOn", "cannot be in the future");
  if (input.offenseOn && input.offenseOn > input.eventOn && input.kind === "conviction")
    throw badField("offenseOn", "the offense cannot come after the conviction");
  return ctx.db.tx(async (q) => {
    const r = await applyProhibitingEvent(ctx, q, input);
    return { eventId: r.eventId, credentials: r.credentials, sales: r.sales };
  });
}

/**
 * The work of `recordProhibitingEvent` inside the caller's transaction, without its role check
 * (the enforcement module authorizes its feed sources and calls this after a match): stores the
 * event, re-decides every active credential, every pending sale and every open application.
 */
export async function applyProhibitingEvent(
  ctx: Ctx,
  q: Queryable,
  input: ProhibitingEventInput,
): Promise<{
  eventId: string;
  credentials: RevocationOutcome[];
  sales: { saleId: string; from: string; to: string }[];
  applications: ApplicationReassessment[];
}> {
  const user = requireUser(ctx);
  const person = await getPerson(q, input.personId);
  const ev = await q.query<{ id: string }>(
    `INSERT INTO prohibiting_events (person_id, kind, event_on, statute, felony, offense_on, solely_alcohol_or_drug, expires_on, active, category, source, reference, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id::text`,
    [
      person.id,
      input.kind,
      input.eventOn,
      input.statute ?? null,
      input.felony ?? null,
      input.offenseOn ?? null,
      input.solelyAlcoholOrDrug ?? null,
      input.expiresOn ?? null,
      input.active ?? null,
      input.category ?? null,
      input.source,
      input.reference ?? null,
      user.id,
    ],
  );
  const eventId = ev[0]!.id;
  await appendAudit(q, ctx, {
    action: "prohibiting-event.record",
    entityType: "person",
    entityId: person.id,
    details: { eventId, kind: input.kind, source: input.source },
  });
  const trigger = `prohibiting event ${input.kind} on ${input.eventOn}`;
  const outcomes = await reassessHolder(ctx, q, person, trigger, eventId);
  // Pending (delayed) firearm sales of the person are decided again in the same transaction.
  const sales = await reassessPendingSales(ctx, q, person.id, trigger);
  const applications = await reassessOpenApplications(ctx, q, person.id, trigger);
  return { eventId, credentials: outcomes, sales, applications };
}

export interface ApplicationReassessment {
  applicationId: string;
  number: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
}

/**
 * Re-decides every open application of a person against today's records, with the facts of its
 * last check (NICS is not asked again). Added for the enforcement module: a prohibiting event, or
 * one lifted, moves an open application between approvable, needs-review and ineligible. Never denies.
 */
export async function reassessOpenApplications(
  ctx: Ctx,
  q: Queryable,
  personId: string,
  trigger: string,
): Promise<ApplicationReassessment[]> {
  const apps = (await applicationsOfPerson(q, personId)).filter(
    (a) => NEXT[a.status].includes("check") && a.latestDecisionId,
  );
  const events = await prohibitingEventsOf(q, personId);
  const out: ApplicationReassessment[] = [];
  for (const app of apps) {
    const last = await getDecision(q, app.latestDecisionId!);
    const facts = { ...(last.facts as Record<string, unknown>), events };
    const decision = decide("credential-eligibility", ctx.today, facts);
    const to: ApplicationStatus =
      decision.outcome === "yes" ? "approvable" : decision.outcome === "unknown" ? "needs-review" : "ineligible";
    if (to === app.status) continue;
    const decisionId = await storeDecision(q, decision, facts, { type: "application", id: app.id });
    await q.query("UPDATE applications SET status = $2, latest_decision_id = $3 WHERE id = $1", [
      app.id,
      to,
      decisionId,
    ]);
    await q.query(
      "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id, decision_id, note) VALUES ($1,'check',$2,$3,$4,$5,$6)",
      [app.id, app.status, to, ctx.user?.id ?? null, decisionId, `re-decided: ${trigger}`],
    );
    await appendAudit(q, ctx, {
      action: "application.check",
      entityType: "application",
      entityId: app.id,
      details: { outcome: decision.outcome, decisionId, trigger },
    });
    out.push({ applicationId: app.id, number: app.number, from: app.status, to });
  }
  return out;
}

/**
 * Lifts a prohibiting event (a vacated judgment, an expired or withdrawn order, a correction):
 * the event is marked lifted (kept, with when and why; readers of the record leave it out), and pending sales and open applications are re-decided.
 * A credential already revoked is not reinstated here; the revocations that named the event are
 * returned so staff can review them.
 * QUESTION(legal): does a vacated conviction reinstate a permit revoked on it? Read: no automatic
 * reinstatement; the holder may ask staff or appeal to the Board (CGS § 29-32b).
 */
export async function liftProhibitingEvent(
  ctx: Ctx,
  q: Queryable,
  input: { eventId: string; reason: string },
): Promise<{
  revokedOnEvent: { credentialId: string; number: string }[];
  sales: { saleId: string; from: string; to: string }[];
  applications: ApplicationReassessment[];
}> {
  const rows = await q.query(
    "SELECT id::text, person_id::text, kind, event_on, statute, felony, offense_on, solely_alcohol_or_drug, expires_on, active, category, source, reference FROM prohibiting_events WHERE id = $1 AND lifted_at IS NULL FOR UPDATE",
    [input.eventId],
  );
  const ev = rows[0];
  if (!ev) throw notFound("prohibiting event");
  await q.query(
    "UPDATE prohibiting_events SET lifted_at = $2, lifted_reason = $3 WHERE id = $1 AND lifted_at IS NULL",
    [input.eventId, ctx.clock.now().toISOString(), input.reason],
  );
  await appendAudit(q, ctx, {
    action: "prohibiting-event.lift",
    entityType: "person",
    entityId: ev.person_id,
    details: { event: ev, reason: input.reason },
  });
  const trigger = `prohibiting event ${ev.kind} of ${ev.event_on} lifted: ${input.reason}`;
  const sales = await reassessPendingSales(ctx, q, ev.person_id, trigger);
  const applications = await reassessOpenApplications(ctx, q, ev.person_id, trigger);
  const revoked = await q.query(
    "SELECT DISTINCT c.id::text, c.number FROM credential_actions a JOIN credentials c ON c.id = a.credential_id WHERE a.action = 'revoked' AND a.details->>'eventId' = $1 AND c.status = 'revoked'",
    [input.eventId],
  );
  return { revokedOnEvent: revoked.map((r) => ({ credentialId: r.id, number: r.number })), sales, applications };
}

/**
 * The findings that revoke a credential already issued: the disqualifiers that
 * can arise after issue (CGS §§ 29-32, 29-36i, 29-37h, 29-38p). Application-time
 * requirements (age, fee, attestation, consent) do not revoke.
 */
export const REVOCATION_GROUNDS: ReadonlySet<string> = new Set([
  "credentials.felony-conviction",
  "credentials.listed-misdemeanor-conviction",
  "credentials.serious-juvenile-offense",
  "credentials.ngri-discharge",
  "credentials.probate-commitment",
  "credentials.voluntary-admission",
  "credentials.protective-order",
  "credentials.firearms-seizure-order",
  "credentials.federal-prohibitor",
  "credentials.lawful-presence",
]);

/** Re-decides each active credential of a person against today's records. */
export async function reassessHolder(
  ctx: Ctx,
  q: Queryable,
  person: Person,
  trigger: string,
  eventId?: string,
): Promise<RevocationOutcome[]> {
  const creds = (await credentialsOfPerson(q, person.id)).filter((c) => c.status === "active");
  const events = await prohibitingEventsOf(q, person.id);
  const out: RevocationOutcome[] = [];
  for (const c of creds) {
    // Only the holder's records changed: the application-time facts are taken as established.
    const facts = {
      credential: c.kind,
      applicant: {
        birthDate: person.birthDate,
        residenceState: person.state,
        residenceTown: person.town ?? undefined,
        citizenOrLawfulResident: true,
      },
      attestedNoTemporaryPermitApplicationIn12Months: true,
      priorTemporaryPermitApplicationDates: [],
      holdsTemporaryPermit: true,
      backgroundCheckConsent: true,
      feePaid: true,
      recordsChecked: true,
      nics: { status: "proceed" },
      events,
    };
    const decision = decide("credential-eligibility", ctx.today, facts);
    const prohibitors = decision.findings.filter((f) => f.status === "not-met" && REVOCATION_GROUNDS.has(f.id));
    const decisionId = await storeDecision(q, decision, facts, { type: "credential", id: c.id });
    if (decision.outcome === "no" && prohibitors.length) {
      const reasons = prohibitors.map((f) => ({ id: f.id, because: f.because, citation: citationLabel(f.source) }));
      const due = surrenderDeadline(c.kind, ctx.today);
      await q.query(
        "UPDATE credentials SET status = 'revoked', revoked_on = $2, revocation_reasons = $3, surrender_due_on = $4 WHERE id = $1",
        [c.id, ctx.today, JSON.stringify(reasons), due.dueOn],
      );
      await q.query(
        "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'revoked',$2,$3,$4)",
        [
          c.id,
          ctx.user?.id ?? null,
          ctx.today,
          JSON.stringify({
            trigger,
            eventId,
            decisionId,
            reasons,
            surrender: { dueOn: due.dueOn, citation: citationLabel(due.source) },
          }),
        ],
      );
      await notify(
        q,
        person,
        "credential-revoked",
        `Your ${CREDENTIAL_NAMES[c.kind]} ${c.number} is revoked`,
        [
          `Credential ${c.number} was revoked on ${ctx.today}.`,
          "Reasons:",
          ...reasons.map((r) => `- ${r.because} (${r.citation})`),
          `You must surrender it by ${due.dueOn} (${citationLabel(due.source)}). ${lateSurrenderPenalty(c.kind).offense}.`,
          "You may appeal to the Board of Firearms Permit Examiners (CGS § 29-32b).",
        ].join("\n"),
        `revoked:${c.id}`,
      );
      await appendAudit(q, ctx, {
        action: "credential.revoke",
        entityType: "credential",
        entityId: c.id,
        details: { decisionId, surrenderDueOn: due.dueOn },
      });
      out.push({ credentialId: c.id, number: c.number, action: "revoked", surrenderDueOn: due.dueOn });
    } else if (decision.outcome !== "yes") {
      await q.query(
        "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'flagged-for-review',$2,$3,$4)",
        [
          c.id,
          ctx.user?.id ?? null,
          ctx.today,
          JSON.stringify({ trigger, eventId, decisionId, missing: decision.missing }),
        ],
      );
      await appendAudit(q, ctx, {
        action: "credential.flag-for-review",
        entityType: "credential",
        entityId: c.id,
        details: { decisionId },
      });
      out.push({ credentialId: c.id, number: c.number, action: "flagged-for-review" });
    } else {
      out.push({ credentialId: c.id, number: c.number, action: "unaffected" });
    }
  }
  return out;
}

/** Records that a revoked credential was surrendered; late surrenders are flagged with the penalty. */
export async function recordSurrender(ctx: Ctx, credentialId: string, surrenderedOn: PlainDate): Promise<Credential> {
  const user = requireUser(ctx);
  if (!policy.recordSurrender(user)) throw forbidden();
  if (surrenderedOn > ctx.today) throw badField("surrenderedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const c = await getCredential(q, credentialId);
    if (c.status !== "revoked") throw new AppError("conflict", "only a revoked credential is surrendered");
    if (c.surrenderedOn) throw new AppError("conflict", `already surrendered on ${c.surrenderedOn}`);
    if (surrenderedOn < c.revokedOn!) throw badField("surrenderedOn", "cannot be before the revocation");
    const late = c.surrenderDueOn !== null && surrenderedOn > c.surrenderDueOn;
    await q.query(
      "UPDATE credentials SET surrendered_on = $2, late_surrender_flagged_on = CASE WHEN $3::boolean THEN coalesce(late_surrender_flagged_on, $4::date) ELSE late_surrender_flagged_on END WHERE id = $1",
      [c.id, surrenderedOn, late, ctx.today],
    );
    const penalty = lateSurrenderPenalty(c.kind);
    await q.query(
      "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'surrendered',$2,$3,$4)",
      [
        c.id,
        user.id,
        ctx.today,
        JSON.stringify({
          surrenderedOn,
          late,
          ...(late
            ? {
                penalty: penalty.offense,
                classification: penalty.classification,
                citation: citationLabel(penalty.source),
              }
            : {}),
        }),
      ],
    );
    await appendAudit(q, ctx, {
      action: "credential.surrender",
      entityType: "credential",
      entityId: c.id,
      details: { surrenderedOn, late },
    });
    return getCredential(q, c.id);
  });
}

export async function credentialHistory(
  q: Queryable,
  id: string,
): Promise<{ action: string; onDate: string; details: Record<string, unknown>; at: string }[]> {
  const r = await q.query(
    "SELECT action, on_date, details, at FROM credential_actions WHERE credential_id = $1 ORDER BY id",
    [id],
  );
  return r.map((x) => ({ action: x.action, onDate: x.on_date, details: x.details, at: x.at }));
}

// ---------------------------------------------------------------- daily work

async function notify(
  q: Queryable,
  person: Person,
  template: string,
  subject: string,
  body: string,
  dedupeKey: string,
): Promise<void> {
  const channel = person.email ? "email" : "letter";
  const recipient =
    person.email ??
    [
      `${person.firstName} ${person.lastName}`,
      person.street,
      `${person.town ?? ""}, ${person.state} ${person.zip ?? ""}`,
    ]
      .filter(Boolean)
      .join("\n");
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedupe_key) DO NOTHING",
    [channel, person.id, recipient, template, subject, body, dedupeKey],
  );
}

/**
 * The daily sweep: expire credentials past their term, queue renewal notices
 * that are due (90 days before expiry; none for ammunition certificates), and
 * flag revoked credentials not surrendered by their deadline. Safe to run twice.
 */
export async function runDailyJobs(
  ctx: Ctx,
): Promise<{ expired: number; renewalNotices: number; lateSurrenders: number }> {
  const today = ctx.today;
  return ctx.db.tx(async (q) => {
    const expired = await q.query(
      "UPDATE credentials SET status = 'expired' WHERE status = 'active' AND expires_on <= $1 RETURNING id::text",
      [today],
    );
    for (const e of expired)
      await q.query("INSERT INTO credential_actions (credential_id, action, on_date) VALUES ($1,'expired',$2)", [
        e.id,
        today,
      ]);
    // Notices are due when today >= expiry - 90 days; look at credentials expiring within the next 120 days.
    const candidates = await q.query(
      `SELECT ${CRED_COLS} FROM credentials WHERE status = 'active' AND renewal_notice_sent_on IS NULL AND expires_on <= $1
       AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.renews_credential_id = credentials.id AND a.status = 'issued')`,
      [addDays(today, 120)],
    );
    let renewalNotices = 0;
    for (const row of candidates) {
      const c = toCred(row);
      const n = renewalNotice(c.kind, c.expiresOn);
      if (!n.sendOn || n.sendOn > today) continue;
      const person = await getPerson(q, c.personId);
      await notify(
        q,
        person,
        "renewal-notice",
        `Renew your ${CREDENTIAL_NAMES[c.kind]} ${c.number}`,
        `Credential ${c.number} expires on ${c.expiresOn}. Renew online at Stateline before then (${citationLabel(n.source)}).`,
        `renewal:${c.id}:${c.expiresOn}`,
      );
      await q.query("UPDATE credentials SET renewal_notice_sent_on = $2 WHERE id = $1", [c.id, today]);
      await q.query("INSERT INTO credential_actions (credential_id, action, on_date) VALUES ($1,'renewal-notice',$2)", [
        c.id,
        today,
      ]);
      renewalNotices += 1;
    }
    const late = await q.query(
      "UPDATE credentials SET late_surrender_flagged_on = $1 WHERE status = 'revoked' AND surrendered_on IS NULL AND late_surrender_flagged_on IS NULL AND surrender_due_on < $1 RETURNING id::text, kind",
      [today],
    );
    for (const l of late) {
      const p = lateSurrenderPenalty(l.kind);
      await q.query(
        "INSERT INTO credential_actions (credential_id, action, on_date, details) VALUES ($1,'late-surrender-flagged',$2,$3)",
        [
          l.id,
          today,
          JSON.stringify({ penalty: p.offense, classification: p.classification, citation: citationLabel(p.source) }),
        ],
      );
    }
    await appendAudit(q, ctx, {
      action: "jobs.daily",
      details: { today, expired: expired.length, renewalNotices, lateSurrenders: late.length },
    });
    return { expired: expired.length, renewalNotices, lateSurrenders: late.length };
  });
}

/** A prohibiting event as a credential's history names it for staff: what, when and under which statute, never its id. */
export interface EventSummary {
  kind: string;
  eventOn: string;
  statute: string | null;
}

/**
 * The prohibiting events a credential's history refers to (its `eventId` details), by id, so the
 * staff page can say "Protective order of 2026-11-19" instead of showing the event's internal id.
 * Ids that are not events (or not ids) are left out.
 */
export async function eventSummaries(q: Queryable, ids: readonly unknown[]): Promise<Map<string, EventSummary>> {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === "string" && UUID.test(x)))];
  if (!wanted.length) return new Map();
  const rows = await q.query(
    "SELECT id::text AS id, kind, event_on::text AS event_on, statute FROM prohibiting_events WHERE id = ANY($1::uuid[])",
    [wanted],
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      { kind: r.kind as string, eventOn: String(r.event_on), statute: r.statute ?? null },
    ]),
  );
}
