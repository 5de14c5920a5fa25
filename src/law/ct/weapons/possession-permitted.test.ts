import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NotInForce, missingOf } from "../../core/rules.ts";
import type { FirearmFacts } from "./firearm-facts.ts";
import type { MagazineFacts } from "./large-capacity-magazine.ts";
import type { HoldingFacts, LocationFacts, PersonFacts, PossessionFacts } from "./possession-facts.ts";
import { possessionPermitted } from "./possession-permitted.ts";
import { at, d, holding, magazine, nobody, pistol, rifle } from "./testkit.ts";

interface Case {
  name: string;
  on: string;
  facts: PossessionFacts;
  outcome: "yes" | "no" | "unknown";
  basis?: string;
  violation?: string | null;
  missing?: string[];
}

function mag(
  h: Partial<HoldingFacts> = {},
  l: LocationFacts = at("elsewhere"),
  p: Partial<PersonFacts> = {},
  m: MagazineFacts = magazine(),
): PossessionFacts {
  return { item: "magazine", magazine: m, person: nobody(p), holding: holding(h), location: l };
}

function aw(
  firearm: FirearmFacts,
  h: Partial<HoldingFacts> = {},
  l: LocationFacts = at("elsewhere"),
  p: Partial<PersonFacts> = {},
): PossessionFacts {
  return { item: "weapon", weapon: { firearm }, person: nobody(p), holding: holding(h), location: l };
}

/** A weapon PA 13-3 newly bans: a centerfire rifle with a flash suppressor. */
const NEW = rifle({ features: { flashSuppressor: true } });
/** A weapon banned before PA 13-3: an AK-47. */
const OLD = rifle({ model: "AK-47" });
const declaredAt = (l: LocationFacts, on = "2013-12-15") => mag({ declared: true, declaredOn: d(on) }, l);

