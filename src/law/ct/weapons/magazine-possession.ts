/**
 * Who may possess a large capacity magazine, where, and what the violation is
 * (PA 13-3 § 24), from passage, 2013-04-04.
 *
 * Each function below is one permission the text gives; possession is
 * permitted when any one is met (possession-permitted.ts combines them).
 * A finding is "met" when that permission covers this possession.
 *
 * OLR analysis, §§ 23-24:
 * - "With exceptions, anyone who possesses any LCM on or after January 1,
 *   2014 obtained before the bill's effective date is guilty of a[n]
 *   infraction punishable by a $90 fine and a class D penalty for any
 *   subsequent offense; anyone who possesses a large capacity magazine on or
 *   after January 1, 2014 that was obtained after that date is guilty of a
 *   class D felony."
 * - "The following may possess, purchase, or import LCMs: 1. members or
 *   employees of DESPP, police departments, DOC, or the state or U.S. Armed
 *   Forces (service members) (a) for use in the discharge of their official
 *   duties or (b) when off duty; 2. employees of a NRC licensee operating a
 *   nuclear power plant in Connecticut for providing security services at the
 *   facility, or any person, firm, corporation, contractor, or subcontractor
 *   providing security at the facility; or 3. in-state manufacturers of LCM
 *   that manufacture or transport LCMs in Connecticut for sale here to exempt
 *   persons and entities above or for sale out of state."
 * - "The following may also possess LCMs: 1. gun dealers; 2. gunsmiths
 *   employed by gun dealers, who possess LCMs for servicing or repair;
 *   3. anyone who declared possession of the magazine under the bill; or
 *   4. executors or administrators of an estate that includes legally
 *   declared LCMs, which are disposed of as authorized by the Probate Court,
 *   if the disposition is otherwise permitted."
 * - "The bill allows transfers: 1. by bequest or intestate succession of
 *   LCMs, declared to DESPP; ..."
 * - "Anyone who lawfully possesses an LCM before January 1, 2014, must apply
 *   to DESPP by January 1, 2014 to declare its possession in order to legally
 *   keep it. Servicemembers unable to apply by January 1, 2014 because of
 *   out-of-state duty have 90 days after returning to Connecticut to declare
 *   possession of such magazine."
 * - "Anyone who moves into Connecticut in lawful possession of an LCM has 90
 *   days to either permanently disable it, sell it to a gun dealer, or take it
 *   out of state. But servicemembers who transfer here after January 1, 2014,
 *   have 90 days after their arrival to declare possession of an LCM."
 *
 * QUESTION(legal): "obtained after that date" (the class D felony) is read as
 * "obtained on or after the bill's effective date (2013-04-04)"; read as
 * 2014-01-01 it would leave magazines obtained between the two dates
 * unpunished. The analysis leaves the day 2013-04-04 itself between "before
 * the effective date" and "after"; we put it with the later group, since the
 * sale ban applied from passage that day.
 *
 * QUESTION(legal): "has 90 days" and "90 days after" are counted from the
 * day after the event: the last day covered is the event's date plus 90 days.
 *
 * QUESTION(legal): members and employees of the listed agencies may possess
 * for official duties "or when off duty"; we read that as covering their
 * possession at any time.
 *
 * QUESTION(legal): the analysis gives no window for an heir of a declared
 * magazine to declare it. An heir who received a declared magazine by bequest
 * or intestate succession, and keeps it where declared magazines may be kept,
 * gets "unknown" for a person to review (as clocks/heir-certificate.ts does).
 *
 * QUESTION(legal): "servicemembers who transfer here after January 1, 2014"
 * is read as arrivals on or after 2014-01-01 (as clocks/ does): one arriving
 * on the day itself could not otherwise have declared a magazine held in the
 * state before that day.
 *
 * QUESTION(legal): the place limits bind a magazine "that was declared" from
 * passage; a magazine declared before 2014-01-01 is bound by them from its
 * declaration, though an undeclared one is not yet subject to the possession
 * offense until 2014-01-01.
 *
 * QUESTION(legal): the executor's permission is conditioned on the
 * magazines being "disposed of as authorized by the Probate Court"; that is
 * checked at disposal, so we test only that the estate's magazines were
 * legally declared.
 */
import { type PlainDate, addDays, isBefore, isOnOrAfter } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  citationLabel,
  findInForce,
  notApplicable,
  pa133,
} from "../../core/rules.ts";
import { type Tri, FALSE, TRUE, all, any, fact, finding, not, test, unknownTri } from "./logic.ts";
import {
  type HoldingFacts,
  type LocationFacts,
  type PersonFacts,
  gunDealer,
  hasPurpose,
  hasRole,
  nuclearPlantSecurity,
} from "./possession-facts.ts";
import { lcmPermittedPlace } from "./possession-places.ts";

