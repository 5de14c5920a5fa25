/**
 * Who may possess an assault weapon, where, and what the violation is
 * (PA 13-3 §§ 25-31 and the law they amend, CGS §§ 53-202c, 53-202d,
 * 53-202m, 53-202n), from passage, 2013-04-04.
 *
 * Each function below is one permission; possession is permitted when any
 * one is met (possession-permitted.ts combines them).
 *
 * OLR analysis, §§ 25-31:
 * - "By law, illegal possession of an assault weapon is a class D felony,
 *   with a mandatory minimum one-year prison term."
 * - "Legal Possession. Under the bill, anyone who legally possessed one of
 *   the newly banned weapons on the day before the bill's effective date and
 *   who is eligible for a certificate of possession may continue to do so by
 *   applying to DESPP for this certificate by January 1, 2014 and otherwise
 *   complying with the bill. A member of the U.S. Military or Navy who is
 *   unable to apply by January 1, 2014 because he or she is out of state on
 *   official duty has 90 days after returning to Connecticut to apply for a
 *   certificate."
 * - "Anyone who inherits an assault weapon for which a certificate was issued
 *   has 90 days to apply for a certificate or sell the weapon to a gun
 *   dealer, permanently disable it, or take it out of state."
 * - "Anyone who moves into Connecticut in lawful possession of an assault
 *   weapon has 90 days to make it permanently inoperable, sell it to a gun
 *   dealer, or take it out of state. But servicemembers transferred to
 *   Connecticut in lawful possession of an assault weapon may apply to DESPP
 *   for a certificate within 90 days of arriving here."
 * - "Anyone who obtained a certificate of possession for an existing assault
 *   weapon before April 4, 2013 for a weapon the bill defines as an assault
 *   weapon is deemed to have obtained a certificate of possession".
 * - "It also allows possession by members or employees of these entities
 *   [DOC, DESPP, police departments, and Connecticut's and the U.S. military
 *   or naval forces] for use in the discharge of their official duties. It
 *   additionally allows sales to and possession by (a) employees of a Nuclear
 *   Regulatory Commission (NRC) licensee operating a nuclear power plant in
 *   Connecticut for the purpose of providing security or (b) any person,
 *   firm, corporation, contractor, or subcontractor providing security at the
 *   plant."
 * - "the bill allows the newly added weapons to be possessed or received,
 *   under defined circumstances, by: 1. executors or administrators of an
 *   estate that includes an assault weapon for which a certificate has been
 *   issued, 2. gun dealers, and 3. gunsmiths. Similarly, it allows for:
 *   1. individuals to arrange to relinquish a weapon to a police department
 *   or DESPP; ..."
 * BACKGROUND: "A person may possess an Auto-Ordnance Thompson type, Avtomat
 * Kalashnikov AK-47 type, MAC-10, MAC-11, or MAC11 Carbine type assault
 * weapon if (1) it was obtained in good faith on or after October 1, 1993 and
 * before May 8, 2002, (2) the possessor is not prohibited from possessing the
 * weapon under any other law, and (3) the possessor notified DESPP before
 * October 1, 2003 that he or she possessed the specific weapon (CGS §
 * 53-202N)."
 *
 * QUESTION(legal): "possessed or received, under defined circumstances, by
 * ... gunsmiths": the circumstances are not in the analysis. We require that
 * the gunsmith hold the weapon for servicing or repair, as the magazine
 * provision says.
 *
 * QUESTION(legal): a pending, timely application for a certificate is
 * treated like an issued certificate (the analysis: "may continue to do so
 * by applying"), and both are bound by the place limits.
 *
 * QUESTION(legal): possession outside the places allowed to certificate
 * holders is treated as illegal possession (class D felony); the analysis
 * states no separate penalty for it.
 *
 * QUESTION(legal): the transition (legal possession on 2013-04-03, until the
 * 2014-01-01 deadline to apply) is for "newly banned" weapons; a weapon that
 * was already an assault weapon on 2013-04-03 is not newly banned. We decide
 * that by classifying the weapon under the law of 2013-04-03.
 *
 * QUESTION(legal): a weapon exempt under CGS § 53-202m (defined by criteria,
 * legally manufactured before 1994-09-13) is "exempt from the state transfer
 * restrictions and registration requirements". We read that as: no
 * certificate is needed, so possessing it is permitted, and the place limits
 * (which bind certificate holders) do not apply.
 *
 * QUESTION(legal): "temporary transfers or possession for certain
 * out-of-state events" is not described in enough detail to model and is
 * left out.
 */
