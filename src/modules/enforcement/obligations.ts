/**
 * The § 34 obligation (CGS § 29-36k as amended by PA 13-3 § 34): not later than two business days
 * after the event that makes a person ineligible, transfer firearms and ammunition to an eligible
 * person or surrender them to the DESPP commissioner. Stateline lists what the records say the
 * person owns, takes proof of transfer (the transferee's eligibility checked) or surrender
 * receipts, sends the notice and a reminder, and escalates to a police case when the clock runs out.
 *
 * Status → allowed actions:
 *   open      → transfer, surrender, (sweep: reminder, overdue → escalated), lift
 *   overdue   → transfer, surrender, (sweep: escalated), lift
 *   escalated → transfer, surrender, lift      (the case stays with the police)
 *   complied, lifted → none
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { addBusinessDays } from "../../law/core/calendar.ts";
import { addYears, type PlainDate } from "../../law/core/dates.ts";
import { citationLabel } from "../../law/core/rules.ts";
import { transferDeadlineOnIneligibility } from "../../law/ct/criminal-possession/transfer-deadline.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { purchasesOf } from "../ammunition/index.ts";
import { appendAudit } from "../audit/index.ts";
import { verifyCredential } from "../credentials/index.ts";
import { openCaseForPerson } from "../leads/index.ts";
import { getPerson } from "../people/index.ts";
import { firearmsAcquiredBy } from "../sales/index.ts";
import { obligationNotice, obligationReminder, queueNotice } from "./notices.ts";
import { enforcementPolicy as policy } from "./policy.ts";
import {
  findObligation,
  type Holdings,
  type Obligation,
  type ObligationStatus,
  OBL_COLS,
  toObligation,
} from "./queries.ts";
import type { MarkedRegistration } from "./registrations.ts";
import type { CompliancePayload } from "./schemas.ts";
import { inTx, requireUser } from "./tx.ts";

export const OBLIGATION_NEXT: Record<ObligationStatus, readonly string[]> = {
  open: ["transfer", "surrender", "lift"],
  overdue: ["transfer", "surrender", "lift"],
  escalated: ["transfer", "surrender", "lift"],
  complied: [],
  lifted: [],
};

/** How far back ammunition purchases count as "what the records say they own". */
// QUESTION(legal): the records cannot show ammunition used up; we list purchases of the last five years.
const AMMUNITION_LOOKBACK_YEARS = 5;

/** What the sale records, registrations and ammunition purchases say the person owns. */
export async function gatherHoldings(
  q: Queryable,
  personId: string,
  today: PlainDate,
  registrations: readonly MarkedRegistration[],
): Promise<Holdings> {
  const guns = await firearmsAcquiredBy(q, personId);
  const ammo = await purchasesOf(q, personId, addYears(today, -AMMUNITION_LOOKBACK_YEARS), today);
  return {
    firearms: guns.map((g) => ({
      source: "sale" as const,
      reference: g.saleNumber,
      description: [g.firearmClass, g.make, g.model, g.caliber].filter(Boolean).join(" "),
      serialNumber: g.serialNumber,
      on: g.saleOn,
    })),
    ammunition: {
      purchases: ammo.length,
      rounds: ammo.reduce((s, p) => s + p.rounds, 0),
      lastOn: ammo.at(-1)?.soldOn ?? null,
    },
    registrations: registrations
      .filter((r) => r.obligationId !== null)
      .map((r) => ({
        reference: r.number ?? r.registrationId,
        kind: "registration",
        description: `registration ${r.number ?? r.registrationId} (surrender due ${r.dueOn})`,
      })),
  };
}

async function act(
  q: Queryable,
  ctx: Ctx,
  o: { id: string },
  name: string,
  details: Record<string, unknown>,
): Promise<void> {
  await q.query(
    "INSERT INTO obligation_actions (obligation_id, action, actor_id, on_date, details) VALUES ($1,$2,$3,$4,$5)",
    [o.id, name, ctx.user?.id ?? null, ctx.today, JSON.stringify(details)],
  );
}

/**
 * Opens the obligation for a matched record, with its deadline from the rulebook and the notice.
 * QUESTION(legal): the clock runs from the event (the conviction, the order), not from the day
 * Stateline learns of it; a record that arrives after the deadline opens an obligation already
 * due, and the next sweep escalates it to the police, who decide what to do.
 */