export const LCM_IDS = {
  agency: "weapons.lcm-agency-member",
  nuclear: "weapons.lcm-nuclear-plant-security",
  manufacturer: "weapons.lcm-in-state-manufacturer",
  dealer: "weapons.lcm-gun-dealer",
  gunsmith: "weapons.lcm-dealer-gunsmith",
  executor: "weapons.lcm-executor",
  beforeBan: "weapons.lcm-before-possession-ban",
  declared: "weapons.lcm-declared",
  inherited: "weapons.lcm-inherited-declared",
  mover: "weapons.lcm-moved-into-state",
  serviceMember: "weapons.lcm-service-member-window",
} as const;

const S24 = (text: string) => pa133("§§ 23-24", { cgs: "CGS §§ 53-202w, 53-202x", text });
export const LCM_POSSESSION_CITATIONS = {
  offense: S24(
    "anyone who possesses any LCM on or after January 1, 2014 obtained before the bill's effective date is guilty of a infraction punishable by a $90 fine and a class D penalty for any subsequent offense; anyone who possesses a large capacity magazine on or after January 1, 2014 that was obtained after that date is guilty of a class D felony",
  ),
  agency: S24(
    "members or employees of DESPP, police departments, DOC, or the state or U.S. Armed Forces (service members) (a) for use in the discharge of their official duties or (b) when off duty",
  ),
  nuclear: S24(
    "employees of a NRC licensee operating a nuclear power plant in Connecticut for providing security services at the facility, or any person, firm, corporation, contractor, or subcontractor providing security at the facility",
  ),
  manufacturer: S24(
    "in-state manufacturers of LCM that manufacture or transport LCMs in Connecticut for sale here to exempt persons and entities above or for sale out of state",
  ),
  dealer: S24("The following may also possess LCMs: 1. gun dealers"),
  gunsmith: S24("2. gunsmiths employed by gun dealers, who possess LCMs for servicing or repair"),
  executor: S24(
    "4. executors or administrators of an estate that includes legally declared LCMs, which are disposed of as authorized by the Probate Court, if the disposition is otherwise permitted",
  ),
  declared: S24(
    "Anyone who lawfully possesses an LCM before January 1, 2014, must apply to DESPP by January 1, 2014 to declare its possession in order to legally keep it. Servicemembers unable to apply by January 1, 2014 because of out-of-state duty have 90 days after returning to Connecticut to declare",
  ),
  inherited: S24("The bill allows transfers: 1. by bequest or intestate succession of LCMs, declared to DESPP"),
  mover: S24(
    "Anyone who moves into Connecticut in lawful possession of an LCM has 90 days to either permanently disable it, sell it to a gun dealer, or take it out of state. But servicemembers who transfer here after January 1, 2014, have 90 days after their arrival to declare possession of an LCM",
  ),
  place: S24("A violation of the provisions [limiting where a declared LCM may be possessed] is a class C misdemeanor"),
} satisfies Record<string, Citation>;

/** The dates and periods of the magazine rules. */
export const LCM_DATES = {
  /** The possession offense applies on and after this day. */
  possessionBanFrom: "2014-01-01" as PlainDate,
  /** Declarations made on or before this day are timely. */
  declareBy: "2014-01-01" as PlainDate,
  /** Magazines obtained before this day (the Act's passage) carry the infraction, not the felony. */
  effective: "2013-04-04" as PlainDate,
  /** Days a mover has, and a service member has after returning or arriving. */
  windowDays: 90,
  /** Service members transferred here on or after this day have 90 days from arrival to declare. */
  transferredFrom: "2014-01-01" as PlainDate,
} as const;

export const LCM_POSSESSION_VERSIONS: readonly Dated<typeof LCM_DATES>[] = [
  { from: "2013-04-04", value: LCM_DATES, source: LCM_POSSESSION_CITATIONS.offense },
];

type P = PersonFacts | undefined;
type H = HoldingFacts | undefined;
type L = LocationFacts | undefined;

/**
 * A service member kept away on duty is within the window on `d` while still
 * away, and until 90 days after returning.
 *
 * "Still away" settles it: a person still away on that duty is within the
 * window whatever return date is also given (that date can only be of an
 * earlier return). A return date after `d`, or within 90 days before it, also
 * settles it (yes either way). A return more than 90 days before `d` answers
 * no only when the person is known not to be still away; otherwise that fact
 * is asked for. This keeps the test monotone: a fact learned later can settle
 * an open answer but never flip a settled one (the property in
 * properties.test.ts; seed 964438054 found the earlier version, where a past
 * return date overrode "still away", answering yes on partial facts and no on
 * the complete ones).
 *
 * QUESTION(legal): facts that say both "still away" and "returned on a past
 * date" are read as an earlier return followed by the duty that still keeps
 * the person away.
 */
