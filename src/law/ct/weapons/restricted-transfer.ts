/**
 * Question "restricted-transfer": may this person sell or transfer, or buy, receive or import,
 * this large capacity magazine or assault weapon? PA 13-3 §§ 23-24 (CGS §§ 53-202w, 53-202x) and
 * §§ 25-31 (CGS §§ 53-202b, 53-202d, 53-202e), in force from passage (4 April 2013): "The ban on
 * sales and transfers is effective upon passage."
 *
 * Possession (where a declared magazine or a certificated weapon may be kept) is
 * `possession-permitted`; the deadlines to declare or apply are `declaration-deadline`. This
 * question covers the act of transfer, which the possession rules do not reach.
 *
 * Large capacity magazines (OLR analysis, §§ 23-24): "With exceptions, the bill makes it a class D
 * felony to buy, distribute, import into Connecticut, keep for sale, or offer or expose for sale
 * LCMs." "The following may possess, purchase, or import LCMs: 1. members or employees of DESPP,
 * police departments, DOC, or the state or U.S. Armed Forces ... (a) for use in the discharge of
 * their official duties or (b) when off duty; 2. employees of a NRC licensee operating a nuclear
 * power plant in Connecticut for providing security services at the facility, or any person,
 * firm, corporation, contractor, or subcontractor providing security at the facility; or 3.
 * in-state manufacturers of LCM that manufacture or transport LCMs in Connecticut for sale here to
 * exempt persons and entities above or for sale out of state." "The bill allows transfers: 1. by
 * bequest or intestate succession of LCMs, declared to DESPP; 2. to DESPP or a local police
 * department; or 3. to gun dealers in compliance with the bill."
 *
 * Assault weapons (§§ 25-31): "Illegally transferring or carrying an assault weapon is a class C
 * felony, with a two-year mandatory minimum prison term or, in the case of transfers to people
 * under age 18, an additional six-year mandatory minimum." "It allows the sale of assault weapons
 * to DOC, DESPP, police departments, and Connecticut's and the U.S. military or naval forces for
 * use in their official duties, as well as for off-duty use." "It additionally allows sales to
 * and possession by (a) employees of a Nuclear Regulatory Commission (NRC) licensee operating a
 * nuclear power plant in Connecticut for the purpose of providing security or (b) any person,
 * firm, corporation, contractor, or subcontractor providing security at the plant." A holder of a
 * certificate of possession may not "(1) sell[] or transfer[] the weapon in Connecticut to anyone
 * except a licensed gun dealer or (2) otherwise transfer[] the weapon except by (a) bequest or
 * intestate succession or (b) prior arrangement to DESPP or a local police department." Heirs and
 * people moving in may "sell the weapon to a gun dealer".
 *
 * QUESTION(legal): the analysis lets only in-state manufacturers sell magazines out of state. A
 * gun dealer's (or anyone else's) sale of a magazine to a buyer out of state is left "unknown" for
 * a person to review, not refused.
 *
 * QUESTION(legal): "gun dealers" who may receive a magazine or an assault weapon are read as
 * licensed gun dealers receiving it as dealers; a dealer's onward sale is permitted only to a
 * buyer the Act exempts (or, for a magazine, another dealer, DESPP or a police department).
 *
 * QUESTION(legal): "an additional six-year mandatory minimum" for a transfer to a person under 18
 * is read as six years on top of the two (eight years that may not be suspended or reduced).
 *
 * QUESTION(legal): the analysis allows sales of assault weapons to the agencies' members "for use in
 * their official duties, as well as for off-duty use", so a sale to a member is permitted here;
 * whether the member may then keep it off duty is `possession-permitted` (which, following the
 * possession exemption, requires official duties).
 *
 * QUESTION(legal): the temporary transfers "for certain out-of-state events" and transport to
 * competitions and exhibitions are not modelled here; a transfer of that kind is "unknown".
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
import { Role } from "./possession-facts.ts";

export const TRANSFER_ACTS = ["sell-or-transfer", "buy-or-receive", "import"] as const;
export const TRANSFER_METHODS = [
  "sale-or-other-transfer",
  "bequest-or-intestate-succession",
  "temporary-transfer",
] as const;

const Party = z.object({
  roles: z
    .array(Role)
    .optional()
    .describe(
      "Every role the person has (as in possession-permitted): member or employee of DESPP, a police department, DOC, or the state or U.S. armed forces; nuclear power plant security; in-state magazine manufacturer; gun dealer; gunsmith; executor or administrator. [] for none.",
    ),
  desppOrPoliceDepartment: flag(
    "The recipient is DESPP or a local police department itself (a transfer by prior arrangement).",
  ),
  outOfState: flag("The recipient is outside Connecticut (a sale for delivery out of state)."),
  under18: flag("The recipient is under 18 years of age."),
});

export const RestrictedTransferFacts = z.object({
  item: z.enum(["large-capacity-magazine", "assault-weapon"]).optional().describe("what is transferred"),
  act: z
    .enum(TRANSFER_ACTS)
    .optional()
    .describe(
      "what the person asked about does: sells, gives, distributes, keeps or offers for sale (sell-or-transfer); buys or receives (buy-or-receive); or imports it into Connecticut (import)",
    ),
  transferor: Party.optional().describe("the person who sells or transfers"),
  recipient: Party.optional().describe("the person who buys or receives"),
  method: z
    .enum(TRANSFER_METHODS)
    .optional()
    .describe("a sale or other transfer; by bequest or intestate succession; or a temporary transfer"),
  declaredOrCertified: flag(
    "The magazine was declared to DESPP, or the assault weapon has a certificate of possession (or the person who held it did).",
  ),
});
export type RestrictedTransferFacts = z.infer<typeof RestrictedTransferFacts>;
type Party = z.infer<typeof Party>;

export interface RestrictedTransferResult {
  permitted: boolean | null;
  /** The exception that allows the transfer, in words; null when none applies or not known. */
  basis: string | null;
  /** The crime committed by a transfer that is not permitted (its class and mandatory minimums). */
  violation: Penalty | null;
}

