/**
 * Cases opened by another module for a person, without a lead: for example the offender
 * registry's non-compliance clocks (PA 13-3 §§ 18-22), which run as jobs with no signed-in
 * user. The case changes by appended case_actions like every other case.
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { appendAudit } from "../audit/index.ts";

/** Opens a case about a person in the caller's transaction; returns its id and number. */
export async function openCaseForPerson(
  q: Queryable,
  ctx: Pick<Ctx, "user" | "clock" | "requestId" | "today">,
  input: { personId: string; title: string; note?: string; details?: Record<string, unknown> },
): Promise<{ id: string; number: string }> {
  const n = await q.query<{ n: number }>("SELECT nextval('case_number_seq') AS n");
  const number = `C-${n[0]!.n}`;
  const r = await q.query<{ id: string }>(
    "INSERT INTO cases (number, person_id, title, status, opened_on, opened_by) VALUES ($1,$2,$3,'open',$4,$5) RETURNING id::text",
    [number, input.personId, input.title.slice(0, 200), ctx.today, ctx.user?.id ?? null],
  );
  const id = r[0]!.id;
  await q.query("INSERT INTO case_actions (case_id, action, actor_id, note, details) VALUES ($1,'open',$2,$3,$4)", [
    id,
    ctx.user?.id ?? null,
    input.note?.slice(0, 4000) ?? null,
    JSON.stringify(input.details ?? {}),
  ]);
  await appendAudit(q, ctx, { action: "case.open", entityType: "case", entityId: id, details: input.details ?? {} });
  return { id, number };
}