export function awayOrReturnedBy(p: P, d: PlainDate): Tri {
  const still = p?.serviceMemberStillAway;
  if (still === true) return TRUE;
  const returned = p?.returnedToStateOn;
  if (returned === undefined)
    return unknownTri(...(still === undefined ? ["person.serviceMemberStillAway"] : []), "person.returnedToStateOn");
  if (isBefore(d, returned)) return TRUE;
  if (!isBefore(addDays(returned, LCM_DATES.windowDays), d)) return TRUE;
  return still === false ? FALSE : unknownTri("person.serviceMemberStillAway");
}

function within(start: PlainDate | undefined, path: string, on: PlainDate, days: number): Tri {
  return test(start, path, (s) => isOnOrAfter(on, s) && !isBefore(addDays(s, days), on));
}

/** Members or employees of DESPP, police departments, DOC, or the state or U.S. armed forces, on or off duty. */
export function lcmAgencyMember(p: P, _on: PlainDate): Finding {
  const t = hasRole(
    p,
    "despp-member-or-employee",
    "police-member-or-employee",
    "doc-member-or-employee",
    "armed-forces-member",
  );
  return finding(LCM_IDS.agency, LCM_POSSESSION_CITATIONS.agency, t, {
    met: "a member or employee of DESPP, a police department, DOC or the armed forces (on or off duty)",
    notMet: "not a member or employee of DESPP, a police department, DOC or the armed forces",
  });
}

/** Security at a Connecticut nuclear power plant. */
export function lcmNuclearPlantSecurity(p: P, _on: PlainDate): Finding {
  return nuclearPlantSecurity(LCM_IDS.nuclear, LCM_POSSESSION_CITATIONS.nuclear, p);
}

/** In-state manufacturers making or moving magazines for sale to exempt persons or out of state. */
export function lcmInStateManufacturer(p: P, _on: PlainDate): Finding {
  return finding(LCM_IDS.manufacturer, LCM_POSSESSION_CITATIONS.manufacturer, hasRole(p, "in-state-lcm-manufacturer"), {
    met: "an in-state manufacturer making or transporting magazines for sale to exempt persons or out of state",
    notMet: "not an in-state magazine manufacturer",
  });
}

/** Gun dealers. */
export function lcmGunDealer(p: P, _on: PlainDate): Finding {
  return gunDealer(LCM_IDS.dealer, LCM_POSSESSION_CITATIONS.dealer, p);
}

/** Gunsmiths employed by gun dealers, possessing for servicing or repair. */
export function lcmDealerGunsmith(p: P, _on: PlainDate): Finding {
  const t = all(hasRole(p, "gunsmith-employed-by-dealer"), hasPurpose(p, "servicing-or-repair"));
  return finding(LCM_IDS.gunsmith, LCM_POSSESSION_CITATIONS.gunsmith, t, {
    met: "a gunsmith employed by a gun dealer, possessing it for servicing or repair",
    notMet: "not a dealer-employed gunsmith possessing it for servicing or repair",
  });
}

/** Executors or administrators of an estate that includes legally declared magazines. */
export function lcmExecutor(p: P, h: H, _on: PlainDate): Finding {
  const t = all(hasRole(p, "executor-or-administrator"), fact(h?.estateItemRegistered, "holding.estateItemRegistered"));
  return finding(LCM_IDS.executor, LCM_POSSESSION_CITATIONS.executor, t, {
    met: "an executor or administrator of an estate that includes this legally declared magazine",
    notMet: "not an executor or administrator holding a declared magazine of the estate",
  });
}

/** A declaration made by `on`, and in time: by 2014-01-01, or within a service member's 90-day window. */
export function validDeclaration(p: P, h: H, on: PlainDate): Tri {
  const declared = fact(h?.declared, "holding.declared");
  if (declared.value === false) return FALSE;
  const d = h?.declaredOn;
  if (d === undefined) return all(declared, unknownTri("holding.declaredOn"));
  const madeByNow = isOnOrAfter(on, d) ? { value: true, missing: [] } : FALSE;
  const timely = any(
    { value: !isBefore(LCM_DATES.declareBy, d), missing: [] },
    all(fact(p?.serviceMemberAwayOnDuty, "person.serviceMemberAwayOnDuty"), awayOrReturnedBy(p, d)),
    all(
      fact(h?.movedIntoState, "holding.movedIntoState"),
      fact(h?.transferredServiceMember, "holding.transferredServiceMember"),
      test(
        h?.arrivedOn,
        "holding.arrivedOn",
        (a) => isOnOrAfter(a, LCM_DATES.transferredFrom) && !isBefore(addDays(a, LCM_DATES.windowDays), d),
      ),
    ),
  );
  return all(declared, madeByNow, timely);
}