const magazineCases: Case[] = [
  // before and after the possession offense starts
  {
    name: "undeclared, 2013-12-31: the offense starts 2014-01-01",
    on: "2013-12-31",
    facts: mag(),
    outcome: "yes",
    basis: "weapons.lcm-before-possession-ban",
  },
  {
    name: "undeclared, obtained 2012, 2014-01-01: $90 infraction",
    on: "2014-01-01",
    facts: mag(),
    outcome: "no",
    violation: "lcm-undeclared-first",
  },
  {
    name: "undeclared, obtained 2012, a subsequent offense: class D felony",
    on: "2014-06-01",
    facts: mag({}, at("elsewhere"), { priorLcmViolation: true }),
    outcome: "no",
    violation: "lcm-undeclared-subsequent",
  },
  {
    name: "undeclared, obtained 2013-04-03: infraction",
    on: "2014-06-01",
    facts: mag({ obtainedOn: d("2013-04-03") }),
    outcome: "no",
    violation: "lcm-undeclared-first",
  },
  {
    name: "undeclared, obtained 2013-04-04: class D felony",
    on: "2014-06-01",
    facts: mag({ obtainedOn: d("2013-04-04") }),
    outcome: "no",
    violation: "lcm-obtained-after-effective-date",
  },
  {
    name: "undeclared, obtained when not known: not permitted, grade not known",
    on: "2014-06-01",
    facts: mag({ obtainedOn: undefined }),
    outcome: "no",
    violation: null,
    missing: ["holding.obtainedOn"],
  },
  {
    name: "undeclared, prior offense not known",
    on: "2014-06-01",
    facts: mag({}, at("elsewhere"), { priorLcmViolation: undefined }),
    outcome: "no",
    violation: null,
    missing: ["person.priorLcmViolation"],
  },
  // declared: timely and places
  {
    name: "declared 2013-12-15, at home with 30 rounds",
    on: "2014-06-01",
    facts: declaredAt(at("residence", { roundsLoaded: 30 })),
    outcome: "yes",
    basis: "weapons.lcm-declared",
  },
  {
    name: "declared 2014-01-01 (the deadline day), at home",
    on: "2014-06-01",
    facts: declaredAt(at("residence"), "2014-01-01"),
    outcome: "yes",
    basis: "weapons.lcm-declared",
  },
  {
    name: "declared 2014-01-02 (late), at home",
    on: "2014-06-01",
    facts: declaredAt(at("residence"), "2014-01-02"),
    outcome: "no",
    violation: "lcm-undeclared-first",
  },
  {
    name: "declared, at the place of business with 10 rounds",
    on: "2014-06-01",
    facts: declaredAt(at("place-of-business", { roundsLoaded: 10 })),
    outcome: "yes",
  },
  {
    name: "declared, at the place of business with 11 rounds: class C misdemeanor",
    on: "2014-06-01",
    facts: declaredAt(at("place-of-business", { roundsLoaded: 11 })),
    outcome: "no",
    violation: "lcm-declared-outside-permitted-places",
  },
  {
    name: "declared, on other owned property with 10 rounds",
    on: "2014-06-01",
    facts: declaredAt(at("other-owned-property", { roundsLoaded: 10 })),
    outcome: "yes",
  },
  {
    name: "declared, at a club's target range with 30 rounds",
    on: "2014-06-01",
    facts: declaredAt(at("club-target-range", { roundsLoaded: 30 })),
    outcome: "yes",
  },
  {
    name: "declared, at a licensed target range",
    on: "2014-06-01",
    facts: declaredAt(at("licensed-target-range", { roundsLoaded: 30 })),
    outcome: "yes",
  },
  {
    name: "declared, at a licensed shooting club",
    on: "2014-06-01",
    facts: declaredAt(at("licensed-shooting-club", { roundsLoaded: 30 })),
    outcome: "yes",
  },
  {
    name: "declared, in compliant transport between places with 10 rounds",
    on: "2014-06-01",
    facts: declaredAt(at("in-transport", { transportBetweenPermittedPlaces: true, transportCompliant: true })),
    outcome: "yes",
  },
  {
    name: "declared, in transport with 11 rounds",
    on: "2014-06-01",
    facts: declaredAt(
      at("in-transport", { roundsLoaded: 11, transportBetweenPermittedPlaces: true, transportCompliant: true }),
    ),
    outcome: "no",
    violation: "lcm-declared-outside-permitted-places",
  },
  {
    name: "declared, in transport not in compliance",
    on: "2014-06-01",
    facts: declaredAt(at("in-transport", { transportBetweenPermittedPlaces: true, transportCompliant: false })),
    outcome: "no",
  },
  {
    name: "declared, at an exhibition (not a magazine place)",
    on: "2014-06-01",
    facts: declaredAt(at("exhibition-or-competition")),
    outcome: "no",
    violation: "lcm-declared-outside-permitted-places",
  },
  {
    name: "declared, elsewhere, no permit: class C misdemeanor",
    on: "2014-06-01",
    facts: declaredAt(at("elsewhere")),
    outcome: "no",
    violation: "lcm-declared-outside-permitted-places",
  },
  // the handgun under a permit
  ...(() => {
    const permit = (extra: Partial<LocationFacts>) =>
      declaredAt(
        at("elsewhere", {
          carryingUnderPermit: true,
          permitValid: true,
          inHandgun: true,
          handgunPossessedSince: d("2013-04-03"),
          extendsBeyondPistolGrip: false,
          roundsLoaded: 10,
          ...extra,
        }),
      );
    return [
      {
        name: "permit: handgun possessed since 2013-04-03, flush, 10 rounds",
        on: "2014-06-01",
        facts: permit({}),
        outcome: "yes",
      },
      {
        name: "permit: handgun possessed since 2013-04-04",
        on: "2014-06-01",
        facts: permit({ handgunPossessedSince: d("2013-04-04") }),
        outcome: "no",
      },
      {
        name: "permit: magazine extends beyond the grip",
        on: "2014-06-01",
        facts: permit({ extendsBeyondPistolGrip: true }),
        outcome: "no",
      },
      { name: "permit: 11 rounds", on: "2014-06-01", facts: permit({ roundsLoaded: 11 }), outcome: "no" },
      { name: "permit not valid", on: "2014-06-01", facts: permit({ permitValid: false }), outcome: "no" },
      {
        name: "permit: when the handgun was first possessed not known",
        on: "2014-06-01",
        facts: permit({ handgunPossessedSince: undefined }),
        outcome: "unknown",
        missing: ["location.handgunPossessedSince"],
      },
    ] as Case[];
  })(),
  {
    name: "declared 2013-06-01, elsewhere on 2013-12-01 (place limits bind a declared magazine)",
    on: "2013-12-01",
    facts: mag({ declared: true, declaredOn: d("2013-06-01") }, at("elsewhere")),
    outcome: "no",
    violation: "lcm-declared-outside-permitted-places",
  },
  // exempt persons
  {
    name: "police officer, off duty, elsewhere",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["police-member-or-employee"] }),
    outcome: "yes",
    basis: "weapons.lcm-agency-member",
  },
  {
    name: "armed forces member",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["armed-forces-member"] }),
    outcome: "yes",
  },
  {
    name: "nuclear plant security",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["nuclear-plant-security"] }),
    outcome: "yes",
  },
  {
    name: "in-state manufacturer",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["in-state-lcm-manufacturer"] }),
    outcome: "yes",
  },
  { name: "gun dealer", on: "2015-01-01", facts: mag({}, at("elsewhere"), { roles: ["gun-dealer"] }), outcome: "yes" },
  {
    name: "dealer's gunsmith, for repair",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["gunsmith-employed-by-dealer"], purposes: ["servicing-or-repair"] }),
    outcome: "yes",
  },
  {
    name: "dealer's gunsmith, not for repair",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["gunsmith-employed-by-dealer"] }),
    outcome: "no",
  },
  {
    name: "independent gunsmith, for repair",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["gunsmith"], purposes: ["servicing-or-repair"] }),
    outcome: "no",
  },
  {
    name: "executor, estate's declared magazine",
    on: "2015-01-01",
    facts: mag({ estateItemRegistered: true }, at("elsewhere"), { roles: ["executor-or-administrator"] }),
    outcome: "yes",
  },
  {
    name: "executor, undeclared magazine",
    on: "2015-01-01",
    facts: mag({ estateItemRegistered: false }, at("elsewhere"), { roles: ["executor-or-administrator"] }),
    outcome: "no",
  },
  {
    name: "roles not known",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: undefined }),
    outcome: "unknown",
    missing: ["person.roles"],
  },
  // movers and service members
  {
    name: "moved in 2014-02-01: day 90 (2014-05-02)",
    on: "2014-05-02",
    facts: mag({ movedIntoState: true, arrivedOn: d("2014-02-01"), lawfulPossessionOnArrival: true }),
    outcome: "yes",
    basis: "weapons.lcm-moved-into-state",
  },
  {
    name: "moved in 2014-02-01: day 91",
    on: "2014-05-03",
    facts: mag({ movedIntoState: true, arrivedOn: d("2014-02-01"), lawfulPossessionOnArrival: true }),
    outcome: "no",
  },
  {
    name: "transferred service member arrived 2014-03-01, declared on day 90",
    on: "2015-01-01",
    facts: mag(
      {
        movedIntoState: true,
        transferredServiceMember: true,
        arrivedOn: d("2014-03-01"),
        lawfulPossessionOnArrival: true,
        declared: true,
        declaredOn: d("2014-05-30"),
      },
      at("residence"),
    ),
    outcome: "yes",
    basis: "weapons.lcm-declared",
  },
  {
    name: "transferred service member arrived 2014-03-01, declared on day 91",
    on: "2015-01-01",
    facts: mag(
      {
        movedIntoState: true,
        transferredServiceMember: true,
        arrivedOn: d("2014-03-01"),
        lawfulPossessionOnArrival: true,
        declared: true,
        declaredOn: d("2014-05-31"),
      },
      at("residence"),
    ),
    outcome: "no",
  },
  {
    name: "service member away on duty, returned 2014-04-05: day 90",
    on: "2014-07-04",
    facts: mag({}, at("residence"), { serviceMemberAwayOnDuty: true, returnedToStateOn: d("2014-04-05") }),
    outcome: "yes",
    basis: "weapons.lcm-service-member-window",
  },
  {
    name: "service member away on duty, returned 2014-04-05: day 91",
    on: "2014-07-05",
    facts: mag({}, at("residence"), {
      serviceMemberAwayOnDuty: true,
      serviceMemberStillAway: false,
      returnedToStateOn: d("2014-04-05"),
    }),
    outcome: "no",
  },
  {
    name: "service member returned 2014-04-05, day 91, still-away not said: asks for it",
    on: "2014-07-05",
    facts: mag({}, at("residence"), { serviceMemberAwayOnDuty: true, returnedToStateOn: d("2014-04-05") }),
    outcome: "unknown",
  },
  {
    name: "service member still away, with an earlier return date: still away decides",
    on: "2015-01-01",
    facts: mag({}, at("residence"), {
      serviceMemberAwayOnDuty: true,
      serviceMemberStillAway: true,
      returnedToStateOn: d("2010-01-01"),
    }),
    outcome: "yes",
  },
  {
    name: "service member declared on day 90 after returning",
    on: "2015-01-01",
    facts: mag({ declared: true, declaredOn: d("2014-07-04") }, at("residence"), {
      serviceMemberAwayOnDuty: true,
      returnedToStateOn: d("2014-04-05"),
    }),
    outcome: "yes",
    basis: "weapons.lcm-declared",
  },
  {
    name: "service member still away",
    on: "2015-01-01",
    facts: mag({}, at("residence"), { serviceMemberAwayOnDuty: true, serviceMemberStillAway: true }),
    outcome: "yes",
  },
  // heirs
  {
    name: "heir of a declared magazine, at home: legal review",
    on: "2015-01-01",
    facts: mag({ inherited: true, inheritedOn: d("2014-06-01"), inheritedItemRegistered: true }, at("residence")),
    outcome: "unknown",
  },
  {
    name: "heir of a declared magazine, elsewhere",
    on: "2015-01-01",
    facts: mag({ inherited: true, inheritedOn: d("2014-06-01"), inheritedItemRegistered: true }, at("elsewhere")),
    outcome: "no",
  },
  // what the item is
  {
    name: "a 10-round magazine is not restricted",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), {}, magazine({ capacity: 10 })),
    outcome: "yes",
    basis: "weapons.not-a-large-capacity-magazine",
  },
  {
    name: "capacity not known, but a police officer",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), { roles: ["police-member-or-employee"] }, { ...magazine(), capacity: undefined }),
    outcome: "yes",
  },
  {
    name: "capacity not known",
    on: "2015-01-01",
    facts: mag({}, at("elsewhere"), {}, { ...magazine(), capacity: undefined }),
    outcome: "unknown",
    missing: ["magazine.capacity"],
  },
];