export async function openObligation(
  ctx: Ctx,
  q: Queryable,
  input: { recordId: string; personId: string; eventOn: PlainDate; holdings: Holdings; decisionId: string },
): Promise<Obligation> {
  // Events before the § 29-36k duty was modelled (4 April 2013) are given the two business days from the day Stateline learns of them.
  const from = input.eventOn >= "2013-04-04" ? input.eventOn : ctx.today;
  const rule = transferDeadlineOnIneligibility(from);
  // QUESTION(legal): CGS § 29-36k's two business days name handguns (and, from 2013-10-01,
  // ammunition). We apply the same deadline to every firearm the records show, since possession of
  // any firearm by the person is now a crime (CGS § 53a-217, PA 13-3 § 44); `covers` says so.
  const armed =
    input.holdings.firearms.length > 0 ||
    input.holdings.registrations.length > 0 ||
    input.holdings.indicated?.firearms === true;
  const n = await q.query<{ n: number }>("SELECT nextval('surrender_obligation_number_seq') AS n");
  const rows = await q.query(
    `INSERT INTO surrender_obligations (number, person_id, feed_record_id, event_on, opened_on, due_on, covers, holdings, armed, status, decision_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open',$10) RETURNING ${OBL_COLS}`,
    [
      `OB-${n[0]!.n}`,
      input.personId,
      input.recordId,
      from,
      ctx.today,
      rule.deadline,
      JSON.stringify(["firearms", ...rule.appliesTo]),
      JSON.stringify(input.holdings),
      armed,
      input.decisionId,
    ],
  );
  const o = toObligation(rows[0]!);
  await act(q, ctx, o, "opened", {
    dueOn: o.dueOn,
    citation: citationLabel(rule.source),
    businessDays: rule.businessDays,
    armed,
  });
  const person = await getPerson(q, input.personId);
  await queueNotice(q, person, obligationNotice(o, citationLabel(rule.source)));
  await act(q, ctx, o, "notice", { channel: person.email ? "email" : "letter" });
  await appendAudit(q, ctx, {
    action: "enforcement.obligation.open",
    entityType: "obligation",
    entityId: o.id,
    details: { personId: input.personId, dueOn: o.dueOn, armed },
  });
  return o;
}

/** Closes the record's live obligations as lifted. */
export async function liftObligationsOfRecord(
  ctx: Ctx,
  q: Queryable,
  recordId: string,
  reason: string,
): Promise<string[]> {
  const rows = await q.query<{ id: string; number: string }>(
    "UPDATE surrender_obligations SET status = 'lifted', closed_on = $2 WHERE feed_record_id = $1 AND status IN ('open','overdue','escalated') RETURNING id::text, number",
    [recordId, ctx.today],
  );
  for (const r of rows) {
    await act(q, ctx, r, "lifted", { reason });
    await appendAudit(q, ctx, {
      action: "enforcement.obligation.lift",
      entityType: "obligation",
      entityId: r.id,
      details: { reason },
    });
  }
  return rows.map((r) => r.number);
}

/**
 * Records a proof of transfer or a surrender receipt. For a transfer to a person, the
 * transferee's credential is verified today for the purpose (a handgun purchase for firearms, an
 * ammunition purchase for ammunition only): an ineligible transferee is refused as proof.
 * `final` says the proof covers everything left: the obligation is then complied.
 */
