/**
 * A part or combination of parts can itself be an assault weapon.
 *
 * Current law (OLR analysis of PA 13-3, §§ 25-31): "a part or combination of
 * parts designed or intended to convert a firearm into an assault weapon if
 * the parts may be rapidly assembled and are in the possession or under the
 * control of the same person". Codified (CGS § 53-202a(a)(2) and (4), rev.
 * 2012): "A part or combination of parts designed or intended to convert a
 * firearm into an assault weapon, as defined in subdivision (1) [or (3)] ...,
 * or any combination of parts from which an assault weapon, as defined in
 * subdivision (1) [or (3)] ..., may be rapidly assembled if those parts are
 * in the possession or under the control of the same person".
 *
 * PA 13-3 § 25: "The bill also bans a part or combination of parts (1)
 * designed or intended to convert firearms into assault weapons or (2) from
 * which such an assault weapon may be assembled if possessed by, or in the
 * possession or under the control of, the same person."
 *
 * QUESTION(legal): the analysis's summary of current law attaches "rapidly
 * assembled ... same person" to conversion parts too. We follow the codified
 * sentence and PA 13-3's two-branch wording: the same-person condition
 * belongs to the assembly branch; parts designed or intended to convert are
 * reached without it.
 *
 * QUESTION(legal): PA 13-3's wording ("may be assembled", without
 * "rapidly") is applied to parts for the weapons PA 13-3 adds; parts for
 * weapons that were already assault weapons keep the older "rapidly
 * assembled" condition.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite, findInForce, notApplicable } from "../../core/rules.ts";
import type { PartsFacts } from "./firearm-facts.ts";
import { firearmGrounds, OLDER_GROUNDS } from "./firearm-grounds.ts";
import { type Tri, all, any, finding, test, triOf, unknownTri, section25 } from "./logic.ts";

export const PARTS_OLDER_ID = "weapons.parts-older";
export const PARTS_2013_ID = "weapons.parts-2013";

const OLDER_SOURCE = cite("PA 93-306", "§ 1(a)(2)", {
  cgs: "CGS § 53-202a(a)(2), (4)",
  text: "A part or combination of parts designed or intended to convert a firearm into an assault weapon ..., or any combination of parts from which an assault weapon ... may be rapidly assembled if those parts are in the possession or under the control of the same person",
});
const NEW_SOURCE = section25(
  "a part or combination of parts (1) designed or intended to convert firearms into assault weapons or (2) from which such an assault weapon may be assembled if possessed by, or in the possession or under the control of, the same person",
);

export const PARTS_VERSIONS = {
  older: [{ from: "1993-10-01", value: true, source: OLDER_SOURCE }] as readonly Dated<true>[],
  of2013: [{ from: "2013-04-04", value: true, source: NEW_SOURCE }] as readonly Dated<true>[],
};

function assembledIs(grounds: Finding[], which: (id: string) => boolean): Tri {
  return any(...grounds.filter((g) => which(g.id)).map(triOf));
}

/** The parts tests: the older one (weapons already banned) and PA 13-3's (weapons it adds). */
export function assaultWeaponParts(p: PartsFacts, on: PlainDate, at = "parts"): Finding[] {
  const older = findInForce(PARTS_VERSIONS.older, on);
  const of2013 = findInForce(PARTS_VERSIONS.of2013, on);
  const grounds = p.assembles ? firearmGrounds(p.assembles, on, `${at}.assembles`) : undefined;
  const into = (which: (id: string) => boolean): Tri =>
    grounds ? assembledIs(grounds, which) : unknownTri(`${at}.assembles`);

  const convert = test(p.designedOrIntendedToConvert, `${at}.designedOrIntendedToConvert`, (b) => b);
  const samePerson = test(p.samePersonPossessesOrControls, `${at}.samePersonPossessesOrControls`, (b) => b);
  // "may be rapidly assembled" implies "may be assembled"; "may not be assembled" rules out "rapidly".
  const assembled = p.mayBeAssembled ?? (p.mayBeRapidlyAssembled === true ? true : undefined);
  const rapidly = p.mayBeAssembled === false ? false : p.mayBeRapidlyAssembled;
  const mayBeAssembled = test(assembled, `${at}.mayBeAssembled`, (b) => b);
  const mayBeRapidly = test(rapidly, `${at}.mayBeRapidlyAssembled`, (b) => b);

  const out: Finding[] = [];
  if (!older) out.push(notApplicable(PARTS_OLDER_ID, OLDER_SOURCE, `not modelled on ${on}`));
  else {
    const t = all(
      into((id) => OLDER_GROUNDS.has(id)),
      any(convert, all(mayBeRapidly, samePerson)),
    );
    out.push(
      finding(PARTS_OLDER_ID, older.source, t, {
        met: "parts designed or intended to convert a firearm into, or from which one person may rapidly assemble, an assault weapon under the older definitions",
        notMet:
          "not parts for an assault weapon under the older definitions (or not convertible or rapidly assemblable by one person)",
      }),
    );
  }
  if (!of2013)
    out.push(notApplicable(PARTS_2013_ID, NEW_SOURCE, `PA 13-3's parts test applies from 2013-04-04, not on ${on}`));
  else {
    const t = all(
      into((id) => !OLDER_GROUNDS.has(id)),
      any(convert, all(mayBeAssembled, samePerson)),
    );
    out.push(
      finding(PARTS_2013_ID, of2013.source, t, {
        met: "parts designed or intended to convert a firearm into, or from which one person may assemble, an assault weapon PA 13-3 defines",
        notMet: "not parts for an assault weapon PA 13-3 defines (or not convertible or assemblable by one person)",
      }),
    );
  }
  return out;
}

export const PARTS_SOURCES = [OLDER_SOURCE, NEW_SOURCE];
