/**
 * Where a declared large capacity magazine, or an assault weapon with a
 * certificate of possession, may be kept.
 *
 * Magazines, PA 13-3 § 24 (OLR analysis, "Restrictions on Declared LCMs"):
 * "The person may possess it only: 1. at his or her residence; 2. at his or
 * her place of business, or other property he or she owns, provided the LCM
 * contains no more than 10 bullets; 3. on the premises of a target range of a
 * public or private club or organization organized to practice target
 * shooting; 4. while at a target range that holds a regulatory or business
 * license for practicing target shooting; 5. while on the premises of a
 * licensed shooting club; 6. while transporting the LCM between any of the
 * above-mentioned places or to a gun dealer, provided the LCM contains no
 * more than 10 bullets and is transported in compliance with the bill; or
 * 7. under a valid gun permit, provided the LCM (a) is in a handgun lawfully
 * possessed by the person before the bill's passage (April 4, 2013), (b) does
 * not extend beyond the bottom of the pistol grip, and (c) contains no more
 * than 10 bullets. A violation of the provisions is a class C misdemeanor."
 *
 * Assault weapons, PA 13-3 §§ 25-31 (CGS § 53-202d): "anyone who possesses an
 * assault weapon for which a certificate has been issued may possess it only
 * at specified locations, such as his or her home or business place, at a
 * licensed shooting club, or at a target range that holds a license for
 * practicing target shooting", and the Act allows "the weapons to be
 * transported to or from a shooting competition or exhibition, display, or
 * educational project about firearms sponsored, conducted by, approved, or
 * under the auspices of a law enforcement agency or a national or
 * state-recognized entity that fosters proficiency in firearms use or
 * promotes firearms education."
 *
 * QUESTION(legal): the analysis lists the assault-weapon places with "such
 * as". We complete the list with the magazine list (other owned property,
 * club target ranges, transport between the places or to a dealer), which
 * the same analysis gives in full, without the magazine's 10-round limits,
 * and add exhibitions and competitions. "Elsewhere" is not permitted.
 *
 * QUESTION(legal): "in compliance with the bill" (transport) is not spelled
 * out in the analysis; we take compliance as a fact (`transportCompliant`).
 *
 * QUESTION(legal): "a handgun lawfully possessed by the person before the
 * bill's passage (April 4, 2013)": a handgun first possessed on 2013-04-04 does
 * not qualify.
 */
import { type PlainDate, isBefore } from "../../core/dates.ts";
import { type Dated, type Finding, pa133, findInForce, notApplicable } from "../../core/rules.ts";
import { type LocationFacts, Place } from "./possession-facts.ts";
import { type Tri, all, any, fact, finding, test } from "./logic.ts";

export const LCM_PLACE_ID = "weapons.lcm-permitted-place";
export const AW_PLACE_ID = "weapons.aw-permitted-place";

const LCM_PLACE_SOURCE = pa133("§ 24", {
  text: "The person may possess it only: at his or her residence; at his or her place of business, or other property he or she owns, provided the LCM contains no more than 10 bullets; ... target range ...; licensed shooting club; while transporting ...; or under a valid gun permit, provided the LCM is in a handgun lawfully possessed ... before ... April 4, 2013, does not extend beyond the bottom of the pistol grip, and contains no more than 10 bullets",
});
const AW_PLACE_SOURCE = pa133("§§ 25-31", {
  cgs: "CGS § 53-202d",
  text: "anyone who possesses an assault weapon for which a certificate has been issued may possess it only at specified locations, such as his or her home or business place, at a licensed shooting club, or at a target range that holds a license for practicing target shooting",
});

/** The most rounds a declared magazine may contain away from the residence. */
export const LCM_AWAY_ROUNDS: readonly Dated<number>[] = [{ from: "2013-04-04", value: 10, source: LCM_PLACE_SOURCE }];
/** A handgun carried under a permit must have been lawfully possessed before this day. */
export const PERMIT_HANDGUN_BEFORE = "2013-04-04" as PlainDate;

function placeIs(l: LocationFacts | undefined, ...places: NonNullable<LocationFacts["place"]>[]): Tri {
  return test(l?.place, "location.place", (p) => places.includes(p));
}

/** The places and conditions where a declared magazine may be possessed. */
export function lcmPermittedPlace(l: LocationFacts | undefined, on: PlainDate): Finding {
  const v = findInForce(LCM_AWAY_ROUNDS, on);
  if (!v) return notApplicable(LCM_PLACE_ID, LCM_PLACE_SOURCE, `not in force on ${on}`);
  const max = v.value;
  const rounds = test(l?.roundsLoaded, "location.roundsLoaded", (n) => n <= max);
  const atHome = placeIs(l, "residence");
  const ownedWithLimit = all(placeIs(l, "place-of-business", "other-owned-property"), rounds);
  const atRange = placeIs(l, "club-target-range", "licensed-target-range", "licensed-shooting-club");
  const inTransport = all(
    placeIs(l, "in-transport"),
    fact(l?.transportBetweenPermittedPlaces, "location.transportBetweenPermittedPlaces"),
    rounds,
    fact(l?.transportCompliant, "location.transportCompliant"),
  );
  const underPermit = all(
    fact(l?.carryingUnderPermit, "location.carryingUnderPermit"),
    fact(l?.permitValid, "location.permitValid"),
    fact(l?.inHandgun, "location.inHandgun"),
    test(l?.handgunPossessedSince, "location.handgunPossessedSince", (d) => isBefore(d, PERMIT_HANDGUN_BEFORE)),
    test(l?.extendsBeyondPistolGrip, "location.extendsBeyondPistolGrip", (b) => !b),
    rounds,
  );
  const t = any(atHome, ownedWithLimit, atRange, inTransport, underPermit);
  return finding(LCM_PLACE_ID, v.source, t, {
    met:
      underPermit.value === true
        ? `carried under a valid permit in a handgun possessed before 2013-04-04, within the grip, with ${l?.roundsLoaded} rounds`
        : `a place where a declared magazine may be possessed (${l?.place}${l?.roundsLoaded !== undefined ? `, ${l.roundsLoaded} rounds` : ""})`,
    notMet: `not a place or manner in which a declared magazine may be possessed (${l?.place ?? "place not given"}${l?.roundsLoaded !== undefined ? `, ${l.roundsLoaded} rounds; more than ${max} is allowed only at the residence` : ""})`,
  });
}

/** The places where an assault weapon with a certificate may be possessed. */
export function awPermittedPlace(l: LocationFacts | undefined, _on: PlainDate): Finding {
  // Every place but "in-transport" (which has its own conditions) and "elsewhere".
  const fixed = placeIs(l, ...Place.exclude(["in-transport", "elsewhere"]).options);
  const inTransport = all(
    placeIs(l, "in-transport"),
    fact(l?.transportBetweenPermittedPlaces, "location.transportBetweenPermittedPlaces"),
    fact(l?.transportCompliant, "location.transportCompliant"),
  );
  const t = any(fixed, inTransport);
  return finding(AW_PLACE_ID, AW_PLACE_SOURCE, t, {
    met: `a place where an assault weapon with a certificate may be possessed (${l?.place})`,
    notMet: `not a place where an assault weapon with a certificate may be possessed (${l?.place ?? "place not given"})`,
  });
}

export const PLACE_SOURCES = [LCM_PLACE_SOURCE, AW_PLACE_SOURCE];
