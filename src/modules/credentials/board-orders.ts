/**
 * Orders of the Board of Firearms Permit Examiners that Stateline carries out (CGS § 29-32b;
 * PA 13-3 §§ 60-61): issue the credential a denied application asked for, or restore a revoked
 * credential. Called by the appeals module inside its own transaction; the credential changes
 * by an appended credential_actions row and the applicant is told by the outbox.
 *
 * QUESTION(legal): a restored credential keeps its original expiry date (the Board's order
 * undoes the revocation; it does not start a new five-year term). An issued credential starts
 * its term on the day the order is carried out.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { credentialTerm, type CredentialKind } from "../../law/ct/credentials/index.ts";
import { citationLabel } from "../../law/core/rules.ts";
import { AppError } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { getPerson } from "../people/index.ts";
import { CREDENTIAL_NAMES, getApplication, getCredential, type Credential } from "./service.ts";

// The same prefixes as service.ts uses for new credentials.
const PREFIX: Record<CredentialKind, string> = {
  "temporary-state-permit": "TP",
  "state-handgun-permit": "SP",
  "handgun-eligibility-certificate": "HE",
  "long-gun-eligibility-certificate": "LE",
  "ammunition-certificate": "AC",
};

async function tell(q: Queryable, personId: string, subject: string, body: string, dedupeKey: string) {
  const p = await getPerson(q, personId);
  const recipient =
    p.email ??
    [`${p.firstName} ${p.lastName}`, p.street, `${p.town ?? ""}, ${p.state} ${p.zip ?? ""}`].filter(Boolean).join("\n");
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,'board-order',$4,$5,$6) ON CONFLICT (dedupe_key) DO NOTHING",
    [p.email ? "email" : "letter", p.id, recipient, subject, body, dedupeKey],
  );
}

/**
 * Carries out a Board order in the caller's transaction. `issue`: a denied application gets its
 * credential; `restore`: a revoked credential becomes active again (its expiry unchanged; if
 * that has passed, it is marked expired). Answers the credential.
 */
export async function restoreByBoardOrder(
  ctx: Ctx,
  q: Queryable,
  order:
    | { kind: "issue"; applicationId: string; appealNumber: string }
    | { kind: "restore"; credentialId: string; appealNumber: string },
): Promise<Credential> {
  const actor = ctx.user?.id ?? null;
  const details = { boardOrder: order.appealNumber, citation: "CGS § 29-32b (PA 13-3 §§ 60-61)" };
  if (order.kind === "restore") {
    const c = await getCredential(q, order.credentialId);
    if (c.status !== "revoked")
      throw new AppError("conflict", `credential ${c.number} is ${c.status}, not revoked: nothing to restore`);
    const status = c.expiresOn > ctx.today ? "active" : "expired";
    await q.query(
      "UPDATE credentials SET status = $2, revoked_on = NULL, revocation_reasons = NULL, surrender_due_on = NULL, late_surrender_flagged_on = NULL WHERE id = $1",
      [c.id, status],
    );
    await q.query(
      "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'restored-by-board-order',$2,$3,$4)",
      [c.id, actor, ctx.today, JSON.stringify(details)],
    );
    await tell(
      q,
      c.personId,
      `Your ${CREDENTIAL_NAMES[c.kind]} ${c.number} is restored`,
      `By order of the Board of Firearms Permit Examiners (appeal ${order.appealNumber}), credential ${c.number} is restored${status === "active" ? ` and valid until ${c.expiresOn}` : `; it expired on ${c.expiresOn}, so renew it`}.`,
      `board-restore:${c.id}:${order.appealNumber}`,
    );
    await appendAudit(q, ctx, {
      action: "credential.restore-by-board-order",
      entityType: "credential",
      entityId: c.id,
      details,
    });
    return getCredential(q, c.id);
  }
  const app = await getApplication(q, order.applicationId);
  if (app.status !== "denied")
    throw new AppError("conflict", `application ${app.number} is ${app.status}, not denied: nothing to issue by order`);
  const term = credentialTerm(app.credentialKind, ctx.today);
  const seq = await q.query<{ n: number }>("SELECT nextval('credential_number_seq') AS n");
  const number = `${PREFIX[app.credentialKind]}-${seq[0]!.n}`;
  const rows = await q.query<{ id: string }>(
    "INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents, application_id) VALUES ($1,$2,$3,'active',$4,$5,$6,$7) RETURNING id::text",
    [number, app.personId, app.credentialKind, ctx.today, term.expiresOn, app.feeCents, app.id],
  );
  const id = rows[0]!.id;
  await q.query(
    "INSERT INTO credential_actions (credential_id, action, actor_id, on_date, details) VALUES ($1,'issued-by-board-order',$2,$3,$4)",
    [id, actor, ctx.today, JSON.stringify({ ...details, term: citationLabel(term.source) })],
  );
  await q.query("UPDATE applications SET status = 'issued' WHERE id = $1", [app.id]);
  await q.query(
    "INSERT INTO application_actions (application_id, action, from_status, to_status, actor_id, note) VALUES ($1,'issue-by-board-order','denied','issued',$2,$3)",
    [app.id, actor, `Board of Firearms Permit Examiners, appeal ${order.appealNumber}`],
  );
  await tell(
    q,
    app.personId,
    `Your ${CREDENTIAL_NAMES[app.credentialKind]} was issued by order of the Board`,
    `By order of the Board of Firearms Permit Examiners (appeal ${order.appealNumber}), credential ${number} was issued on ${ctx.today} and expires on ${term.expiresOn}.`,
    `board-issue:${app.id}:${order.appealNumber}`,
  );
  await appendAudit(q, ctx, {
    action: "credential.issue-by-board-order",
    entityType: "credential",
    entityId: id,
    details: { ...details, applicationId: app.id },
  });
  return getCredential(q, id);
}