import { type PlainDate, addDays, isBefore, isOnOrAfter } from "../../core/dates.ts";
import { type Citation, type Finding, cite, citationLabel, notApplicable, pa133 } from "../../core/rules.ts";
import { type Tri, FALSE, TRUE, all, any, fact, finding, test, unknownTri } from "./logic.ts";
import { type Violation, awayOrReturnedBy } from "./magazine-possession.ts";
import {
  type HoldingFacts,
  type LocationFacts,
  type PersonFacts,
  gunDealer,
  hasPurpose,
  hasRole,
  nuclearPlantSecurity,
} from "./possession-facts.ts";
import { awPermittedPlace } from "./possession-places.ts";

export const AW_IDS = {
  agency: "weapons.aw-agency-official-duties",
  nuclear: "weapons.aw-nuclear-plant-security",
  dealer: "weapons.aw-gun-dealer",
  gunsmith: "weapons.aw-gunsmith",
  executor: "weapons.aw-executor",
  relinquish: "weapons.aw-arranged-relinquishment",
  certificate: "weapons.aw-certificate",
  transition: "weapons.aw-transition-to-2014",
  serviceMember: "weapons.aw-service-member-window",
  mover: "weapons.aw-moved-into-state",
  heir: "weapons.aw-heir-window",
  specified: "weapons.aw-specified-weapon-notice",
  pre1994: "weapons.aw-pre-1994-exempt",
} as const;

const A = (text: string, cgs = "CGS § 53-202c") => pa133("§§ 25-31", { cgs, text });
export const AW_POSSESSION_CITATIONS = {
  offense: A(
    "By law, illegal possession of an assault weapon is a class D felony, with a mandatory minimum one-year prison term.",
  ),
  agency: A(
    "It also allows possession by members or employees of these entities for use in the discharge of their official duties.",
  ),
  nuclear: A(
    "It additionally allows sales to and possession by (a) employees of a Nuclear Regulatory Commission (NRC) licensee operating a nuclear power plant in Connecticut for the purpose of providing security or (b) any person, firm, corporation, contractor, or subcontractor providing security at the plant.",
  ),
  others: A(
    "the bill allows the newly added weapons to be possessed or received, under defined circumstances, by: executors or administrators of an estate that includes an assault weapon for which a certificate has been issued, gun dealers, and gunsmiths",
  ),
  relinquish: A("it allows for: individuals to arrange to relinquish a weapon to a police department or DESPP"),
  certificate: A(
    "anyone who legally possessed one of the newly banned weapons on the day before the bill's effective date and who is eligible for a certificate of possession may continue to do so by applying to DESPP for this certificate by January 1, 2014",
    "CGS § 53-202d",
  ),
  serviceMember: A(
    "A member of the U.S. Military or Navy who is unable to apply by January 1, 2014 because he or she is out of state on official duty has 90 days after returning to Connecticut to apply for a certificate.",
    "CGS § 53-202d",
  ),
  heir: A(
    "Anyone who inherits an assault weapon for which a certificate was issued has 90 days to apply for a certificate or sell the weapon to a gun dealer, permanently disable it, or take it out of state.",
    "CGS § 53-202d",
  ),
  mover: A(
    "Anyone who moves into Connecticut in lawful possession of an assault weapon has 90 days to make it permanently inoperable, sell it to a gun dealer, or take it out of state. But servicemembers transferred to Connecticut in lawful possession of an assault weapon may apply to DESPP for a certificate within 90 days of arriving here.",
    "CGS § 53-202d",
  ),
  specified: cite("CGS", "§ 53-202n", {
    cgs: "CGS § 53-202n",
    text: "A person may possess an Auto-Ordnance Thompson type, Avtomat Kalashnikov AK-47 type, MAC-10, MAC-11, or MAC11 Carbine type assault weapon if (1) it was obtained in good faith on or after October 1, 1993 and before May 8, 2002, (2) the possessor is not prohibited ..., and (3) the possessor notified DESPP before October 1, 2003",
  }),
  pre1994: cite("CGS", "§ 53-202m", {
    cgs: "CGS § 53-202m",
    text: "exempt from the state transfer restrictions and registration requirements if they were legally manufactured before September 13, 1994",
  }),
} satisfies Record<string, Citation>;

