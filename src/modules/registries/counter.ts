/**
 * Checks at the counter, answered by the rulebook:
 * - a magazine is refused above ten rounds (a large capacity magazine, `magazine-classification`)
 *   unless the buyer may purchase one (§ 23: agency members and employees, nuclear plant security,
 *   in-state manufacturers);
 * - armor-piercing and incendiary .50 caliber bullets (and the broadened armor-piercing bullet)
 *   are refused (§ 32, `ammunition-classification`) unless the buyer is an agency for its duties;
 * - a firearm is classified (`firearm-classification`): an assault weapon is sold only as the law
 *   allows (to the agencies for official duties, nuclear plant security, dealers), and a weapon
 *   exempt as made before 1994-09-13 is not held back.
 * Pure functions of the facts and the date; "unknown" is never a refusal.
 */
import type { PlainDate } from "../../law/core/dates.ts";
import { type Finding, citationLabel } from "../../law/core/rules.ts";
import { classifyAmmunition } from "../../law/ct/weapons/ammunition-classification.ts";
import {
  awAgencyOfficialDuties,
  awGunDealer,
  awNuclearPlantSecurity,
} from "../../law/ct/weapons/assault-weapon-possession.ts";
import { classifyWeapon } from "../../law/ct/weapons/firearm-classification.ts";
import type { FirearmFacts } from "../../law/ct/weapons/firearm-facts.ts";
import type { MagazineFacts } from "../../law/ct/weapons/large-capacity-magazine.ts";
import { classifyMagazine } from "../../law/ct/weapons/magazine-classification.ts";
import {
  lcmAgencyMember,
  lcmInStateManufacturer,
  lcmNuclearPlantSecurity,
} from "../../law/ct/weapons/magazine-possession.ts";
import type { AmmunitionFacts } from "../../law/ct/weapons/ammunition-facts.ts";
import type { Role as PossessionRole } from "../../law/ct/weapons/possession-facts.ts";
import { badField } from "../../lib/errors.ts";
import { NotInForce } from "../../law/core/rules.ts";

export interface CounterAnswer {
  outcome: "allowed" | "refused" | "needs-review";
  reasons: string[];
  findings: Finding[];
}

function guard<T>(on: PlainDate, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NotInForce) throw badField("on", `the rulebook does not model this date: ${e.message}`);
    throw e;
  }
}

function withExemptions(
  covered: "yes" | "no" | "unknown",
  classification: Finding[],
  exemptions: Finding[],
  what: string,
  coveredReason: string[],
): CounterAnswer {
  if (covered === "no") return { outcome: "allowed", reasons: [`not ${what}`], findings: classification };
  const exempt = exemptions.find((f) => f.status === "met");
  if (exempt)
    return {
      outcome: "allowed",
      reasons: [`the buyer is exempt: ${exempt.because} (${citationLabel(exempt.source)})`],
      findings: [...classification, ...exemptions],
    };
  const unknownExemption = exemptions.some((f) => f.status === "unknown");
  if (covered === "unknown")
    return {
      outcome: "needs-review",
      reasons: [`whether it is ${what} is not known yet`],
      findings: [...classification, ...exemptions],
    };
  if (unknownExemption)
    return {
      outcome: "needs-review",
      reasons: [`it is ${what}; whether the buyer is exempt is not known`, ...coveredReason],
      findings: [...classification, ...exemptions],
    };
  return {
    outcome: "refused",
    reasons: [
      `it is ${what} and the buyer is not exempt`,
      ...coveredReason,
      ...exemptions.map((f) => `${f.because} (${citationLabel(f.source)})`),
    ],
    findings: [...classification, ...exemptions],
  };
}

/** A magazine sale: refused above ten rounds unless the buyer may purchase large capacity magazines (§ 23). */
export function checkMagazineSale(
  input: { magazine: MagazineFacts; buyerRoles?: PossessionRole[] | undefined },
  on: PlainDate,
): CounterAnswer {
  return guard(on, () => {
    const c = classifyMagazine(input.magazine, on);
    const p = input.buyerRoles ? { roles: input.buyerRoles } : undefined;
    const exemptions = [lcmAgencyMember(p, on), lcmNuclearPlantSecurity(p, on), lcmInStateManufacturer(p, on)];
    return withExemptions(c.outcome, c.findings, exemptions, "a large capacity magazine", c.result.reasons);
  });
}

