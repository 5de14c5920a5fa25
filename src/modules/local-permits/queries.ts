/** The local-permits module's own SQL: `local_authorities` and `local_permit_actions` (migration 021). */
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import type { Office } from "./schemas.ts";

export interface Authority {
  userId: string;
  town: string;
  office: Office;
}

export async function findAuthority(q: Queryable, userId: string): Promise<Authority | undefined> {
  const r = await q.query("SELECT user_id::text, town, office FROM local_authorities WHERE user_id = $1", [userId]);
  return r[0] ? { userId: r[0].user_id, town: r[0].town, office: r[0].office } : undefined;
}

export async function upsertAuthority(q: Queryable, a: Authority): Promise<void> {
  await q.query(
    `INSERT INTO local_authorities (user_id, town, office) VALUES ($1,$2,$3)
     ON CONFLICT (user_id) DO UPDATE SET town = $2, office = $3`,
    [a.userId, a.town, a.office],
  );
}

export type ActionKind = "approve" | "deny" | "forward" | "flag-local-overdue" | "flag-state-overdue";

export interface LocalPermitAction {
  id: number;
  applicationId: string;
  town: string;
  action: ActionKind;
  onDate: PlainDate;
  dueOn: PlainDate | null;
  actorId: string | null;
  actor: string | null;
  reasons: string | null;
  credentialId: string | null;
  stateApplicationId: string | null;
  at: string;
}

const COLS = `x.id, x.application_id::text, x.town, x.action, x.on_date, x.due_on, x.actor_id::text, u.display_name, x.reasons,
  x.credential_id::text, x.state_application_id::text, x.at`;
const toAction = (r: Record<string, any>): LocalPermitAction => ({
  id: Number(r.id),
  applicationId: r.application_id,
  town: r.town,
  action: r.action,
  onDate: r.on_date,
  dueOn: r.due_on,
  actorId: r.actor_id,
  actor: r.display_name,
  reasons: r.reasons,
  credentialId: r.credential_id,
  stateApplicationId: r.state_application_id,
  at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
});

/** Appends one action; false when that action was already recorded for the application. */
export async function insertAction(
  q: Queryable,
  a: {
    applicationId: string;
    town: string;
    action: ActionKind;
    onDate: PlainDate;
    dueOn?: PlainDate | null;
    actorId?: string | null;
    reasons?: string | null;
    credentialId?: string | null;
    stateApplicationId?: string | null;
  },
): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO local_permit_actions (application_id, town, action, on_date, due_on, actor_id, reasons, credential_id, state_application_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (application_id, action) DO NOTHING RETURNING id`,
    [
      a.applicationId,
      a.town,
      a.action,
      a.onDate,
      a.dueOn ?? null,
      a.actorId ?? null,
      a.reasons ?? null,
      a.credentialId ?? null,
      a.stateApplicationId ?? null,
    ],
  );
  return r.length > 0;
}

export async function actionsFor(q: Queryable, applicationIds: readonly string[]): Promise<LocalPermitAction[]> {
  if (!applicationIds.length) return [];
  const r = await q.query(
    `SELECT ${COLS} FROM local_permit_actions x LEFT JOIN users u ON u.id = x.actor_id
     WHERE x.application_id = ANY($1::uuid[]) ORDER BY x.id`,
    [[...applicationIds]],
  );
  return r.map(toAction);
}

/** The applications a town's authority has decided, newest first. */
export async function decidedInTown(q: Queryable, town: string, limit: number): Promise<string[]> {
  const r = await q.query<{ application_id: string }>(
    `SELECT application_id::text FROM local_permit_actions WHERE town = $1 AND action IN ('approve','deny')
     ORDER BY at DESC, id DESC LIMIT $2`,
    [town, limit],
  );
  return r.map((x) => x.application_id);
}

/** Applications handed to the state, newest first (optionally one town). */
export async function forwarded(q: Queryable, limit: number): Promise<string[]> {
  const r = await q.query<{ application_id: string }>(
    `SELECT application_id::text FROM local_permit_actions WHERE action = 'forward' ORDER BY on_date DESC, id DESC LIMIT $1`,
    [limit],
  );
  return r.map((x) => x.application_id);
}

/** Approved applications not yet handed to the state (the forwarding job's work). */
export async function approvedNotForwarded(q: Queryable): Promise<{ applicationId: string; actorId: string }[]> {
  const r = await q.query(
    `SELECT a.application_id::text, a.actor_id::text FROM local_permit_actions a
     WHERE a.action = 'approve' AND NOT EXISTS (
       SELECT 1 FROM local_permit_actions f WHERE f.application_id = a.application_id AND f.action = 'forward')
     ORDER BY a.id`,
  );
  return r.map((x) => ({ applicationId: x.application_id, actorId: x.actor_id }));
}
