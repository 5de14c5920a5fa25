/**
 * The facts about a person, how they hold an item, and where they are, that
 * the possession rules for large capacity magazines and assault weapons test.
 *
 * Lists (`roles`, `purposes`) are closed when given: `roles: []` says the
 * person has none of the listed roles. Leaving a list out leaves every rule
 * that needs it unknown.
 */
import { z } from "zod";
import { flag as yes, optionalDate as date, factsObject } from "../../core/schema.ts";
import { WeaponFacts } from "./firearm-facts.ts";
import { MagazineFacts } from "./large-capacity-magazine.ts";
import type { Citation, Finding } from "../../core/rules.ts";
import { type Tri, finding, test } from "./logic.ts";

export const Role = z.enum([
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
  "nuclear-plant-security",
  "in-state-lcm-manufacturer",
  "gun-dealer",
  "gunsmith",
  "gunsmith-employed-by-dealer",
  "executor-or-administrator",
]);
export type Role = z.infer<typeof Role>;

export const Purpose = z.enum(["official-duties", "servicing-or-repair", "arranged-relinquishment"]);
export type Purpose = z.infer<typeof Purpose>;

export const Place = z.enum([
  "residence",
  "place-of-business",
  "other-owned-property",
  "club-target-range",
  "licensed-target-range",
  "licensed-shooting-club",
  "exhibition-or-competition",
  "in-transport",
  "elsewhere",
]);
export type Place = z.infer<typeof Place>;

export const PersonFacts = factsObject("The person who has the item.", {
  roles: z
    .array(Role)
    .optional()
    .describe(
      "Every role the person has: member or employee of DESPP, a police department, DOC, or the state or U.S. armed forces; security at a Connecticut nuclear power plant (NRC licensee's employee or its security contractor); in-state manufacturer of large capacity magazines making or moving them for sale to exempt persons or out of state; gun dealer; gunsmith (employed by a gun dealer, or not); executor or administrator of an estate. [] for none.",
    ),
  purposes: z
    .array(Purpose)
    .optional()
    .describe(
      "Why the person has the item now: for use in the discharge of official duties; for servicing or repair; to relinquish it under an arrangement with DESPP or a police department. [] for none of these.",
    ),
  eligibleForCertificate: yes("The person is eligible for a certificate of possession for an assault weapon."),
  priorLcmViolation: yes(
    "The person has committed a previous offense of possessing an undeclared large capacity magazine (so this one is a subsequent offense).",
  ),
  serviceMemberAwayOnDuty: yes(
    "A member of the U.S. military or naval forces who could not apply for a certificate or declare by 2014-01-01 because of official duty out of the state.",
  ),
  serviceMemberStillAway: yes(
    "For such a service member: still away on that duty (true settles the window whatever `returnedToStateOn` says; false lets the return date decide).",
  ),
  returnedToStateOn: date(
    "For such a service member: the day they returned to Connecticut. A return more than 90 days ago answers no only with `serviceMemberStillAway: false`.",
  ),
});
export type PersonFacts = z.infer<typeof PersonFacts>;

export const HoldingFacts = factsObject("How the person holds the item.", {
  obtainedOn: date("When the person obtained the item."),
  lawfullyObtained: yes("The person obtained and held the item lawfully."),
  declared: yes("(Magazines) The person declared possession of this magazine to DESPP."),
  declaredOn: date("(Magazines) When the declaration was made."),
  certificate: z
    .enum(["none", "applied", "issued"])
    .optional()
    .describe(
      "(Assault weapons) Certificate of possession for this weapon: none, applied for, or issued (including one issued before 2013-04-04).",
    ),
  certificateAppliedOn: date("(Assault weapons) When the certificate was applied for."),
  movedIntoState: yes("The person moved into Connecticut with the item."),
  arrivedOn: date("The day the person moved into (or, as a service member, was transferred to) Connecticut."),
  lawfulPossessionOnArrival: yes("The person lawfully possessed the item when moving in."),
  transferredServiceMember: yes("The person moved in as a member of the military transferred to Connecticut."),
  inherited: yes("The person received the item by bequest or intestate succession."),
  inheritedOn: date("When the person inherited it."),
  inheritedItemRegistered: yes(
    "When inherited, the item was declared (magazine) or had a certificate of possession (assault weapon).",
  ),
  estateItemRegistered: yes(
    "(Executors and administrators) The estate's item was declared (magazine) or has a certificate of possession (assault weapon).",
  ),
  specifiedWeaponObtainedInGoodFaith: yes(
    "(Thompson, AK-47, MAC-10, MAC-11 types) The person purchased or obtained title to it in good faith, in compliance with state and federal law (when: `obtainedOn`).",
  ),
  specifiedWeaponNotOtherwiseProhibited: yes(
    "(Thompson, AK-47, MAC types) The person is not otherwise disqualified or prohibited from possessing it.",
  ),
  specifiedWeaponDesppNotifiedOn: date("(Thompson, AK-47, MAC types) When the person notified DESPP of possessing it."),
});
export type HoldingFacts = z.infer<typeof HoldingFacts>;