/** The dates and periods of the assault weapon possession rules. */
export const AW_DATES = {
  /** Newly banned weapons must have been legally possessed on this day (the day before passage). */
  possessedOn: "2013-04-03" as PlainDate,
  /** Applications made on or before this day are timely. */
  applyBy: "2014-01-01" as PlainDate,
  windowDays: 90,
  specifiedFrom: "1993-10-01" as PlainDate,
  specifiedBefore: "2002-05-08" as PlainDate,
  specifiedNoticeBefore: "2003-10-01" as PlainDate,
} as const;

type P = PersonFacts | undefined;
type H = HoldingFacts | undefined;
type L = LocationFacts | undefined;

const AGENCIES = [
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
] as const;

function within(start: PlainDate | undefined, path: string, on: PlainDate, days: number): Tri {
  return test(start, path, (s) => isOnOrAfter(on, s) && !isBefore(addDays(s, days), on));
}

/** Legally possessed on 2013-04-03, the day before the Act took effect. */
function possessedBeforeAct(h: H): Tri {
  return all(
    test(h?.obtainedOn, "holding.obtainedOn", (d) => !isBefore(AW_DATES.possessedOn, d)),
    fact(h?.lawfullyObtained, "holding.lawfullyObtained"),
  );
}

/** Members or employees of DESPP, police departments, DOC or the military or naval forces, for use in official duties. */
export function awAgencyOfficialDuties(p: P, _on: PlainDate): Finding {
  const t = all(hasRole(p, ...AGENCIES), hasPurpose(p, "official-duties"));
  return finding(AW_IDS.agency, AW_POSSESSION_CITATIONS.agency, t, {
    met: "a member or employee of DESPP, a police department, DOC or the military or naval forces, for use in official duties",
    notMet: "not an agency member or employee holding it for official duties",
  });
}

/** Security at a Connecticut nuclear power plant. */
export function awNuclearPlantSecurity(p: P, _on: PlainDate): Finding {
  return nuclearPlantSecurity(AW_IDS.nuclear, AW_POSSESSION_CITATIONS.nuclear, p);
}

export function awGunDealer(p: P, _on: PlainDate): Finding {
  return gunDealer(AW_IDS.dealer, AW_POSSESSION_CITATIONS.others, p);
}

export function awGunsmith(p: P, _on: PlainDate): Finding {
  const t = all(hasRole(p, "gunsmith", "gunsmith-employed-by-dealer"), hasPurpose(p, "servicing-or-repair"));
  return finding(AW_IDS.gunsmith, AW_POSSESSION_CITATIONS.others, t, {
    met: "a gunsmith holding it for servicing or repair",
    notMet: "not a gunsmith holding it for servicing or repair",
  });
}

export function awExecutor(p: P, h: H, _on: PlainDate): Finding {
  const t = all(hasRole(p, "executor-or-administrator"), fact(h?.estateItemRegistered, "holding.estateItemRegistered"));
  return finding(AW_IDS.executor, AW_POSSESSION_CITATIONS.others, t, {
    met: "an executor or administrator of an estate that includes this weapon, for which a certificate was issued",
    notMet: "not an executor or administrator holding an estate's certified weapon",
  });
}

export function awArrangedRelinquishment(p: P, _on: PlainDate): Finding {
  return finding(AW_IDS.relinquish, AW_POSSESSION_CITATIONS.relinquish, hasPurpose(p, "arranged-relinquishment"), {
    met: "holding it to relinquish it under an arrangement with a police department or DESPP",
    notMet: "not holding it under an arrangement to relinquish it",
  });
}

/** A certificate issued, or applied for in time: by 2014-01-01, or within a service member's, transferee's or heir's 90 days. */
export function validCertificate(p: P, h: H, on: PlainDate): Tri {
  const status = h?.certificate;
  if (status === undefined) return unknownTri("holding.certificate");
  if (status === "none") return FALSE;
  if (status === "issued") return TRUE;
  const d = h?.certificateAppliedOn;
  if (d === undefined) return unknownTri("holding.certificateAppliedOn");
  if (isBefore(on, d)) return FALSE;
  const by = (start: PlainDate) => !isBefore(addDays(start, AW_DATES.windowDays), d);
  return any(
    { value: !isBefore(AW_DATES.applyBy, d), missing: [] },
    all(fact(p?.serviceMemberAwayOnDuty, "person.serviceMemberAwayOnDuty"), awayOrReturnedBy(p, d)),
    all(
      fact(h?.movedIntoState, "holding.movedIntoState"),
      fact(h?.transferredServiceMember, "holding.transferredServiceMember"),
      test(h?.arrivedOn, "holding.arrivedOn", by),
    ),
    all(
      fact(h?.inherited, "holding.inherited"),
      fact(h?.inheritedItemRegistered, "holding.inheritedItemRegistered"),
      test(h?.inheritedOn, "holding.inheritedOn", by),
    ),
  );
}

