/**
 * Seizures of firearms and ammunition: risk warrants (PA 13-3 § 33, CGS § 29-38c, ammunition
 * added) and domestic violence investigations (§ 37), the hearing and its outcome, and what
 * becomes of the items: returned, or, when the court adjudges them contraband or a nuisance,
 * destroyed or sold at auction by the State Police (§ 39; § 9 auction buyers of long guns hold a
 * long gun eligibility certificate; § 40 receipts to the General Fund). Stolen ammunition seized
 * with a stolen gun goes back to its rightful owner (§ 41).
 *
 * Status → allowed actions (an appended seizure_actions row for each):
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { addDays, addYears, type PlainDate } from "../../law/core/dates.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { findPerson } from "../people/index.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import { findRecord, findSeizure, type Seizure, type SeizureStatus } from "./queries.ts";
import type { NewSeizure, SeizureAction } from "./schemas.ts";
import { requireUser } from "./tx.ts";

export const SEIZURE_NEXT: Record<SeizureStatus, readonly SeizureAction["action"][]> = {
  held: ["schedule-hearing", "record-outcome", "return", "return-stolen"],
  "hearing-scheduled": ["schedule-hearing", "record-outcome", "return-stolen"],
  "ordered-held": ["return", "return-stolen"],
  "ordered-returned": ["return", "return-stolen"],
  forfeited: ["destroy", "auction", "return-stolen"],
  returned: [],
  destroyed: [],
  auctioned: [],
};

/**
 * Days after a risk-warrant seizure within which the court holds its hearing.
 * QUESTION(legal): the bill analysis does not restate it; CGS § 29-38c(d) sets "not later than
 * fourteen days after the execution of the warrant". Applied to risk warrants only.
 */
export const HEARING_WITHIN_DAYS = 14;

async function act(
  q: Queryable,
  ctx: Ctx,
  s: Seizure,
  action: string,
  to: SeizureStatus,
  details: Record<string, unknown>,
): Promise<void> {
  await q.query(
    "INSERT INTO seizure_actions (seizure_id, action, from_status, to_status, actor_id, on_date, details) VALUES ($1,$2,$3,$4,$5,$6,$7)",
    [s.id, action, s.status, to, ctx.user?.id ?? null, ctx.today, JSON.stringify(details)],
  );
}

/** Records a seizure with its inventory. */
export async function recordSeizure(ctx: Ctx, input: NewSeizure): Promise<Seizure> {
  const user = requireUser(ctx);
  if (!policy.seizures(user)) throw forbidden("only law enforcement and licensing staff record seizures");
  if (input.seizedOn > ctx.today) throw badField("seizedOn", "cannot be after today");
  input.items.forEach((i, n) => {
    if (i.itemKind === "firearm" && i.quantity !== 1) throw badField(`items.${n}.quantity`, "one line per firearm");
    if (i.rightfulOwner && !i.stolen) throw badField(`items.${n}.rightfulOwner`, "only for stolen items");
  });
  return ctx.db.tx(async (q) => {
    if (input.personId && !(await findPerson(q, input.personId))) throw badField("personId", "no such person");
    if (input.feedRecordId) {
      const rec = await findRecord(q, input.feedRecordId);
      if (!rec) throw badField("feedRecordId", "no such record");
      if (input.personId && rec.personId && rec.personId !== input.personId)
        throw badField("feedRecordId", "that record is about another person");
    }
    const n = await q.query<{ n: number }>("SELECT nextval('seizure_number_seq') AS n");
    const hearingDue = input.basis === "risk-warrant" ? addDays(input.seizedOn, HEARING_WITHIN_DAYS) : null;
    const r = await q.query<{ id: string }>(
      `INSERT INTO seizures (number, person_id, feed_record_id, basis, seized_on, agency, status, hearing_due_on, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,'held',$7,$8) RETURNING id::text`,
      [
        `SZ-${n[0]!.n}`,
        input.personId ?? null,
        input.feedRecordId ?? null,
        input.basis,
        input.seizedOn,
        input.agency,
        hearingDue,
        user.id,
      ],
    );
    const id = r[0]!.id;
    for (const i of input.items) {
      await q.query(
        "INSERT INTO seizure_items (seizure_id, item_kind, description, serial_number, quantity, stolen, rightful_owner) VALUES ($1,$2,$3,$4,$5,$6,$7)",
        [id, i.itemKind, i.description, i.serialNumber ?? null, i.quantity, i.stolen, i.rightfulOwner ?? null],
      );
    }
    const s = (await findSeizure(q, id))!;
    await q.query(
      "INSERT INTO seizure_actions (seizure_id, action, from_status, to_status, actor_id, on_date, details) VALUES ($1,'seized',NULL,'held',$2,$3,$4)",
      [
        id,
        user.id,
        ctx.today,
        JSON.stringify({
          basis: input.basis,
          items: input.items.length,
          ...(hearingDue ? { hearingDueOn: hearingDue } : {}),
        }),
      ],
    );
    await appendAudit(q, ctx, {
      action: "enforcement.seizure.record",
      entityType: "seizure",
      entityId: id,
      details: { basis: input.basis, items: input.items.length },
    });
    return s;
  });
}