const weaponCases: Case[] = [
  // the transition for newly banned weapons
  {
    name: "newly banned, held lawfully since 2012, 2014-01-01 (last day to apply)",
    on: "2014-01-01",
    facts: aw(NEW),
    outcome: "yes",
    basis: "weapons.aw-transition-to-2014",
  },
  {
    name: "newly banned, no certificate, 2014-01-02: class D felony",
    on: "2014-01-02",
    facts: aw(NEW),
    outcome: "no",
    violation: "aw-illegal-possession",
  },
  {
    name: "newly banned, obtained 2013-04-03",
    on: "2013-06-01",
    facts: aw(NEW, { obtainedOn: d("2013-04-03") }),
    outcome: "yes",
  },
  {
    name: "newly banned, obtained 2013-04-04",
    on: "2013-06-01",
    facts: aw(NEW, { obtainedOn: d("2013-04-04") }),
    outcome: "no",
  },
  {
    name: "newly banned, not eligible for a certificate",
    on: "2013-06-01",
    facts: aw(NEW, {}, at("elsewhere"), { eligibleForCertificate: false }),
    outcome: "no",
  },
  {
    name: "an AK-47 was banned before 2013: no transition",
    on: "2013-06-01",
    facts: aw(OLD),
    outcome: "no",
    violation: "aw-illegal-possession",
  },
  // certificates and places
  {
    name: "applied 2014-01-01, at home",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: "applied", certificateAppliedOn: d("2014-01-01") }, at("residence")),
    outcome: "yes",
    basis: "weapons.aw-certificate",
  },
  {
    name: "applied 2014-01-02, at home",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: "applied", certificateAppliedOn: d("2014-01-02") }, at("residence")),
    outcome: "no",
  },
  {
    name: "certificate issued (1994), AK-47 at a licensed shooting club",
    on: "2015-01-01",
    facts: aw(OLD, { certificate: "issued", certificateAppliedOn: d("1994-06-01") }, at("licensed-shooting-club")),
    outcome: "yes",
  },
  {
    name: "certificate, at the place of business",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: "issued" }, at("place-of-business")),
    outcome: "yes",
  },
  {
    name: "certificate, at an exhibition",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: "issued" }, at("exhibition-or-competition")),
    outcome: "yes",
  },
  {
    name: "certificate, in compliant transport",
    on: "2015-01-01",
    facts: aw(
      NEW,
      { certificate: "issued" },
      at("in-transport", { transportBetweenPermittedPlaces: true, transportCompliant: true }),
    ),
    outcome: "yes",
  },
  {
    name: "certificate, elsewhere: class D felony",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: "issued" }, at("elsewhere")),
    outcome: "no",
    violation: "aw-illegal-possession",
  },
  {
    name: "certificate status not known",
    on: "2015-01-01",
    facts: aw(NEW, { certificate: undefined }, at("residence")),
    outcome: "unknown",
    missing: ["holding.certificate"],
  },
  // exempt persons
  {
    name: "police officer, for official duties",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { roles: ["police-member-or-employee"], purposes: ["official-duties"] }),
    outcome: "yes",
    basis: "weapons.aw-agency-official-duties",
  },
  {
    name: "police officer, not for official duties",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { roles: ["police-member-or-employee"] }),
    outcome: "no",
  },
  {
    name: "nuclear plant security",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { roles: ["nuclear-plant-security"] }),
    outcome: "yes",
  },
  {
    name: "gun dealer",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { roles: ["gun-dealer"] }),
    outcome: "yes",
  },
  {
    name: "gunsmith, for repair",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { roles: ["gunsmith"], purposes: ["servicing-or-repair"] }),
    outcome: "yes",
  },
  {
    name: "executor, certified weapon",
    on: "2015-01-01",
    facts: aw(NEW, { estateItemRegistered: true }, at("elsewhere"), { roles: ["executor-or-administrator"] }),
    outcome: "yes",
  },
  {
    name: "arranged relinquishment",
    on: "2015-01-01",
    facts: aw(NEW, {}, at("elsewhere"), { purposes: ["arranged-relinquishment"] }),
    outcome: "yes",
  },
  // movers, service members, heirs
  {
    name: "moved in 2015-03-01: day 90 (2015-05-30)",
    on: "2015-05-30",
    facts: aw(NEW, { movedIntoState: true, arrivedOn: d("2015-03-01"), lawfulPossessionOnArrival: true }),
    outcome: "yes",
    basis: "weapons.aw-moved-into-state",
  },
  {
    name: "moved in 2015-03-01: day 91",
    on: "2015-05-31",
    facts: aw(NEW, { movedIntoState: true, arrivedOn: d("2015-03-01"), lawfulPossessionOnArrival: true }),
    outcome: "no",
  },
  {
    name: "transferred service member applied on day 90",
    on: "2016-01-01",
    facts: aw(
      NEW,
      {
        movedIntoState: true,
        transferredServiceMember: true,
        arrivedOn: d("2015-03-01"),
        lawfulPossessionOnArrival: true,
        certificate: "applied",
        certificateAppliedOn: d("2015-05-30"),
      },
      at("residence"),
    ),
    outcome: "yes",
    basis: "weapons.aw-certificate",
  },
  {
    name: "transferred service member applied on day 91",
    on: "2016-01-01",
    facts: aw(
      NEW,
      {
        movedIntoState: true,
        transferredServiceMember: true,
        arrivedOn: d("2015-03-01"),
        lawfulPossessionOnArrival: true,
        certificate: "applied",
        certificateAppliedOn: d("2015-05-31"),
      },
      at("residence"),
    ),
    outcome: "no",
  },
  {
    name: "heir, inherited 2014-06-01: day 90",
    on: "2014-08-30",
    facts: aw(NEW, {
      inherited: true,
      inheritedOn: d("2014-06-01"),
      inheritedItemRegistered: true,
      obtainedOn: d("2014-06-01"),
    }),
    outcome: "yes",
    basis: "weapons.aw-heir-window",
  },
  {
    name: "heir, inherited 2014-06-01: day 92 (Labor Day, not extended)",
    on: "2014-09-01",
    facts: aw(NEW, {
      inherited: true,
      inheritedOn: d("2014-06-01"),
      inheritedItemRegistered: true,
      obtainedOn: d("2014-06-01"),
    }),
    outcome: "no",
  },
  {
    name: "heir applied on day 90, at home",
    on: "2015-01-01",
    facts: aw(
      NEW,
      {
        inherited: true,
        inheritedOn: d("2014-06-01"),
        inheritedItemRegistered: true,
        obtainedOn: d("2014-06-01"),
        certificate: "applied",
        certificateAppliedOn: d("2014-08-30"),
      },
      at("residence"),
    ),
    outcome: "yes",
  },
  {
    name: "service member away, returned 2014-04-05: day 90",
    on: "2014-07-04",
    facts: aw(NEW, {}, at("elsewhere"), { serviceMemberAwayOnDuty: true, returnedToStateOn: d("2014-04-05") }),
    outcome: "yes",
    basis: "weapons.aw-service-member-window",
  },
  {
    name: "service member away, returned 2014-04-05: day 91",
    on: "2014-07-05",
    facts: aw(NEW, {}, at("elsewhere"), {
      serviceMemberAwayOnDuty: true,
      serviceMemberStillAway: false,
      returnedToStateOn: d("2014-04-05"),
    }),
    outcome: "no",
  },
  // CGS § 53-202n: Thompson, AK-47, MAC types
  ...(() => {
    const specified = (obtained: string, notified: string): PossessionFacts =>
      aw(OLD, {
        obtainedOn: d(obtained),
        specifiedWeaponObtainedInGoodFaith: true,
        specifiedWeaponNotOtherwiseProhibited: true,
        specifiedWeaponDesppNotifiedOn: d(notified),
      });
    return [
      {
        name: "AK-47 obtained 1993-10-01, notified 2003-09-30",
        on: "2015-01-01",
        facts: specified("1993-10-01", "2003-09-30"),
        outcome: "yes",
        basis: "weapons.aw-specified-weapon-notice",
      },
      {
        name: "AK-47 obtained 1993-09-30",
        on: "2015-01-01",
        facts: specified("1993-09-30", "2003-09-30"),
        outcome: "no",
      },
      {
        name: "AK-47 obtained 2002-05-07",
        on: "2015-01-01",
        facts: specified("2002-05-07", "2003-01-01"),
        outcome: "yes",
      },
      {
        name: "AK-47 obtained 2002-05-08",
        on: "2015-01-01",
        facts: specified("2002-05-08", "2003-01-01"),
        outcome: "no",
      },
      {
        name: "AK-47 notified 2003-10-01",
        on: "2015-01-01",
        facts: specified("2000-01-01", "2003-10-01"),
        outcome: "no",
      },
    ] as Case[];
  })(),
  // the pre-1994 exemption
  {
    name: "pistol with threaded barrel made 1994-09-12, elsewhere, no certificate",
    on: "2015-01-01",
    facts: aw(pistol({ manufacturedOn: d("1994-09-12"), features: { threadedBarrel: true } })),
    outcome: "yes",
    basis: "weapons.aw-pre-1994-exempt",
  },
  {
    name: "pistol with threaded barrel made 1994-09-13",
    on: "2015-01-01",
    facts: aw(pistol({ manufacturedOn: d("1994-09-13"), features: { threadedBarrel: true } })),
    outcome: "no",
  },
  {
    name: "one-feature rifle made 1990: legal review",
    on: "2015-01-01",
    facts: aw(rifle({ manufacturedOn: d("1990-01-01"), features: { flashSuppressor: true } })),
    outcome: "unknown",
  },
  // what the item is
  {
    name: "a plain rifle is not restricted",
    on: "2015-01-01",
    facts: aw(rifle()),
    outcome: "yes",
    basis: "weapons.not-an-assault-weapon",
  },
];