export const LCM_TRANSFER_ID = "weapons.lcm-transfer";
export const AW_TRANSFER_ID = "weapons.assault-weapon-transfer";

const LCM_SOURCE: Citation = pa133("§§ 23-24", {
  cgs: "CGS §§ 53-202w, 53-202x",
  text: "With exceptions, the bill makes it a class D felony to buy, distribute, import into Connecticut, keep for sale, or offer or expose for sale LCMs. ... The bill allows transfers: 1. by bequest or intestate succession of LCMs, declared to DESPP; 2. to DESPP or a local police department; or 3. to gun dealers in compliance with the bill.",
});
const AW_SOURCE: Citation = pa133("§§ 25-31", {
  cgs: "CGS §§ 53-202b, 53-202d",
  text: "Illegally transferring or carrying an assault weapon is a class C felony, with a two-year mandatory minimum prison term or, in the case of transfers to people under age 18, an additional six-year mandatory minimum. The ban on sales and transfers is effective upon passage.",
});

interface TransferLaw {
  violation: Penalty;
  violationUnder18?: Penalty;
}

export const LCM_TRANSFER: readonly Dated<TransferLaw>[] = [
  {
    from: "2013-04-04",
    value: {
      violation: penalty(
        "buying, distributing, importing, keeping or offering for sale a large capacity magazine",
        "CGS § 53-202w",
        "class D felony",
      ),
    },
    source: LCM_SOURCE,
  },
];

export const AW_TRANSFER: readonly Dated<TransferLaw>[] = [
  {
    from: "2013-04-04",
    value: {
      violation: penalty("illegally selling or transferring an assault weapon", "CGS § 53-202b", "class C felony", {
        prisonYears: 2,
      }),
      violationUnder18: penalty(
        "illegally transferring an assault weapon to a person under 18",
        "CGS § 53-202b",
        "class C felony",
        { prisonYears: 8 },
      ),
    },
    source: AW_SOURCE,
  },
];

const AGENCY_ROLES = [
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
] as const;

/** Three-valued "has one of these roles"; unknown when the list was not given. */
function hasRole(p: Party | undefined, roles: readonly string[]): boolean | "unknown" {
  if (p?.roles === undefined) return "unknown";
  return p.roles.some((r) => roles.includes(r));
}

interface Exception {
  /** In words, for `basis`. */
  name: string;
  applies: boolean | "unknown";
  /** Fact paths that would settle an unknown. */
  missing: string[];
}

const ex = (name: string, applies: boolean | "unknown", missing: string[] = []): Exception => ({
  name,
  applies,
  missing: applies === "unknown" ? missing : [],
});