export const LocationFacts = factsObject("Where the item is now.", {
  place: Place.optional().describe(
    "Where the item is: the person's residence, place of business, other property the person owns, a club target range, a licensed target range, a licensed shooting club, an exhibition or competition, in transport, or elsewhere.",
  ),
  roundsLoaded: z.number().int().min(0).optional().describe("(Magazines) Rounds the magazine contains."),
  transportBetweenPermittedPlaces: yes(
    "In transport between the permitted places, or to a gun dealer (for assault weapons, also to or from an exhibition or competition).",
  ),
  transportCompliant: yes("Transported in compliance with the Act (unloaded and stored as required)."),
  carryingUnderPermit: yes(
    "(Magazines) The person is carrying the magazine under a permit to carry a pistol or revolver.",
  ),
  permitValid: yes("(Magazines) That permit is valid."),
  inHandgun: yes("(Magazines) The magazine is in a handgun."),
  handgunPossessedSince: date("(Magazines) The day from which the person has lawfully possessed that handgun."),
  extendsBeyondPistolGrip: yes("(Magazines) The magazine extends beyond the bottom of the pistol grip."),
});
export type LocationFacts = z.infer<typeof LocationFacts>;

export const PossessionFacts = factsObject(
  "A person, an item (magazine or weapon), how it is held and where.",
  {
    item: z
      .enum(["magazine", "weapon"])
      .optional()
      .describe('"magazine" or "weapon"; when absent, whichever of `magazine` and `weapon` is given.'),
    magazine: MagazineFacts.optional(),
    weapon: WeaponFacts.optional(),
    person: PersonFacts.optional(),
    holding: HoldingFacts.optional(),
    location: LocationFacts.optional(),
    specialCircumstances: z
      .literal("none")
      .optional()
      .describe(
        '"none": the person is not a service member kept away on duty, did not move into Connecticut with the item (nor was transferred here), and did not inherit it. Settles those facts when they are not given; giving one of them as true as well is refused.',
      ),
  },
  (f, ctx) => {
    if (f.specialCircumstances !== "none") return;
    if (f.person?.serviceMemberAwayOnDuty === true)
      ctx.addIssue({
        code: "custom",
        path: ["person", "serviceMemberAwayOnDuty"],
        message: 'contradicts specialCircumstances "none"',
      });
    for (const key of ["movedIntoState", "transferredServiceMember", "inherited"] as const) {
      if (f.holding?.[key] === true)
        ctx.addIssue({ code: "custom", path: ["holding", key], message: 'contradicts specialCircumstances "none"' });
    }
  },
);
export type PossessionFacts = z.infer<typeof PossessionFacts>;

/** The facts with `specialCircumstances: "none"` spelled out: each fact of the group not given becomes false. */
export function withNoSpecialCircumstances(f: PossessionFacts): PossessionFacts {
  if (f.specialCircumstances !== "none") return f;
  return {
    ...f,
    person: { serviceMemberAwayOnDuty: false, ...f.person },
    holding: { movedIntoState: false, transferredServiceMember: false, inherited: false, ...f.holding },
  };
}

/** The person has a role (unknown when roles are not given). */
export function hasRole(p: PersonFacts | undefined, ...roles: Role[]): Tri {
  return test(p?.roles, "person.roles", (rs) => rs.some((r) => roles.includes(r)));
}

/** The person holds the item for a purpose (unknown when purposes are not given). */
export function hasPurpose(p: PersonFacts | undefined, purpose: Purpose): Tri {
  return test(p?.purposes, "person.purposes", (ps) => ps.includes(purpose));
}

/** Exemption for security at a Connecticut nuclear power plant, worded alike for magazines and assault weapons. */
export function nuclearPlantSecurity(id: string, source: Citation, p: PersonFacts | undefined): Finding {
  return finding(id, source, hasRole(p, "nuclear-plant-security"), {
    met: "provides security at a Connecticut nuclear power plant",
    notMet: "does not provide security at a Connecticut nuclear power plant",
  });
}

/** Exemption for gun dealers, worded alike for magazines and assault weapons. */
export function gunDealer(id: string, source: Citation, p: PersonFacts | undefined): Finding {
  return finding(id, source, hasRole(p, "gun-dealer"), { met: "a gun dealer", notMet: "not a gun dealer" });
}