export async function recordCompliance(
  ctx: Ctx,
  obligationId: string,
  input: CompliancePayload,
): Promise<{ obligation: Obligation; late: boolean; transfereeCheck: { valid: boolean; reference: string } | null }> {
  const user = requireUser(ctx);
  if (!policy.recordCompliance(user))
    throw forbidden("only licensing staff and law enforcement record transfers and surrenders");
  const on = input.kind === "transfer" ? input.transferredOn : input.surrenderedOn;
  if (on > ctx.today)
    throw badField(input.kind === "transfer" ? "transferredOn" : "surrenderedOn", "cannot be after today");
  return ctx.db.tx(async (q) => {
    const c = inTx(ctx, q);
    const o = await findObligation(q, obligationId, true);
    if (!o) throw notFound("obligation");
    if (!OBLIGATION_NEXT[o.status].includes(input.kind))
      throw new AppError("conflict", `an obligation that is ${o.status} takes no more proofs`);
    if (on < o.eventOn)
      throw badField(
        input.kind === "transfer" ? "transferredOn" : "surrenderedOn",
        `cannot be before the event (${o.eventOn})`,
      );
    let transfereeCheck: { valid: boolean; reference: string } | null = null;
    if (input.kind === "transfer" && input.transferee.kind === "person") {
      const firearms = input.items.some((i) => i.itemKind === "firearm");
      const v = await verifyCredential(c, {
        credentialNumber: input.transferee.credentialNumber,
        lastName: input.transferee.lastName,
        birthDate: input.transferee.birthDate,
        purpose: firearms ? "handgun-purchase" : "ammunition-purchase",
      });
      transfereeCheck = { valid: v.valid, reference: v.reference };
      if (!v.valid)
        throw new AppError(
          "conflict",
          `the transferee's credential is not valid for ${firearms ? "a handgun" : "ammunition"} today (check ${v.reference}): this is not proof of a lawful transfer`,
          { fields: [{ field: "transferee.credentialNumber", message: "not valid for this transfer today" }] },
        );
      const self = await getPerson(q, o.personId);
      if (
        self.lastName.toLowerCase() === input.transferee.lastName.toLowerCase() &&
        self.birthDate === input.transferee.birthDate
      )
        throw badField("transferee", "the transferee must be another person");
    }
    const late = on > o.dueOn;
    await act(q, ctx, o, input.kind, { ...input, late, ...(transfereeCheck ? { transfereeCheck } : {}) });
    let status: ObligationStatus = o.status;
    if (input.final) {
      status = "complied";
      await q.query("UPDATE surrender_obligations SET status = 'complied', closed_on = $2 WHERE id = $1", [
        o.id,
        ctx.today,
      ]);
      await act(q, ctx, o, "complied", { late, ...(o.caseId ? { caseId: o.caseId } : {}) });
    }
    await appendAudit(q, ctx, {
      action: `enforcement.obligation.${input.kind}`,
      entityType: "obligation",
      entityId: o.id,
      details: { late, final: input.final, status },
    });
    return { obligation: (await findObligation(q, o.id))!, late, transfereeCheck };
  });
}

/**
 * The sweep (a recurring job; safe to run twice): reminders on the first business day after the
 * event, overdue obligations escalated to a police case the day after the deadline, and orders
 * past their expiry lifted.
 */
export async function sweepObligations(ctx: Ctx, q: Queryable): Promise<{ reminders: number; escalated: number }> {
  const due = await q.query(
    `SELECT ${OBL_COLS} FROM surrender_obligations WHERE status = 'open' AND reminder_sent_on IS NULL AND due_on >= $1 FOR UPDATE`,
    [ctx.today],
  );
  let reminders = 0;
  for (const row of due) {
    const o = toObligation(row);
    if (addBusinessDays(o.eventOn, 1) > ctx.today) continue;
    await queueNotice(q, await getPerson(q, o.personId), obligationReminder(o));
    await q.query("UPDATE surrender_obligations SET reminder_sent_on = $2 WHERE id = $1", [o.id, ctx.today]);
    await act(q, ctx, o, "reminder", { dueOn: o.dueOn });
    reminders += 1;
  }
  const overdue = await q.query(
    `SELECT ${OBL_COLS} FROM surrender_obligations WHERE status IN ('open','overdue') AND due_on < $1 ORDER BY due_on FOR UPDATE`,
    [ctx.today],
  );
  for (const row of overdue) {
    const o = toObligation(row);
    if (o.status === "open") await act(q, ctx, o, "overdue", { dueOn: o.dueOn });
    const items = [
      ...o.holdings.firearms.map((f) => f.description),
      ...o.holdings.registrations.map((r) => r.description),
      ...(o.holdings.ammunition.purchases ? [`${o.holdings.ammunition.rounds} rounds of ammunition`] : []),
      ...(o.holdings.indicated
        ? [
            `${[o.holdings.indicated.firearms ? "firearms" : "", o.holdings.indicated.ammunition ? "ammunition" : ""].filter(Boolean).join(" and ")} indicated in ${o.holdings.indicated.by}`,
          ]
        : []),
    ];
    const kase = await openCaseForPerson(q, ctx, {
      personId: o.personId,
      title: `§ 34 transfer or surrender overdue (obligation ${o.number}, due ${o.dueOn})`,
      note: `No proof of transfer or surrender by ${o.dueOn}. Records show: ${items.join("; ") || "firearms or ammunition"}.`,
      details: { obligationId: o.id, obligationNumber: o.number, dueOn: o.dueOn, feedRecordId: o.feedRecordId },
    });
    await q.query("UPDATE surrender_obligations SET status = 'escalated', case_id = $2 WHERE id = $1", [o.id, kase.id]);
    await act(q, ctx, o, "escalated", { caseId: kase.id, caseNumber: kase.number });
    await appendAudit(q, ctx, {
      action: "enforcement.obligation.escalate",
      entityType: "obligation",
      entityId: o.id,
      details: { caseId: kase.id },
    });
  }
  return { reminders, escalated: overdue.length };
}