/** Before 2014-01-01 the possession offense does not yet apply to a magazine that has not been declared. */
export function lcmBeforePossessionBan(h: H, on: PlainDate): Finding {
  if (!isBefore(on, LCM_DATES.possessionBanFrom)) {
    return {
      id: LCM_IDS.beforeBan,
      status: "not-met",
      because: `on ${on} the possession offense applies (from 2014-01-01)`,
      source: LCM_POSSESSION_CITATIONS.offense,
    };
  }
  const declaredByNow = all(
    fact(h?.declared, "holding.declared"),
    test(h?.declaredOn, "holding.declaredOn", (d) => isOnOrAfter(on, d)),
  );
  return finding(LCM_IDS.beforeBan, LCM_POSSESSION_CITATIONS.offense, not(declaredByNow), {
    met: "the possession offense applies only from 2014-01-01 (buying, importing or selling one has been a class D felony since 2013-04-04)",
    notMet: "declared already, so bound by the places allowed for declared magazines",
  });
}

/** A magazine this person declared in time, kept where declared magazines may be kept. */
export function lcmDeclared(p: P, h: H, l: L, on: PlainDate): { finding: Finding; place: Finding; valid: Tri } {
  const valid = validDeclaration(p, h, on);
  const place = lcmPermittedPlace(l, on);
  const t = all(
    valid,
    place.status === "met"
      ? { value: true, missing: [] }
      : place.status === "unknown"
        ? unknownTri(...(place.missing ?? []))
        : FALSE,
  );
  return {
    valid,
    place,
    finding: finding(LCM_IDS.declared, LCM_POSSESSION_CITATIONS.declared, t, {
      met: `declared on ${h?.declaredOn}, and ${place.because}`,
      notMet:
        valid.value === false
          ? "not declared in time (by 2014-01-01, or within a service member's 90 days)"
          : place.because,
    }),
  };
}

/**
 * A declared magazine received by bequest or intestate succession. The
 * analysis allows the transfer but gives the heir no declaration route, so
 * when the rest is in order the answer goes to a person (unknown, no missing
 * fact); outside the places allowed for declared magazines it is not covered.
 */
export function lcmInheritedDeclared(h: H, place: Finding, _on: PlainDate): Finding {
  const placeTri: Tri =
    place.status === "met"
      ? { value: true, missing: [] }
      : place.status === "unknown"
        ? unknownTri(...(place.missing ?? []))
        : FALSE;
  const review: Tri = { value: null, missing: [] };
  const t = all(
    fact(h?.inherited, "holding.inherited"),
    fact(h?.inheritedItemRegistered, "holding.inheritedItemRegistered"),
    placeTri,
    review,
  );
  return finding(LCM_IDS.inherited, LCM_POSSESSION_CITATIONS.inherited, t, {
    met: "inherited a declared magazine",
    notMet:
      h?.inherited === false || h?.inheritedItemRegistered === false
        ? "not a declared magazine received by bequest or intestate succession"
        : place.because,
    unknown:
      t.missing.length === 0
        ? "QUESTION(legal): an heir may receive a declared magazine by bequest or intestate succession, but the analysis gives the heir no way to declare it; a person must review"
        : undefined,
  });
}

/** Moved into Connecticut in lawful possession: 90 days to disable, sell to a dealer, or take out of state. */
export function lcmMovedIntoState(h: H, on: PlainDate): Finding {
  const t = all(
    fact(h?.movedIntoState, "holding.movedIntoState"),
    fact(h?.lawfulPossessionOnArrival, "holding.lawfulPossessionOnArrival"),
    within(h?.arrivedOn, "holding.arrivedOn", on, LCM_DATES.windowDays),
  );
  return finding(LCM_IDS.mover, LCM_POSSESSION_CITATIONS.mover, t, {
    met: `moved in lawfully on ${h?.arrivedOn}; within 90 days (to ${h?.arrivedOn ? addDays(h.arrivedOn, LCM_DATES.windowDays) : "?"})`,
    notMet:
      h?.movedIntoState === false
        ? "did not move into the state with it"
        : h?.lawfulPossessionOnArrival === false
          ? "did not lawfully possess it on arrival"
          : `more than 90 days after moving in (${h?.arrivedOn})`,
  });
}