/** A denial or revocation a person may appeal to the Board, with the decision's findings attached. */
export interface AppealableAction {
  subjectType: "application" | "credential";
  subjectId: string;
  subjectNumber: string;
  personId: string;
  credentialKind: CredentialKind;
  action: "denial" | "revocation";
  actionOn: string;
  reason: string | null;
  findings: { id: string; because: string; citation: string }[];
}

/**
 * The denials and revocations of one person (or one of them by id), newest first, each with
 * the findings that made it: what the appeals module attaches to an appeal filed from a letter.
 */
export async function appealableActionsOf(q: Queryable, personId: string): Promise<AppealableAction[]> {
  const denied = await q.query(
    `SELECT a.id::text, a.number, a.person_id::text, a.credential_kind, d.findings,
            (SELECT x.note FROM application_actions x WHERE x.application_id = a.id AND x.action = 'deny' ORDER BY x.id DESC LIMIT 1) AS reason,
            -- The day of the denial as the service's clock saw it (its audit entry), else the action's row time.
            coalesce((SELECT (l.at AT TIME ZONE 'America/New_York')::date::text FROM audit_log l WHERE l.entity_type = 'application' AND l.entity_id = a.id::text AND l.action = 'application.deny' ORDER BY l.seq DESC LIMIT 1),
                     (SELECT (x.at AT TIME ZONE 'America/New_York')::date::text FROM application_actions x WHERE x.application_id = a.id AND x.action = 'deny' ORDER BY x.id DESC LIMIT 1)) AS denied_on
       FROM applications a LEFT JOIN decisions d ON d.id = a.latest_decision_id
      WHERE a.person_id = $1 AND a.status = 'denied'`,
    [personId],
  );
  const revoked = await q.query(
    "SELECT id::text, number, person_id::text, kind, revoked_on::text, revocation_reasons FROM credentials WHERE person_id = $1 AND status = 'revoked'",
    [personId],
  );
  const out: AppealableAction[] = [
    ...denied.map((r): AppealableAction => ({
      subjectType: "application",
      subjectId: r.id,
      subjectNumber: r.number,
      personId: r.person_id,
      credentialKind: r.credential_kind,
      action: "denial",
      actionOn: r.denied_on,
      reason: r.reason,
      findings: (
        (r.findings ?? []) as {
          id: string;
          status: string;
          because: string;
          source: Parameters<typeof citationLabel>[0];
        }[]
      )
        .filter((f) => f.status === "not-met")
        .map((f) => ({ id: f.id, because: f.because, citation: citationLabel(f.source) })),
    })),
    ...revoked.map((r): AppealableAction => ({
      subjectType: "credential",
      subjectId: r.id,
      subjectNumber: r.number,
      personId: r.person_id,
      credentialKind: r.kind,
      action: "revocation",
      actionOn: r.revoked_on,
      reason: null,
      findings: (r.revocation_reasons ?? []) as AppealableAction["findings"],
    })),
  ];
  return out.sort((a, b) => (a.actionOn < b.actionOn ? 1 : a.actionOn > b.actionOn ? -1 : 0));
}
