/**
 * Two sale rules at the ammunition counter, each a finding with the usual
 * meaning ("met": nothing here stands in the way of the sale):
 *
 * - `weapons.lcm-sale` (PA 13-3 §§ 23-24): OLR analysis: "With exceptions,
 *   the bill makes it a class D felony to buy, distribute, import into
 *   Connecticut, keep for sale, or offer or expose for sale LCMs." and "The
 *   following may possess, purchase, or import LCMs: 1. members or employees
 *   of DESPP, police departments, DOC, or the state or U.S. Armed Forces ...
 *   2. employees of a NRC licensee operating a nuclear power plant in
 *   Connecticut for providing security services at the facility ... 3.
 *   in-state manufacturers of LCM". Whether a device is a large capacity
 *   magazine is `magazine-classification`; the exemptions are the
 *   `weapons.lcm-*` possession rules (magazine-possession.ts).
 * - `weapons.banned-ammunition-sale` (PA 13-3 § 32, CGS § 53-202l): "banning
 *   armor-piercing .50 caliber bullets or incendiary .50 caliber bullets" and,
 *   from 2013-10-01, the broadened armor-piercing bullet; possession is a
 *   class D felony, except DESPP, police departments, DOC and the military
 *   "for use in the discharge of their official duties". Whether a round is
 *   one of these is `ammunition-classification`.
 *
 * The finding's status and reasons come from the counter's check of the
 * item (src/modules/registries/counter.ts, which asks the two questions and
 * the exemptions); `counterSaleFinding` turns that answer into the finding.
 * "Unknown" stays unknown: a person reviews, nothing is refused for it.
 *
 * QUESTION(legal): a buyer at a retail counter buys for themselves. The § 23
 * exemption of agency members "when off duty" lets such a buyer purchase a
 * large capacity magazine on showing that status; § 32's exemption is for the
 * agencies' official duties, so a person at the counter is not exempt from it.
 */
import type { PlainDate } from "../../core/dates.ts";
import { defineRule } from "../../core/questions.ts";
import { type Citation, type Finding, pa133 } from "../../core/rules.ts";

export const LCM_SALE_ID = "weapons.lcm-sale";
export const BANNED_AMMUNITION_SALE_ID = "weapons.banned-ammunition-sale";

export const LCM_SALE_SOURCE: Citation = pa133("§ 23", {
  cgs: "CGS § 53-202w",
  text: "With exceptions, the bill makes it a class D felony to buy, distribute, import into Connecticut, keep for sale, or offer or expose for sale LCMs.",
});
export const BANNED_AMMUNITION_SALE_SOURCE: Citation = pa133("§ 32", {
  cgs: "CGS § 53-202l",
  text: "banning armor-piercing .50 caliber bullets or incendiary .50 caliber bullets ... The bill expands the definition of what constitutes banned armor-piercing bullets and makes their possession a class D felony.",
});

/** Who § 23 lets buy a large capacity magazine, in plain words (for the refusal and the form). */
export const LCM_BUYERS_IN_WORDS =
  "members and employees of DESPP, police departments, DOC or the state or U.S. armed forces; security staff at a Connecticut nuclear power plant; in-state manufacturers of large capacity magazines";

export const LCM_SALE_RULE = defineRule({
  id: LCM_SALE_ID,
  title: "Magazines: no sale of a large capacity magazine except to the buyers § 23 lists",
  description: `A magazine that is a large capacity magazine (more than 10 rounds, or readily converted to more) is not sold, except to ${LCM_BUYERS_IN_WORDS}. Selling one otherwise is a class D felony.`,
  citations: [LCM_SALE_SOURCE],
  from: "2013-04-04",
});

export const BANNED_AMMUNITION_SALE_RULE = defineRule({
  id: BANNED_AMMUNITION_SALE_ID,
  title: "Ammunition: no sale of armor-piercing or incendiary .50 caliber bullets",
  description:
    "Armor-piercing .50 caliber and incendiary .50 caliber bullets (existing law), and from 1 October 2013 armor-piercing bullets that can be fired from a handgun, are banned; possession is a class D felony except by the state's agencies for their official duties.",
  citations: [BANNED_AMMUNITION_SALE_SOURCE],
  from: "2013-04-04",
});

/** The counter's answer about one item, as the rule reads it. */
export interface CounterItemAnswer {
  outcome: "allowed" | "refused" | "needs-review";
  /** Plain-language reasons, each with its own citation where it has one. */
  reasons: readonly string[];
  /** Facts that would settle an unknown answer. */
  missing?: readonly string[];
}

/**
 * The finding of `weapons.lcm-sale` or `weapons.banned-ammunition-sale` for one item
 * (`what`, e.g. "line 2, a magazine holding 30 rounds"), from the counter's answer.
 */
export function counterSaleFinding(
  rule: "lcm" | "banned-ammunition",
  what: string,
  a: CounterItemAnswer,
  _on: PlainDate,
): Finding {
  const id = rule === "lcm" ? LCM_SALE_ID : BANNED_AMMUNITION_SALE_ID;
  const source = rule === "lcm" ? LCM_SALE_SOURCE : BANNED_AMMUNITION_SALE_SOURCE;
  const why = a.reasons.join("; ");
  if (a.outcome === "allowed") return { id, status: "met", because: `${what}: ${why}`, source };
  if (a.outcome === "needs-review")
    return {
      id,
      status: "unknown",
      because: `${what}: ${why}`,
      source,
      missing: [...(a.missing ?? [])],
      remedy:
        rule === "lcm"
          ? "describe the magazine fully (capacity, and whether it can be readily converted to hold more than 10 rounds), or have the firearms unit review the sale"
          : "describe the bullet (its caliber and whether it is armor-piercing or incendiary), or have the firearms unit review the sale",
    };
  return {
    id,
    status: "not-met",
    because:
      rule === "lcm"
        ? `${what} is a large capacity magazine, and the law (PA 13-3 § 23) bans selling one except to ${LCM_BUYERS_IN_WORDS}; the buyer showed none of these`
        : `${what} is an armor-piercing or incendiary .50 caliber bullet (or an armor-piercing handgun bullet), which the law bans (PA 13-3 § 32, CGS § 53-202l)`,
    source,
    remedy:
      rule === "lcm"
        ? "sell a magazine that holds 10 rounds or fewer; a buyer who is one of those § 23 lists shows proof and the check is run again with that exemption"
        : "do not sell this ammunition at the counter; only the state's agencies may have it, for their official duties",
  };
}