/** A certificate of possession (issued, deemed, or timely applied for), with the weapon where certificate holders may keep it. */
export function awCertificate(p: P, h: H, l: L, on: PlainDate): { finding: Finding; valid: Tri } {
  const valid = validCertificate(p, h, on);
  const place = awPermittedPlace(l, on);
  const placeTri: Tri =
    place.status === "met" ? TRUE : place.status === "unknown" ? unknownTri(...(place.missing ?? [])) : FALSE;
  const t = all(valid, placeTri);
  return {
    valid,
    finding: finding(AW_IDS.certificate, AW_POSSESSION_CITATIONS.certificate, t, {
      met: `holds a certificate of possession (${h?.certificate}), and ${place.because}`,
      notMet: valid.value === false ? "no certificate of possession issued or applied for in time" : place.because,
    }),
  };
}

/** Newly banned weapons legally possessed on 2013-04-03 may be kept, pending application, until 2014-01-01. */
export function awTransition(p: P, h: H, newlyBanned: Tri, on: PlainDate): Finding {
  const t = all(
    { value: !isBefore(AW_DATES.applyBy, on), missing: [] },
    newlyBanned,
    possessedBeforeAct(h),
    fact(p?.eligibleForCertificate, "person.eligibleForCertificate"),
  );
  return finding(AW_IDS.transition, AW_POSSESSION_CITATIONS.certificate, t, {
    met: "a newly banned weapon legally possessed on 2013-04-03 by a person eligible for a certificate, before the 2014-01-01 deadline to apply",
    notMet: isBefore(AW_DATES.applyBy, on)
      ? "the time to apply ended on 2014-01-01"
      : "not a newly banned weapon legally possessed on 2013-04-03 by a person eligible for a certificate",
  });
}

/** A service member kept from applying by out-of-state duty: until 90 days after returning. */
export function awServiceMemberWindow(p: P, h: H, newlyBanned: Tri, on: PlainDate): Finding {
  const t = all(
    newlyBanned,
    fact(p?.serviceMemberAwayOnDuty, "person.serviceMemberAwayOnDuty"),
    awayOrReturnedBy(p, on),
    possessedBeforeAct(h),
  );
  return finding(AW_IDS.serviceMember, AW_POSSESSION_CITATIONS.serviceMember, t, {
    met: p?.serviceMemberStillAway
      ? "a service member still away on duty"
      : `a service member kept away on duty, within 90 days of returning (${p?.returnedToStateOn})`,
    notMet:
      "not a service member away on duty or within 90 days of returning, with a newly banned weapon legally held on 2013-04-03",
  });
}

/** Moved into Connecticut in lawful possession: 90 days to disable, sell to a dealer, or take out of state (or, for service members, apply). */
export function awMovedIntoState(h: H, on: PlainDate): Finding {
  const t = all(
    fact(h?.movedIntoState, "holding.movedIntoState"),
    fact(h?.lawfulPossessionOnArrival, "holding.lawfulPossessionOnArrival"),
    within(h?.arrivedOn, "holding.arrivedOn", on, AW_DATES.windowDays),
  );
  return finding(AW_IDS.mover, AW_POSSESSION_CITATIONS.mover, t, {
    met: `moved in lawfully on ${h?.arrivedOn}; within 90 days`,
    notMet:
      h?.movedIntoState === false
        ? "did not move into the state with it"
        : h?.lawfulPossessionOnArrival === false
          ? "did not lawfully possess it on arrival"
          : `more than 90 days after moving in (${h?.arrivedOn})`,
  });
}

