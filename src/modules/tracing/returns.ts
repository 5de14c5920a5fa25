/**
 * § 41 (PA 13-3): the police must return stolen ammunition seized or recovered with a stolen gun
 * to its rightful owner. A trace of a gun reported stolen is flagged for return, naming the owner
 * from the theft report, with the ammunition recovered with it; recording the return closes it.
 *
 * QUESTION(legal): § 41 speaks of ammunition recovered with a stolen gun; returning the gun itself
 * follows existing law on stolen property. Both are flagged together here. A gun still needed as
 * evidence is returned when released; the flag stays until a return is recorded.
 */
import type { Ctx } from "../../context.ts";
import { type PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { purposeLine, type ReadPurpose } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import { findPerson } from "../people/index.ts";
import { tracingPolicy } from "./policy.ts";
import { appendTraceAction, findTrace, RETURN_CITATION } from "./service.ts";

export { RETURN_CITATION, flagReturnIfStolen } from "./service.ts";

function requireReturns(ctx: Ctx): string {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  if (!tracingPolicy.returns(ctx.user)) throw forbidden("returns of stolen property are recorded by the police");
  return ctx.user.id;
}

/** Stolen property flagged for return, with the owner's record (name and address): the purpose is audited. */
export async function listReturns(ctx: Ctx, status: "flagged" | "returned", purpose: ReadPurpose) {
  requireReturns(ctx);
  const r = await ctx.db.query<{ id: string }>(
    "SELECT id::text FROM traces WHERE return_status = $1 ORDER BY recovered_on DESC LIMIT 500",
    [status],
  );
  const items = [];
  for (const { id } of r) {
    const t = (await findTrace(ctx.db, id))!;
    const owner = t.returnOwnerPersonId ? await findPerson(ctx.db, t.returnOwnerPersonId) : undefined;
    items.push({
      traceId: t.id,
      traceNumber: t.number,
      firearm: t.firearm,
      recoveredOn: t.recovery.date,
      town: t.recovery.town,
      ammunitionRecovered: t.recovery.ammunitionRecovered,
      owner: owner
        ? {
            personId: owner.id,
            firstName: owner.firstName,
            lastName: owner.lastName,
            street: owner.street,
            town: owner.town,
          }
        : null,
      status: t.returnStatus,
      citation: RETURN_CITATION,
    });
  }
  await appendAudit(ctx.db, ctx, {
    action: "tracing.returns.read",
    entityType: "trace",
    purpose: purposeLine(purpose),
    details: { shown: items.map((i) => i.traceId) },
  });
  return items;
}

/** Records that the flagged property was returned to its owner. */
export async function recordReturn(
  ctx: Ctx,
  traceId: string,
  input: { returnedOn: PlainDate; note?: string | undefined },
) {
  const actor = requireReturns(ctx);
  if (input.returnedOn > ctx.today) throw badField("returnedOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const t = await findTrace(q, traceId, true);
    if (!t) throw notFound("trace");
    if (t.returnStatus !== "flagged")
      throw new AppError(
        "conflict",
        t.returnStatus === "returned" ? "the return is already recorded" : "this trace is not flagged for return",
      );
    if (input.returnedOn < t.recovery.date) throw badField("returnedOn", "cannot be before the recovery");
    await q.query("UPDATE traces SET return_status = 'returned' WHERE id = $1", [traceId]);
    await appendTraceAction(q, traceId, "record-return", "flagged", "returned", actor, {
      citation: RETURN_CITATION,
      returnedOn: input.returnedOn,
      note: input.note ?? null,
      ownerPersonId: t.returnOwnerPersonId,
    });
    await appendAudit(q, ctx, {
      action: "tracing.return.record",
      entityType: "trace",
      entityId: traceId,
      details: { returnedOn: input.returnedOn },
    });
    return (await findTrace(q, traceId))!;
  });
}