/** An ammunition sale: armor-piercing and incendiary .50 caliber bullets are refused (§ 32). */
export function checkAmmunitionSale(
  input: { ammunition: AmmunitionFacts; buyerRoles?: PossessionRole[] | undefined },
  on: PlainDate,
): CounterAnswer {
  return guard(on, () => {
    const c = classifyAmmunition(input.ammunition, on);
    const p = input.buyerRoles ? { roles: input.buyerRoles, purposes: ["official-duties" as const] } : undefined;
    // QUESTION(legal): § 32 exempts the agencies "for use in the discharge of their official duties"; at the counter we read a buyer with an agency role as buying for those duties.
    return withExemptions(
      c.outcome,
      c.findings,
      [awAgencyOfficialDuties(p, on)],
      "armor-piercing or incendiary .50 caliber ammunition",
      c.result.reasons,
    );
  });
}

/** A firearm sale: an assault weapon only as the law allows (CGS §§ 53-202b, 53-202c as amended by §§ 25-26). */
export function checkFirearmSale(
  input: { firearm: FirearmFacts; buyerRoles?: PossessionRole[] | undefined },
  on: PlainDate,
): CounterAnswer {
  return guard(on, () => {
    const c = classifyWeapon({ item: "firearm", firearm: input.firearm }, on);
    if (c.outcome === "yes" && c.result.pre1994Exemption === true) {
      return {
        outcome: "allowed",
        reasons: [
          "an assault weapon by criteria only, legally made before 1994-09-13: exempt from the transfer restrictions (CGS § 53-202m)",
        ],
        findings: c.findings,
      };
    }
    const p = input.buyerRoles ? { roles: input.buyerRoles, purposes: ["official-duties" as const] } : undefined;
    return withExemptions(
      c.outcome,
      c.findings,
      [awAgencyOfficialDuties(p, on), awNuclearPlantSecurity(p, on), awGunDealer(p, on)],
      "an assault weapon",
      c.result.reasons,
    );
  });
}

/** The NCIC type code's kind of firearm (P… pistol, R… rifle, S… shotgun). */
function kindOfNcicType(code: string): FirearmFacts["type"] {
  const c = code.trim().toUpperCase();
  return c.startsWith("P") ? "pistol" : c.startsWith("R") ? "rifle" : c.startsWith("S") ? "shotgun" : "other";
}

/**
 * The classification is pure (the firearm's facts and the date decide it) and costs a scan of the
 * named-weapon lists, while a shop sells the same few models all day: answers are remembered for
 * the last few thousand (facts, date) pairs.
 */
const remembered = new Map<string, CounterAnswer>();
function counterAnswerFor(firearm: FirearmFacts, on: PlainDate): CounterAnswer {
  const key = `${on}|${JSON.stringify(firearm)}`;
  let a = remembered.get(key);
  if (!a) {
    a = checkFirearmSale({ firearm, buyerRoles: [] }, on);
    if (remembered.size >= 5000) remembered.clear();
    remembered.set(key, a);
  }
  return a;
}

/**
 * The hook the sales module calls before it asks NICS: throws a 400 naming `firearm.model`
 * when the firearm is an assault weapon that may not be sold to a private buyer. An unknown
 * classification does not hold the sale (the usual sale rules still apply).
 * QUESTION(legal): the buyer at a dealer's counter is a person, not an agency; officers buying
 * for themselves are not exempt (the exemption is for sales to the agencies, for their duties).
 */
export function assertFirearmSaleAllowed(
  f: {
    make: string;
    model: string;
    ncicType: string;
    semiautomatic?: boolean | undefined;
    centerfire?: boolean | undefined;
  },
  on: PlainDate,
): void {
  if (on < "2013-04-04") return;
  const firearm: FirearmFacts = {
    // A dealer sells working firearms: the permanently-inoperable exception is read as not applying.
    model: `${f.make} ${f.model}`.trim(),
    type: kindOfNcicType(f.ncicType),
    permanentlyInoperable: false,
    ...(f.semiautomatic !== undefined ? { action: f.semiautomatic ? "semiautomatic" : "other" } : {}),
    ...(f.centerfire !== undefined ? { centerfire: f.centerfire } : {}),
  };
  const a = counterAnswerFor(firearm, on);
  if (a.outcome === "refused")
    throw badField(
      "firearm.model",
      `an assault weapon may be sold only to DESPP, police departments, DOC, the armed forces, nuclear plant security or a dealer (CGS § 53-202b, PA 13-3 § 25): ${a.reasons.slice(1, 3).join("; ")}`,
    );
}