/** a AND b, three-valued, collecting what is missing. */
function both(name: string, a: Exception, b: Exception): Exception {
  if (a.applies === false || b.applies === false) return ex(name, false);
  if (a.applies === true && b.applies === true) return ex(name, true);
  return ex(name, "unknown", [...a.missing, ...b.missing]);
}

const flagEx = (name: string, value: boolean | undefined, path: string): Exception =>
  ex(name, value === undefined ? "unknown" : value, [path]);

const roleEx = (name: string, p: Party | undefined, roles: readonly string[], path: string): Exception =>
  ex(name, hasRole(p, roles), [`${path}.roles`]);

const method = (f: RestrictedTransferFacts, m: (typeof TRANSFER_METHODS)[number], name: string): Exception =>
  ex(name, f.method === undefined ? "unknown" : f.method === m, ["method"]);

/** The exceptions that can allow the act, by item and act. */
function exceptions(f: RestrictedTransferFacts): Exception[] {
  const r = f.recipient;
  const t = f.transferor;
  const lcm = f.item === "large-capacity-magazine";
  const recipientAgency = roleEx(
    "the recipient is a member or employee of DESPP, a police department, DOC or the armed forces",
    r,
    AGENCY_ROLES,
    "recipient",
  );
  const recipientNuclear = roleEx(
    "the recipient provides security at a Connecticut nuclear power plant",
    r,
    ["nuclear-plant-security"],
    "recipient",
  );
  const toDepartment = flagEx(
    "a transfer to DESPP or a local police department",
    r?.desppOrPoliceDepartment,
    "recipient.desppOrPoliceDepartment",
  );
  const toDealer = roleEx("a transfer to a gun dealer", r, ["gun-dealer"], "recipient");
  const declared = flagEx(
    lcm ? "the magazine was declared" : "the weapon has a certificate of possession",
    f.declaredOrCertified,
    "declaredOrCertified",
  );
  const bequest = both(
    lcm
      ? "a transfer by bequest or intestate succession of a declared magazine"
      : "a transfer by bequest or intestate succession of a certificated weapon",
    method(f, "bequest-or-intestate-succession", "by bequest or intestate succession"),
    declared,
  );

  if (f.act === "sell-or-transfer") {
    const list = [recipientAgency, recipientNuclear, toDepartment, toDealer, bequest];
    if (lcm) {
      const manufacturer = roleEx("an in-state magazine manufacturer", t, ["in-state-lcm-manufacturer"], "transferor");
      const outOfState = flagEx("for sale out of state", r?.outOfState, "recipient.outOfState");
      list.push(both("an in-state manufacturer's sale out of state", manufacturer, outOfState));
    }
    return list;
  }
  // buy-or-receive, import: the recipient is the person asked about.
  const list = [recipientAgency, recipientNuclear, toDepartment];
  if (lcm) list.push(roleEx("an in-state magazine manufacturer", r, ["in-state-lcm-manufacturer"], "recipient"));
  if (f.act === "buy-or-receive") list.push(toDealer, bequest);
  return list;
}

