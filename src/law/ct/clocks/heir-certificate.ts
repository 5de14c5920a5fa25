/**
 * Heirs of a certificated assault weapon: 90 days to apply or dispose.
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "Anyone who inherits an assault weapon for
 * which a certificate was issued has 90 days to apply for a certificate or sell
 * the weapon to a gun dealer, permanently disable it, or take it out of state."
 *
 * QUESTION(legal): "inherits" is not dated by the text. We count from the day
 * the heir received the weapon by bequest or intestate succession (the
 * `inheritedOn` fact), not from the owner's death; a lawyer should confirm.
 *
 * QUESTION(legal): for LCMs the analysis allows "transfers by bequest or
 * intestate succession of LCMs, declared to DESPP" but gives the heir no
 * window or deadline. We do not invent one: an LCM heir's case is reported as
 * unknown for a person to review.
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { DISPOSAL, type DeclarationFacts, type RouteFinding, WINDOW_DAYS } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.heir-certificate";

export const HEIR_WINDOW: Dated<number>[] = [
  {
    from: "2013-04-04",
    value: WINDOW_DAYS,
    source: pa133("§§ 25-31", {
      cgs: "CGS § 53-202d",
      text: "Anyone who inherits an assault weapon for which a certificate was issued has 90 days to apply for a certificate or sell the weapon to a gun dealer, permanently disable it, or take it out of state.",
    }),
  },
];

export const LCM_BEQUEST = pa133("§§ 23-24", {
  cgs: "CGS § 53-202x",
  text: "The bill allows transfers: 1. by bequest or intestate succession of LCMs, declared to DESPP",
});

export function heirCertificate(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const rule = inForce(HEIR_WINDOW, on, ID);
  if (facts.inherited === false) return { finding: notApplicable(ID, rule.source, "did not inherit the item") };
  if (!facts.item) return { finding: unknown(ID, rule.source, ["item"]) };
  if (facts.inherited === undefined && !facts.inheritedOn) return { finding: unknown(ID, rule.source, ["inherited"]) };
  if (facts.item === "large-capacity-magazine") {
    return {
      finding: unknown(
        ID,
        LCM_BEQUEST,
        [],
        "the analysis gives no window for an heir of a declared LCM (QUESTION(legal)); a person must review",
      ),
    };
  }
  if (!facts.inheritedOn) return { finding: unknown(ID, rule.source, ["inheritedOn"]) };
  const deadline = addDays(facts.inheritedOn, rule.value);
  const open = on <= deadline;
  return {
    finding: open
      ? met(ID, rule.source, `inherited ${facts.inheritedOn}; apply for a certificate or dispose of it by ${deadline}`)
      : notMet(ID, rule.source, `inherited ${facts.inheritedOn}; the ${rule.value} days ended ${deadline}`),
    route: { rule: ID, actions: ["apply-for-certificate", ...DISPOSAL], deadline, open },
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HEIR_CERTIFICATE_RULE = defineRule({
  id: "clocks.heir-certificate",
  title: "Heirs of a certificated assault weapon: 90 days",
  description:
    "Someone who inherits an assault weapon with a certificate has 90 days to apply for a certificate, sell it to a dealer, disable it, or take it out of the state.",
  citations: [HEIR_WINDOW[0]!.source],
  from: "2013-04-04",
});
