/**
 * A certificate obtained before April 4, 2013 counts: no new application.
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "Anyone who obtained a certificate of
 * possession for an existing assault weapon before April 4, 2013 for a weapon
 * the bill defines as an assault weapon is deemed to have obtained a
 * certificate of possession for such assault weapon and must not be required
 * to obtain a separate certificate."
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, pa133, unknown } from "../../core/rules.ts";
import type { DeclarationFacts, RouteFinding } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.earlier-certificate-deemed";

export const EARLIER_CERTIFICATE: Dated<true>[] = [
  {
    from: "2013-04-04",
    value: true,
    source: pa133("§§ 25-31", {
      cgs: "CGS § 53-202d",
      text: "Anyone who obtained a certificate of possession for an existing assault weapon before April 4, 2013 for a weapon the bill defines as an assault weapon is deemed to have obtained a certificate of possession for such assault weapon and must not be required to obtain a separate certificate.",
    }),
  },
];

export function earlierCertificateDeemed(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const rule = inForce(EARLIER_CERTIFICATE, on, ID);
  if (facts.item === "large-capacity-magazine")
    return { finding: notApplicable(ID, rule.source, "applies to assault weapons only") };
  if (facts.heldCertificateBeforeApril2013 === false)
    return { finding: notApplicable(ID, rule.source, "no certificate obtained before 2013-04-04") };
  if (!facts.item) return { finding: unknown(ID, rule.source, ["item"]) };
  if (facts.heldCertificateBeforeApril2013 === undefined)
    return { finding: unknown(ID, rule.source, ["heldCertificateBeforeApril2013"]) };
  return {
    finding: met(
      ID,
      rule.source,
      "a certificate obtained before 2013-04-04 is deemed a certificate for this weapon; no separate certificate is required",
    ),
    route: { rule: ID, actions: ["nothing-further"], deadline: null, open: true },
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const EARLIER_CERTIFICATE_DEEMED_RULE = defineRule({
  id: "clocks.earlier-certificate-deemed",
  title: "Certificates obtained before 2013-04-04 still count",
  description:
    "A certificate of possession obtained before 2013-04-04 for a weapon the Act now defines as an assault weapon counts; no second certificate is needed.",
  citations: [EARLIER_CERTIFICATE[0]!.source],
  from: "2013-04-04",
});