/** Inherited a weapon with a certificate: 90 days to apply, sell, disable, or take out of state. */
export function awHeirWindow(h: H, on: PlainDate): Finding {
  const t = all(
    fact(h?.inherited, "holding.inherited"),
    fact(h?.inheritedItemRegistered, "holding.inheritedItemRegistered"),
    within(h?.inheritedOn, "holding.inheritedOn", on, AW_DATES.windowDays),
  );
  return finding(AW_IDS.heir, AW_POSSESSION_CITATIONS.heir, t, {
    met: `inherited on ${h?.inheritedOn} a weapon with a certificate; within 90 days`,
    notMet:
      h?.inherited === false
        ? "not inherited"
        : h?.inheritedItemRegistered === false
          ? "inherited without a certificate"
          : `more than 90 days after inheriting (${h?.inheritedOn})`,
  });
}

/** CGS § 53-202n: Thompson, AK-47, MAC-10, MAC-11 types obtained in good faith 1993-10-01 to 2002-05-07, notified before 2003-10-01. */
export function awSpecifiedWeaponNotice(isSpecified: Tri, h: H, _on: PlainDate): Finding {
  const t = all(
    isSpecified,
    test(
      h?.obtainedOn,
      "holding.obtainedOn",
      (d) => isOnOrAfter(d, AW_DATES.specifiedFrom) && isBefore(d, AW_DATES.specifiedBefore),
    ),
    fact(h?.specifiedWeaponObtainedInGoodFaith, "holding.specifiedWeaponObtainedInGoodFaith"),
    fact(h?.specifiedWeaponNotOtherwiseProhibited, "holding.specifiedWeaponNotOtherwiseProhibited"),
    test(h?.specifiedWeaponDesppNotifiedOn, "holding.specifiedWeaponDesppNotifiedOn", (d) =>
      isBefore(d, AW_DATES.specifiedNoticeBefore),
    ),
  );
  return finding(AW_IDS.specified, AW_POSSESSION_CITATIONS.specified, t, {
    met: "a Thompson, AK-47 or MAC type obtained in good faith between 1993-10-01 and 2002-05-07 and notified to DESPP before 2003-10-01",
    notMet:
      isSpecified.value === false
        ? "not a Thompson, AK-47, MAC-10 or MAC-11 type"
        : "not obtained, notified or held as CGS § 53-202n requires",
  });
}

/** Criteria-defined weapons legally made before 1994-09-13 need no certificate (the classification decides the exemption). */
export function awPre1994Exempt(exempt: boolean | null, _on: PlainDate): Finding {
  const t: Tri = exempt === null ? unknownTri() : { value: exempt, missing: [] };
  return finding(AW_IDS.pre1994, AW_POSSESSION_CITATIONS.pre1994, t, {
    met: "defined by criteria and legally manufactured before 1994-09-13: no certificate required",
    notMet: "the pre-1994 exemption does not apply",
    unknown: "whether the pre-1994 exemption applies is not settled (see firearm-classification)",
  });
}

/** Every permission, in the order of the text. */
export function weaponPermissions(
  p: P,
  h: H,
  l: L,
  on: PlainDate,
  ctx: { newlyBanned: Tri; isSpecified: Tri; pre1994Exempt: boolean | null },
): { findings: Finding[]; validCertificate: Tri } {
  if (isBefore(on, "2013-04-04" as PlainDate))
    return {
      findings: [notApplicable(AW_IDS.certificate, AW_POSSESSION_CITATIONS.certificate, `not modelled on ${on}`)],
      validCertificate: FALSE,
    };
  const cert = awCertificate(p, h, l, on);
  return {
    validCertificate: cert.valid,
    findings: [
      awAgencyOfficialDuties(p, on),
      awNuclearPlantSecurity(p, on),
      awGunDealer(p, on),
      awGunsmith(p, on),
      awExecutor(p, h, on),
      awArrangedRelinquishment(p, on),
      cert.finding,
      awTransition(p, h, ctx.newlyBanned, on),
      awServiceMemberWindow(p, h, ctx.newlyBanned, on),
      awMovedIntoState(h, on),
      awHeirWindow(h, on),
      awSpecifiedWeaponNotice(ctx.isSpecified, h, on),
      awPre1994Exempt(ctx.pre1994Exempt, on),
    ],
  };
}

export function weaponViolation(): Violation {
  return {
    code: "aw-illegal-possession",
    offense: "illegal possession of an assault weapon",
    penalty: "class D felony, with a mandatory minimum one-year prison term",
    citation: citationLabel(AW_POSSESSION_CITATIONS.offense),
  };
}

export const AW_POSSESSION_SOURCES = Object.values(AW_POSSESSION_CITATIONS);
