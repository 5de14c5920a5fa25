/**
 * Question: may this person possess this magazine, or this assault weapon,
 * here and now?
 *
 * The item is classified first (magazine-classification or
 * firearm-classification on the same date): an item that is not a large
 * capacity magazine or assault weapon is not restricted by these rules.
 * Otherwise possession is permitted when any one permission the text gives
 * is met; it is not permitted when the item is restricted and every
 * permission is definitively not met; and the answer is unknown otherwise.
 * When it is not permitted, the result names the violation.
 *
 * Modelled from PA 13-3's passage, 2013-04-04; earlier dates are refused for
 * weapons, and answered "permitted: no restriction yet" for magazines.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion } from "../../core/questions.ts";
import { type Dated, type Finding, inForce, missingOf, pa133 } from "../../core/rules.ts";
import { AW_POSSESSION_SOURCES, weaponPermissions, weaponViolation } from "./assault-weapon-possession.ts";
import { classifyWeapon } from "./firearm-classification.ts";
import { itemOf } from "./firearm-facts.ts";
import { type Tri, FALSE, TRUE, anyOf, boolOf, finding, settle, unknownTri } from "./logic.ts";
import { classifyMagazine } from "./magazine-classification.ts";
import {
  LCM_POSSESSION_SOURCES,
  type Violation,
  magazinePermissions,
  magazineViolation,
} from "./magazine-possession.ts";
import { isSpecifiedWeaponName } from "./named-assault-weapons.ts";
import { PossessionFacts, withNoSpecialCircumstances } from "./possession-facts.ts";
import { PLACE_SOURCES } from "./possession-places.ts";

export const POSSESSION_PERMITTED_ID = "possession-permitted";
export const NOT_LCM_ID = "weapons.not-a-large-capacity-magazine";
export const NOT_AW_ID = "weapons.not-an-assault-weapon";

const SOURCE = pa133("§§ 23-31", {
  text: "large capacity magazines and assault weapons: possession, exemptions, declarations, certificates of possession and places",
});
export const POSSESSION_VERSIONS: readonly Dated<true>[] = [{ from: "2013-04-04", value: true, source: SOURCE }];

export interface PossessionPermitted {
  permitted: boolean | null;
  item: "magazine" | "weapon" | null;
  restricted: boolean | null;
  basis: string[];
  violation: Violation | null;
  reasons: string[];
}

function triOfOutcome(o: "yes" | "no" | "unknown", missing: string[]): Tri {
  return o === "yes" ? TRUE : o === "no" ? FALSE : unknownTri(...missing);
}

function combine(
  item: "magazine" | "weapon",
  classification: Finding[],
  notRestricted: Finding,
  permissions: Finding[],
  violation: () => { violation: Violation | null; missing: string[] },
): Answer<PossessionPermitted> {
  const alternatives = [notRestricted, ...permissions];
  const outcome = anyOf(alternatives);
  const v = outcome === "no" ? violation() : { violation: null, missing: [] };
  const met = permissions.filter((f) => f.status === "met");
  const reasons =
    outcome === "yes"
      ? notRestricted.status === "met"
        ? [notRestricted.because]
        : met.map((f) => f.because)
      : outcome === "no"
        ? [
            notRestricted.because,
            "no permission covers this possession",
            ...(v.violation
              ? [`violation: ${v.violation.offense} (${v.violation.penalty})`]
              : v.missing.length
                ? [`the violation depends on: ${v.missing.join(", ")}`]
                : []),
          ]
        : [`not known yet: ${missingOf(alternatives).join(", ") || "needs legal review (see findings)"}`];
  const settled = settle([...classification, ...alternatives], outcome);
  // Facts that would grade the violation stay asked for.
  if (v.missing.length)
    settled.push({
      id: "weapons.violation-grade",
      status: "unknown",
      because: `the violation depends on: ${v.missing.join(", ")}`,
      source: SOURCE,
      missing: v.missing,
    });
  return {
    outcome,
    result: {
      permitted: boolOf(outcome),
      item,
      restricted: notRestricted.status === "met" ? false : notRestricted.status === "not-met" ? true : null,
      basis: outcome === "yes" ? (notRestricted.status === "met" ? [notRestricted.id] : met.map((f) => f.id)) : [],
      violation: v.violation,
      reasons,
    },
    findings: settled,
  };
}

/**
 * Before passage no law restricted large capacity magazines (the Act created the restriction), so a
 * magazine asked about for an earlier date is permitted, with the day the rules start. Assault
 * weapons were restricted by the law the Act amended, which this question does not model for
 * possession: asked before passage about a weapon, it refuses.
 */
function magazineBeforeTheAct(on: PlainDate): Answer<PossessionPermitted> {
  const a = beforeDutyStarts({
    id: "weapons.lcm-rules-start",
    source: LCM_POSSESSION_SOURCES[0]!,
    startsOn: POSSESSION_VERSIONS[0]!.from,
    on,
    duty: "the Act's restrictions on large capacity magazines (sale from passage; possession from 2014-01-01 unless declared)",
    outcome: "yes",
    result: {
      permitted: true,
      item: "magazine" as const,
      restricted: false,
      basis: ["weapons.lcm-rules-start"],
      violation: null,
      reasons: [] as string[],
    },
  });
  a.result.reasons.push(a.findings[0]!.because);
  return a;
}