/** A service member kept from declaring by out-of-state duty: until 90 days after returning. */
export function lcmServiceMemberWindow(p: P, h: H, on: PlainDate): Finding {
  const t = all(
    fact(p?.serviceMemberAwayOnDuty, "person.serviceMemberAwayOnDuty"),
    awayOrReturnedBy(p, on),
    test(h?.obtainedOn, "holding.obtainedOn", (d) => isBefore(d, LCM_DATES.declareBy)),
    fact(h?.lawfullyObtained, "holding.lawfullyObtained"),
  );
  return finding(LCM_IDS.serviceMember, LCM_POSSESSION_CITATIONS.declared, t, {
    met: p?.serviceMemberStillAway
      ? "a service member still away on duty"
      : `a service member kept away on duty, within 90 days of returning (${p?.returnedToStateOn})`,
    notMet:
      "not a service member away on duty or within 90 days of returning, with a magazine lawfully held before 2014",
  });
}

/** Every permission, in the order of the text. */
export function magazinePermissions(p: P, h: H, l: L, on: PlainDate): { findings: Finding[]; validDeclaration: Tri } {
  const v = findInForce(LCM_POSSESSION_VERSIONS, on);
  if (!v)
    return {
      findings: [notApplicable(LCM_IDS.declared, LCM_POSSESSION_CITATIONS.offense, `not in force on ${on}`)],
      validDeclaration: FALSE,
    };
  const declared = lcmDeclared(p, h, l, on);
  return {
    validDeclaration: declared.valid,
    findings: [
      lcmAgencyMember(p, on),
      lcmNuclearPlantSecurity(p, on),
      lcmInStateManufacturer(p, on),
      lcmGunDealer(p, on),
      lcmDealerGunsmith(p, on),
      lcmExecutor(p, h, on),
      lcmBeforePossessionBan(h, on),
      declared.finding,
      lcmInheritedDeclared(h, declared.place, on),
      lcmMovedIntoState(h, on),
      lcmServiceMemberWindow(p, h, on),
    ],
  };
}

export interface Violation {
  code: string;
  offense: string;
  penalty: string;
  citation: string;
}

/**
 * The violation when possession is not permitted. Null when the facts that
 * grade it (when the magazine was obtained, a prior offense) are missing.
 */
export function magazineViolation(
  p: P,
  h: H,
  validDeclaration: Tri,
  on: PlainDate,
): { violation: Violation | null; missing: string[] } {
  if (validDeclaration.value === true) {
    return {
      violation: {
        code: "lcm-declared-outside-permitted-places",
        offense: "possessing a declared large capacity magazine outside the places and conditions allowed",
        penalty: "class C misdemeanor",
        citation: citationLabel(LCM_POSSESSION_CITATIONS.place),
      },
      missing: [],
    };
  }
  if (validDeclaration.value === null) return { violation: null, missing: validDeclaration.missing };
  if (isBefore(on, LCM_DATES.possessionBanFrom)) return { violation: null, missing: [] };
  if (h?.obtainedOn === undefined) return { violation: null, missing: ["holding.obtainedOn"] };
  if (!isBefore(h.obtainedOn, LCM_DATES.effective)) {
    return {
      violation: {
        code: "lcm-obtained-after-effective-date",
        offense: "possessing on or after 2014-01-01 a large capacity magazine obtained on or after 2013-04-04",
        penalty: "class D felony",
        citation: citationLabel(LCM_POSSESSION_CITATIONS.offense),
      },
      missing: [],
    };
  }
  if (p?.priorLcmViolation === undefined) return { violation: null, missing: ["person.priorLcmViolation"] };
  return p.priorLcmViolation
    ? {
        violation: {
          code: "lcm-undeclared-subsequent",
          offense:
            "possessing on or after 2014-01-01 an undeclared large capacity magazine obtained before 2013-04-04, a subsequent offense",
          penalty: "class D felony",
          citation: citationLabel(LCM_POSSESSION_CITATIONS.offense),
        },
        missing: [],
      }
    : {
        violation: {
          code: "lcm-undeclared-first",
          offense:
            "possessing on or after 2014-01-01 an undeclared large capacity magazine obtained before 2013-04-04, a first offense",
          penalty: "infraction, $90 fine",
          citation: citationLabel(LCM_POSSESSION_CITATIONS.offense),
        },
        missing: [],
      };
}

export const LCM_POSSESSION_SOURCES = Object.values(LCM_POSSESSION_CITATIONS);