describe("possession-permitted: large capacity magazines", () => {
  for (const c of magazineCases) it(c.name, () => check(c));
});

describe("possession-permitted: assault weapons", () => {
  for (const c of weaponCases) it(c.name, () => check(c));

  it("refuses 2013-04-03 for a weapon (the older law is not modelled for possession)", () => {
    assert.throws(() => possessionPermitted.decide(aw(NEW), d("2013-04-03")), NotInForce);
  });

  it("a magazine on 2013-04-03: no restriction yet, the rules start on 2013-04-04 (issue 10, item 3)", () => {
    const a = possessionPermitted.decide(mag({}, at("elsewhere")), d("2013-04-03"));
    assert.equal(a.outcome, "yes");
    assert.equal(a.result.restricted, false);
    assert.match(a.findings[0]!.because, /starts on 2013-04-04/);
    assert.equal(possessionPermitted.decide(declaredAt(at("elsewhere"), "2013-04-04"), d("2013-04-04")).outcome, "no");
  });

  it('"none of these": an ordinary person with an undeclared magazine gets no instead of unknown', () => {
    const ordinary: PossessionFacts = {
      item: "magazine",
      magazine: magazine(),
      person: { roles: [], purposes: [], priorLcmViolation: false },
      holding: { obtainedOn: d("2012-05-01"), lawfullyObtained: true, declared: false, estateItemRegistered: false },
      location: at("residence"),
    };
    assert.equal(possessionPermitted.decide(ordinary, d("2013-12-31")).outcome, "yes");
    assert.equal(possessionPermitted.decide(ordinary, d("2014-01-01")).outcome, "unknown");
    const none = possessionPermitted.decide({ ...ordinary, specialCircumstances: "none" }, d("2014-01-01"));
    assert.equal(none.outcome, "no");
    assert.equal(none.result.violation?.code, "lcm-undeclared-first");
    const conflict = possessionPermitted.facts.safeParse({
      ...ordinary,
      specialCircumstances: "none",
      holding: { ...ordinary.holding, inherited: true },
    });
    assert.equal(conflict.success, false);
    assert.deepEqual(conflict.error?.issues[0]?.path, ["holding", "inherited"]);
  });

  it("asks what the item is when it cannot tell", () => {
    const a = possessionPermitted.decide({ person: nobody() }, d("2015-01-01"));
    assert.equal(a.outcome, "unknown");
    assert.deepEqual(missingOf(a.findings), ["item"]);
  });

  it("the violation names its penalty and citation", () => {
    const a = possessionPermitted.decide(aw(NEW), d("2015-01-01"));
    assert.deepEqual(a.result.violation, {
      code: "aw-illegal-possession",
      offense: "illegal possession of an assault weapon",
      penalty: "class D felony, with a mandatory minimum one-year prison term",
      citation: "PA 13-3 §§ 25-31 (CGS § 53-202c)",
    });
    const m = possessionPermitted.decide(mag(), d("2015-01-01"));
    assert.equal(m.result.violation?.penalty, "infraction, $90 fine");
  });
});

function check(c: Case): void {
  const a = possessionPermitted.decide(c.facts, d(c.on));
  assert.equal(a.outcome, c.outcome, a.result.reasons.join("; "));
  assert.equal(a.result.permitted, c.outcome === "yes" ? true : c.outcome === "no" ? false : null);
  if (c.basis) assert.ok(a.result.basis.includes(c.basis), `basis ${a.result.basis.join(", ")}`);
  if (c.violation !== undefined) assert.equal(a.result.violation?.code ?? null, c.violation);
  if (c.outcome !== "no") assert.equal(a.result.violation, null);
  for (const m of c.missing ?? [])
    assert.ok(missingOf(a.findings).includes(m), `missing ${m}: ${missingOf(a.findings).join(", ")}`);
}
