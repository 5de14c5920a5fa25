/**
 * Question "banned-ammunition-possession": may this person possess this bullet, or transport or
 * carry a firearm loaded with it? PA 13-3 § 32 (CGS § 53-202l), effective 1 October 2013, and the
 * existing ban on armor-piercing and incendiary .50 caliber bullets it amends.
 *
 * OLR analysis, § 32: "Current law does not regulate ammunition except for banning armor-piercing
 * .50 caliber bullets or incendiary .50 caliber bullets. Currently possession of such ammunition
 * is a class D felony. The bill expands the definition of what constitutes banned armor-piercing
 * bullets and makes their possession a class D felony." "The bill makes it a class D felony to
 * knowingly transport or carry a firearm loaded with an armor piercing bullet or incendiary .50
 * caliber bullet. It exempts from the provisions the same entities and people exempt from the ban
 * under current law: 1. DESPP, police departments, DOC or the state or U.S. military forces for
 * use in the discharge of their official duties; 2. any executor or administrator of an estate
 * that includes such ammunition that is disposed of as authorized by the Probate Court; and 3. the
 * transfer by bequest or intestate succession of such ammunition."
 *
 * Whether the bullet is one of the banned kinds is the `ammunition-classification` question (the
 * handgun armor-piercing definition exists from 2013-10-01); this question applies it and the
 * exemptions.
 *
 * QUESTION(legal): the exemption for "the transfer by bequest or intestate succession" is read as
 * covering the heir's receipt of the ammunition; what the heir may then do with it is not stated,
 * so an heir who keeps it is reported "unknown" for a person to review.
 *
 * QUESTION(legal): the agency exemption is "for use in the discharge of their official duties";
 * a member or employee holding the ammunition for another purpose is not exempt.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion, defineRule } from "../../core/questions.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  allOf,
  inForce,
  met,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { flag } from "../../core/schema.ts";
import { type Penalty, penalty } from "../criminal-possession/crime-classes.ts";
import { classifyAmmunition } from "./ammunition-classification.ts";
import { AmmunitionFacts } from "./ammunition-facts.ts";
import { Purpose, Role } from "./possession-facts.ts";

export const BannedAmmunitionPossessionFacts = z.object({
  ammunition: AmmunitionFacts.optional().describe("the bullet or cartridge (as in ammunition-classification)"),
  conduct: z
    .enum(["possess", "carry-loaded-firearm"])
    .optional()
    .describe("possesses the ammunition; or knowingly transports or carries a firearm loaded with it"),
  person: z
    .object({
      roles: z.array(Role).optional().describe("as in possession-permitted; [] for none"),
      purposes: z.array(Purpose).optional().describe("as in possession-permitted; [] for none"),
      executorDisposingAsAuthorized: flag(
        "An executor or administrator of an estate that includes the ammunition, disposing of it as the Probate Court authorized.",
      ),
      heirByBequestOrIntestacy: flag("Received the ammunition by bequest or intestate succession."),
    })
    .optional(),
});
export type BannedAmmunitionPossessionFacts = z.infer<typeof BannedAmmunitionPossessionFacts>;

export interface BannedAmmunitionPossessionResult {
  permitted: boolean | null;
  /** Whether the bullet is banned ammunition on the date (ammunition-classification). */
  banned: boolean | null;
  basis: string | null;
  violation: Penalty | null;
}

export const ID = "weapons.banned-ammunition-possession";
export const LOADED_CARRY_FROM = "2013-10-01";

const SOURCE: Citation = pa133("§ 32", {
  cgs: "CGS § 53-202l",
  text: "The bill expands the definition of what constitutes banned armor-piercing bullets and makes their possession a class D felony. The bill makes it a class D felony to knowingly transport or carry a firearm loaded with an armor piercing bullet or incendiary .50 caliber bullet. It exempts ... 1. DESPP, police departments, DOC or the state or U.S. military forces for use in the discharge of their official duties; 2. any executor or administrator of an estate that includes such ammunition that is disposed of as authorized by the Probate Court; and 3. the transfer by bequest or intestate succession of such ammunition.",
});

interface Law {
  possession: Penalty;
  loadedCarry: Penalty | null;
}

export const BANNED_AMMUNITION_POSSESSION: readonly Dated<Law>[] = [
  {
    from: "2013-04-04",
    until: LOADED_CARRY_FROM,
    value: {
      possession: penalty(
        "possessing an armor-piercing or incendiary .50 caliber bullet",
        "CGS § 53-202l",
        "class D felony",
      ),
      loadedCarry: null,
    },
    source: pa133("§ 32", {
      cgs: "CGS § 53-202l",
      text: "Current law does not regulate ammunition except for banning armor-piercing .50 caliber bullets or incendiary .50 caliber bullets. Currently possession of such ammunition is a class D felony.",
    }),
  },
  {
    from: LOADED_CARRY_FROM,
    value: {
      possession: penalty("possessing an armor-piercing bullet", "CGS § 53-202l", "class D felony"),
      loadedCarry: penalty(
        "knowingly transporting or carrying a firearm loaded with an armor-piercing bullet or incendiary .50 caliber bullet",
        "CGS § 53-202l",
        "class D felony",
      ),
    },
    source: SOURCE,
  },
];

const AGENCY_ROLES = [
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
];