/** One step in a seizure's life: hearing, outcome, return, destruction, auction, return of stolen items. */
export async function actOnSeizure(ctx: Ctx, id: string, input: SeizureAction): Promise<Seizure> {
  const user = requireUser(ctx);
  if (!policy.seizures(user)) throw forbidden("only law enforcement and licensing staff act on seizures");
  return ctx.db.tx(async (q) => {
    const s = await findSeizure(q, id, true);
    if (!s) throw notFound("seizure");
    if (!SEIZURE_NEXT[s.status].includes(input.action))
      throw new AppError(
        "conflict",
        `a seizure that is ${s.status} allows ${SEIZURE_NEXT[s.status].join(", ") || "nothing more"}`,
        { fields: [{ field: "action", message: "not allowed now" }] },
      );
    let to: SeizureStatus = s.status;
    const details: Record<string, unknown> = { ...input };
    switch (input.action) {
      case "schedule-hearing":
        if (input.hearingOn < s.seizedOn) throw badField("hearingOn", "cannot be before the seizure");
        if (s.hearingDueOn && input.hearingOn > s.hearingDueOn)
          details.warning = `later than the ${HEARING_WITHIN_DAYS} days after the seizure (${s.hearingDueOn}) that CGS § 29-38c(d) allows`;
        to = "hearing-scheduled";
        await q.query("UPDATE seizures SET status = $2, hearing_on = $3 WHERE id = $1", [s.id, to, input.hearingOn]);
        break;
      case "record-outcome": {
        const heard = s.hearingOn ?? ctx.today;
        if (input.outcome === "hold") {
          if (!input.heldUntil) throw badField("heldUntil", "say until when the court ordered the items held");
          if (s.basis === "risk-warrant" && input.heldUntil > addYears(heard, 1))
            throw badField("heldUntil", "a risk-warrant hold lasts at most one year (CGS § 29-38c(e))");
          if (input.heldUntil < heard) throw badField("heldUntil", "cannot be before the hearing");
        } else if (input.heldUntil) throw badField("heldUntil", "only for an order to hold");
        to = input.outcome === "return" ? "ordered-returned" : input.outcome === "hold" ? "ordered-held" : "forfeited";
        if (input.outcome === "forfeit")
          details.citation = "PA 13-3 § 39 (contraband or nuisance: destroyed or sold at auction by the State Police)";
        await q.query("UPDATE seizures SET status = $2, held_until = $3 WHERE id = $1", [
          s.id,
          to,
          input.heldUntil ?? null,
        ]);
        break;
      }
      case "return":
        if (input.on > ctx.today) throw badField("on", "cannot be after today");
        if (s.status === "ordered-held" && s.heldUntil && input.on < s.heldUntil)
          throw badField("on", `the court ordered the items held until ${s.heldUntil}`);
        to = "returned";
        await q.query("UPDATE seizures SET status = $2 WHERE id = $1", [s.id, to]);
        break;
      case "destroy":
      case "auction":
        if (input.on > ctx.today) throw badField("on", "cannot be after today");
        if (
          input.action === "auction" &&
          s.items.some((i) => i.itemKind === "firearm") &&
          !input.buyerCredentialNumber
        ) {
          throw badField(
            "buyerCredentialNumber",
            "a firearm sold at auction goes to a buyer with a long gun eligibility certificate (PA 13-3 § 9)",
          );
        }
        to = input.action === "destroy" ? "destroyed" : "auctioned";
        await q.query("UPDATE seizures SET status = $2 WHERE id = $1", [s.id, to]);
        break;
      case "return-stolen": {
        if (input.on > ctx.today) throw badField("on", "cannot be after today");
        const item = s.items.find((i) => i.id === input.itemId);
        if (!item) throw badField("itemId", "no such item in this seizure");
        if (!item.stolen) throw badField("itemId", "only a stolen item goes back to its rightful owner (§ 41)");
        if (item.returnedToOwnerOn) throw new AppError("conflict", `already returned on ${item.returnedToOwnerOn}`);
        await q.query("UPDATE seizure_items SET returned_to_owner_on = $2, rightful_owner = $3 WHERE id = $1", [
          item.id,
          input.on,
          input.owner,
        ]);
        details.citation = "PA 13-3 § 41";
        break;
      }
    }
    await act(q, ctx, s, input.action, to, details);
    await appendAudit(q, ctx, {
      action: `enforcement.seizure.${input.action}`,
      entityType: "seizure",
      entityId: s.id,
      details: { from: s.status, to },
    });
    return (await findSeizure(q, s.id))!;
  });
}

export const hearingOverdue = (s: Seizure, today: PlainDate) =>
  s.status === "held" && s.hearingDueOn !== null && today > s.hearingDueOn;