function decideTransfer(f: RestrictedTransferFacts, on: PlainDate): Answer<RestrictedTransferResult> {
  const lcm = f.item === "large-capacity-magazine";
  const id = lcm ? LCM_TRANSFER_ID : AW_TRANSFER_ID;
  const rule = inForce(lcm ? LCM_TRANSFER : AW_TRANSFER, on, id);
  const done = (
    finding: Finding,
    basis: string | null,
    violation: Penalty | null,
  ): Answer<RestrictedTransferResult> => {
    const outcome = allOf([finding]);
    return {
      outcome,
      findings: [finding],
      result: { permitted: outcome === "yes" ? true : outcome === "no" ? false : null, basis, violation },
    };
  };
  const missing = [...(f.item === undefined ? ["item"] : []), ...(f.act === undefined ? ["act"] : [])];
  if (missing.length > 0) return done(unknown(id, rule.source, missing), null, null);

  if (f.method === "temporary-transfer")
    return done(
      unknown(
        id,
        rule.source,
        [],
        "QUESTION(legal): temporary transfers for out-of-state events and competitions are not modelled; a person must review",
      ),
      null,
      null,
    );

  const list = exceptions(f);
  const allowed = list.find((e) => e.applies === true);
  if (allowed) return done(met(id, rule.source, `permitted: ${allowed.name}`), allowed.name, null);

  const open = list.filter((e) => e.applies === "unknown");
  if (open.length > 0)
    return done(
      unknown(
        id,
        rule.source,
        [...new Set(open.flatMap((e) => e.missing))].sort(),
        `depends on whether ${open.map((e) => e.name).join(", or ")}`,
      ),
      null,
      null,
    );

  // A magazine sold out of state by anyone but an in-state manufacturer: an open legal question.
  if (lcm && f.act === "sell-or-transfer" && f.recipient?.outOfState === true)
    return done(
      unknown(
        id,
        rule.source,
        [],
        "QUESTION(legal): only in-state manufacturers are named as selling magazines out of state; a person must review",
      ),
      null,
      null,
    );

  const law = rule.value;
  const toMinor = !lcm && f.act === "sell-or-transfer" && f.recipient?.under18 === true;
  const violation = toMinor && law.violationUnder18 ? law.violationUnder18 : law.violation;
  const what = lcm ? "large capacity magazine" : "assault weapon";
  return done(
    notMet(
      id,
      rule.source,
      `no exception allows this ${f.act === "sell-or-transfer" ? "transfer" : f.act === "import" ? "import" : "purchase or receipt"} of a ${what}: ${violation.crimeClass}`,
      lcm
        ? "sell or transfer only to an exempt buyer, a gun dealer, DESPP or a police department"
        : "a certificated weapon may go only to a licensed gun dealer, by bequest or intestate succession, or by arrangement to DESPP or a police department",
    ),
    null,
    violation,
  );
}

export const restrictedTransferQuestion: Question<RestrictedTransferFacts, RestrictedTransferResult> = defineQuestion({
  id: "restricted-transfer",
  title: "May this large capacity magazine or assault weapon be sold, transferred, bought or imported?",
  description:
    "The sale and transfer bans of PA 13-3 (from passage, 4 April 2013): large capacity magazines may be bought, imported or sold only by or to the exempt classes (DESPP, police, DOC and military members or employees; nuclear plant security; in-state manufacturers), to gun dealers, DESPP or a police department, or by bequest of a declared magazine (otherwise a class D felony); assault weapons only to the same agencies and nuclear plant security, or, for a certificated weapon, to a licensed gun dealer, by bequest or intestate succession, or by arrangement to DESPP or a police department (otherwise a class C felony with a two-year mandatory minimum, eight years for a transfer to a person under 18).",
  citations: [LCM_SOURCE, AW_SOURCE],
  modelledFrom: "2013-04-04",
  facts: RestrictedTransferFacts,
  result: {
    permitted: "true when the act is permitted (outcome yes), false when not (outcome no), null when unknown",
    basis: "the exception that allows it, in words; null when none applies or it is not known",
    violation: "when not permitted: the offense, class and mandatory minimum; null otherwise",
  },
  example: {
    item: "large-capacity-magazine",
    act: "sell-or-transfer",
    transferor: { roles: ["gun-dealer"] },
    recipient: { roles: ["police-member-or-employee"] },
    method: "sale-or-other-transfer",
  },
  decide: (facts, on) => decideTransfer(facts, on),
});

export const LCM_TRANSFER_RULE = defineRule({
  id: LCM_TRANSFER_ID,
  title: "Large capacity magazines: no buying, importing or selling except by or to the exempt",
  description:
    "From 4 April 2013, buying, distributing, importing, keeping or offering for sale a large capacity magazine is a class D felony, except by or to members or employees of DESPP, police departments, DOC or the armed forces (on or off duty), nuclear plant security, in-state manufacturers (for exempt buyers or out of state), transfers to gun dealers, DESPP or a police department, and bequests of declared magazines.",
  citations: [LCM_SOURCE],
  from: "2013-04-04",
});

export const AW_TRANSFER_RULE = defineRule({
  id: AW_TRANSFER_ID,
  title: "Assault weapons: no sale or transfer except to the exempt, a dealer, by bequest or to the police",
  description:
    "From 4 April 2013, selling or transferring an assault weapon is a class C felony with a two-year mandatory minimum (six more years for a transfer to a person under 18), except sales to DESPP, police, DOC and military members or employees and nuclear plant security, and, for a weapon with a certificate of possession, transfers to a licensed gun dealer, by bequest or intestate succession, or by arrangement to DESPP or a police department.",
  citations: [AW_SOURCE],
  from: "2013-04-04",
});