function decide(f: BannedAmmunitionPossessionFacts, on: PlainDate): Answer<BannedAmmunitionPossessionResult> {
  const rule = inForce(BANNED_AMMUNITION_POSSESSION, on, ID);
  const done = (
    finding: Finding,
    banned: boolean | null,
    basis: string | null,
    violation: Penalty | null,
  ): Answer<BannedAmmunitionPossessionResult> => {
    const outcome = allOf([finding]);
    return {
      outcome,
      findings: [finding],
      result: { permitted: outcome === "yes" ? true : outcome === "no" ? false : null, banned, basis, violation },
    };
  };
  if (f.ammunition === undefined) return done(unknown(ID, rule.source, ["ammunition"]), null, null, null);
  const c = classifyAmmunition(f.ammunition, on);
  const banned = c.result.banned;
  if (banned === false)
    return done(
      met(ID, rule.source, `not banned ammunition on ${on}: ${c.result.reasons.join("; ")}`),
      false,
      "not banned ammunition",
      null,
    );

  const p = f.person;
  const missing: string[] = [];
  const exempt = (name: string, v: boolean | undefined, path: string): string | null => {
    if (v === true) return name;
    if (v === undefined) missing.push(path);
    return null;
  };
  if (p?.roles === undefined) missing.push("person.roles");
  if (p?.purposes === undefined) missing.push("person.purposes");
  const agency =
    p?.roles?.some((r) => AGENCY_ROLES.includes(r)) && p.purposes?.includes("official-duties")
      ? "a member or employee of DESPP, a police department, DOC or the armed forces, for official duties"
      : null;
  const basis =
    agency ??
    exempt(
      "an executor or administrator disposing of it as the Probate Court authorized",
      p?.executorDisposingAsAuthorized,
      "person.executorDisposingAsAuthorized",
    );
  if (basis) return done(met(ID, rule.source, `permitted: ${basis}`), banned, basis, null);
  if (p?.heirByBequestOrIntestacy === true)
    return done(
      unknown(
        ID,
        rule.source,
        [],
        "QUESTION(legal): the transfer by bequest or intestate succession is exempt, but the analysis does not say what the heir may then do with the ammunition; a person must review",
      ),
      banned,
      null,
      null,
    );
  if (p?.heirByBequestOrIntestacy === undefined) missing.push("person.heirByBequestOrIntestacy");
  if (f.conduct === undefined) missing.push("conduct");
  if (banned === null) missing.push(...c.findings.flatMap((x) => x.missing ?? []));
  if (banned === null || missing.length > 0)
    return done(unknown(ID, rule.source, [...new Set(missing)].sort()), banned, null, null);

  const law = rule.value;
  const violation = f.conduct === "carry-loaded-firearm" && law.loadedCarry ? law.loadedCarry : law.possession;
  return done(
    notMet(ID, rule.source, `${c.result.reasons.join("; ")}; no exemption applies: ${violation.crimeClass}`),
    banned,
    null,
    violation,
  );
}

export const bannedAmmunitionPossessionQuestion: Question<
  BannedAmmunitionPossessionFacts,
  BannedAmmunitionPossessionResult
> = defineQuestion({
  id: "banned-ammunition-possession",
  title: "May this person possess this bullet, or carry a firearm loaded with it?",
  description:
    "Possessing an armor-piercing bullet (the handgun definition from 1 October 2013) or an armor-piercing or incendiary .50 caliber bullet is a class D felony, and from 1 October 2013 so is knowingly transporting or carrying a firearm loaded with one; except DESPP, police, DOC and military members or employees for official duties, an executor disposing of an estate's ammunition as the Probate Court authorized, and a transfer by bequest or intestate succession.",
  citations: [SOURCE],
  modelledFrom: "2013-04-04",
  facts: BannedAmmunitionPossessionFacts,
  result: {
    permitted: "true when permitted (outcome yes), false when not (outcome no), null when unknown",
    banned: "whether the bullet is banned ammunition on the date (see ammunition-classification), null when unknown",
    basis: "why it is permitted, in words; null otherwise",
    violation: "when not permitted: the offense and its class (class D felony); null otherwise",
  },
  example: {
    ammunition: {
      shotgunShell: false,
      fireableFromHandgun: true,
      nominalCaliber: 0.357,
      coreMaterials: ["steel"],
      frangibleForSporting: false,
      attorneyGeneralExempted: false,
      designation: "FMJ",
      armorPenetrationCapability: false,
      incendiary: false,
    },
    conduct: "carry-loaded-firearm",
    person: { roles: ["police-member-or-employee"], purposes: ["official-duties"] },
  },
  decide,
});

export const BANNED_AMMUNITION_POSSESSION_RULE = defineRule({
  id: ID,
  title: "Armor-piercing bullets: no possession, and no carrying a firearm loaded with one",
  description:
    "Possessing banned ammunition is a class D felony; from 1 October 2013 the armor-piercing bullet includes hard-cored and heavily jacketed handgun bullets, and knowingly transporting or carrying a firearm loaded with an armor-piercing or incendiary .50 caliber bullet is also a class D felony. Exempt: DESPP, police, DOC and the military for official duties; executors disposing as the Probate Court authorized; transfers by bequest or intestate succession.",
  citations: [SOURCE],
  from: "2013-04-04",
});