export function decidePossession(given: PossessionFacts, on: PlainDate): Answer<PossessionPermitted> {
  const facts = withNoSpecialCircumstances(given);
  const item =
    facts.item ??
    (facts.magazine && !facts.weapon ? "magazine" : facts.weapon && !facts.magazine ? "weapon" : undefined);
  if (item === "magazine" && on < POSSESSION_VERSIONS[0]!.from) return magazineBeforeTheAct(on);
  inForce(POSSESSION_VERSIONS, on, POSSESSION_PERMITTED_ID);
  const { person: p, holding: h, location: l } = facts;

  if (item === undefined) {
    const f: Finding = {
      id: "weapons.possession-item",
      status: "unknown",
      because: "whether the item is a magazine or a weapon is not known",
      source: SOURCE,
      missing: ["item"],
    };
    return {
      outcome: "unknown",
      result: { permitted: null, item: null, restricted: null, basis: [], violation: null, reasons: [f.because] },
      findings: [f],
    };
  }

  if (item === "magazine") {
    const cls = classifyMagazine(facts.magazine ?? {}, on, "magazine");
    const notLcm = finding(
      NOT_LCM_ID,
      cls.findings[0]!.source,
      triOfOutcome(cls.outcome === "yes" ? "no" : cls.outcome === "no" ? "yes" : "unknown", missingOf(cls.findings)),
      {
        met: `not a large capacity magazine: ${cls.result.reasons.join("; ")}`,
        notMet: "a large capacity magazine",
      },
    );
    const perms = magazinePermissions(p, h, l, on);
    return combine("magazine", cls.findings, notLcm, perms.findings, () =>
      magazineViolation(p, h, perms.validDeclaration, on),
    );
  }

  const weapon = facts.weapon ?? {};
  const cls = classifyWeapon(weapon, on, "weapon");
  const notAw = finding(
    NOT_AW_ID,
    cls.findings[0]!.source,
    triOfOutcome(cls.outcome === "yes" ? "no" : cls.outcome === "no" ? "yes" : "unknown", missingOf(cls.findings)),
    {
      met: `not an assault weapon: ${cls.result.reasons.join("; ")}`,
      notMet: `an assault weapon (${cls.result.grounds.join(", ")})`,
    },
  );
  const before = classifyWeapon(weapon, "2013-04-03" as PlainDate, "weapon");
  const newlyBanned = triOfOutcome(
    before.outcome === "yes" ? "no" : before.outcome === "no" ? "yes" : "unknown",
    missingOf(before.findings),
  );
  const model = weapon.firearm?.model;
  const isSpecified: Tri =
    itemOf(weapon) === "parts"
      ? FALSE
      : model === undefined
        ? weapon.firearm?.notAListedModel === true
          ? FALSE
          : unknownTri("weapon.firearm.model")
        : isSpecifiedWeaponName(model)
          ? TRUE
          : FALSE;
  const perms = weaponPermissions(p, h, l, on, {
    newlyBanned,
    isSpecified,
    pre1994Exempt: cls.result.pre1994Exemption,
  });
  return combine("weapon", cls.findings, notAw, perms.findings, () => ({ violation: weaponViolation(), missing: [] }));
}

export const possessionPermitted: Question<PossessionFacts, PossessionPermitted> = defineQuestion({
  id: POSSESSION_PERMITTED_ID,
  title: "May this person possess this magazine or assault weapon here and now?",
  description:
    "Whether a person may possess a large capacity magazine or an assault weapon on a date and at a place: exempt persons and entities (agencies, nuclear plant security, manufacturers, dealers, gunsmiths, executors), declared magazines and certificates of possession with the places each may be kept (10-round limits away from the residence, the handgun-under-permit case), movers (90 days), service members (90 days after returning or arriving), heirs, the 2013 transition, the Thompson/AK-47/MAC notice exemption and the pre-1994 exemption; and, when not permitted, the violation.",
  citations: [SOURCE, ...LCM_POSSESSION_SOURCES, ...AW_POSSESSION_SOURCES, ...PLACE_SOURCES],
  modelledFrom: "2013-04-04",
  facts: PossessionFacts,
  result: {
    permitted:
      "true when the possession is permitted (outcome yes), false when it is not (outcome no), null when facts are missing or a legal question is open (outcome unknown).",
    item: '"magazine" or "weapon", the item asked about; null when not known.',
    restricted:
      "true when the item is a large capacity magazine or assault weapon on the date, false when it is not (so these rules do not restrict it), null when not known.",
    basis:
      "Ids of the permissions that allow the possession (or weapons.not-a-large-capacity-magazine / weapons.not-an-assault-weapon).",
    violation:
      "When not permitted: { code, offense, penalty, citation }, e.g. the $90 infraction for a first undeclared magazine obtained before 2013-04-04, a class D felony otherwise, a class C misdemeanor for a declared magazine outside the allowed places, a class D felony with a one-year minimum for an assault weapon. Null when permitted, unknown, or when the facts that grade it are missing.",
    reasons: "Plain-language reasons for the answer.",
  },
  example: {
    item: "magazine",
    magazine: {
      device: "magazine",
      capacity: 30,
      permanentlyAlteredToTenOrFewer: false,
      caliber22TubeFeedingDevice: false,
      tubularInLeverAction: false,
      permanentlyInoperable: false,
    },
    person: { roles: [], purposes: [] },
    holding: {
      obtainedOn: "2012-05-01" as PlainDate,
      lawfullyObtained: true,
      declared: true,
      declaredOn: "2013-12-15" as PlainDate,
    },
    location: { place: "residence" },
  },
  decide: decidePossession,
});
