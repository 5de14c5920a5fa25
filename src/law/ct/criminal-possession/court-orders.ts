/**
 * Restraining, protective and foreign protective orders, and firearms seizure
 * orders.
 *
 * OLR analysis, §§ 44-45 (existing law for both crimes, kept by the bill and
 * extended to ammunition): a person commits the crime when he or she possesses
 * the weapon and "knows he or she is the subject of a restraining or
 * protective order in certain cases or a firearms seizure order after notice
 * and a hearing opportunity".
 *
 * QUESTION(legal): the shared event shape carries neither the person's
 * knowledge of the order, nor whether it issued after notice and a hearing,
 * nor whether the case involved the use or threat of physical force ("in
 * certain cases"). We treat an order in force on the date as prohibiting and
 * list those elements in the decision's `elementsAssumed`, for a prosecutor or
 * reviewer to establish.
 *
 * `active` is read as "in force on the date asked about". An order whose dates
 * exclude that date but which is reported active is a conflict: unknown.
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import { type CourtOrderEvent, eventsOfKind, type FirearmsSeizureOrderEvent, type PersonEvent } from "./events.ts";
import { type EventVerdict, type ProhibitorContext, combine, prohibitorId } from "./prohibitor.ts";
import { FIREARM_POSSESSION, HANDGUN_POSSESSION, statuteSource } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export const ORDER_ELEMENTS_ASSUMED = [
  "the person knows of the order",
  "a restraining or protective order was issued after notice and an opportunity to be heard, in a case involving the use, attempted use or threatened use of physical force",
] as const;
export const SEIZURE_ORDER_ELEMENTS_ASSUMED = [
  "the firearms seizure order followed notice and an opportunity for a hearing",
] as const;

function inForceOn(
  issued: PlainDate | undefined,
  expires: PlainDate | undefined,
  active: boolean | undefined,
  on: PlainDate,
  p: string,
  issuedKey: string,
): { inForce: boolean | "unknown"; why: string; missing?: string[] } {
  const excluded = (issued !== undefined && issued > on) || (expires !== undefined && expires < on);
  if (excluded && active === true) {
    return {
      inForce: "unknown",
      why: `reported active but its dates (${issued ?? "?"} to ${expires ?? "?"}) do not cover ${on}`,
      missing: [`${p}.active`, `${p}.${issuedKey}`],
    };
  }
  if (excluded) return { inForce: false, why: `its dates (${issued ?? "?"} to ${expires ?? "?"}) do not cover ${on}` };
  if (active === undefined)
    return { inForce: "unknown", why: "not known whether it is in force", missing: [`${p}.active`] };
  return { inForce: active, why: active ? "in force" : "not in force" };
}

export function protectiveOrRestrainingOrder(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "protective-order");
  const source = statuteSource(ctx.statute, ctx.on);
  const verdicts: EventVerdict[] = eventsOfKind(events, ["protective-order", "restraining-order", "foreign-order"]).map(
    ({ event: e, index }: { event: CourtOrderEvent; index: number }) => {
      const r = inForceOn(e.issuedOn, e.expiresOn, e.active, ctx.on, `${ctx.eventsPath}[${index}]`, "issuedOn");
      return {
        prohibits: r.inForce,
        because: `${e.kind}${e.issuedOn ? ` issued ${e.issuedOn}` : ""}: ${r.why}`,
        ...(r.missing ? { missing: r.missing } : {}),
      };
    },
  );
  return combine(id, source, "restraining or protective orders", verdicts, "the order's expiry or vacatur");
}

export function firearmsSeizureOrder(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "firearms-seizure-order");
  const source = statuteSource(ctx.statute, ctx.on);
  const verdicts: EventVerdict[] = eventsOfKind(events, ["firearms-seizure-order"]).map(
    ({ event: e, index }: { event: FirearmsSeizureOrderEvent; index: number }) => {
      const r = inForceOn(e.date, undefined, e.active, ctx.on, `${ctx.eventsPath}[${index}]`, "date");
      return {
        prohibits: r.inForce,
        because: `firearms seizure order${e.date ? ` of ${e.date}` : ""}: ${r.why}`,
        ...(r.missing ? { missing: r.missing } : {}),
      };
    },
  );
  return combine(id, source, "firearms seizure orders", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PROTECTIVE_ORDER_RULE = defineRule({
  id: "criminal-possession.protective-order",
  title: "Possession barred under a restraining, protective or seizure order",
  description:
    "A person who knows he or she is subject to a restraining or protective order (in cases of physical force) or a firearms seizure order after a hearing may not possess a firearm, pistol or (from 1 October 2013) ammunition.",
  citations: [FIREARM_POSSESSION[0]!.source, FIREARM_POSSESSION[1]!.source, HANDGUN_POSSESSION[0]!.source],
  from: "2013-04-04",
});
