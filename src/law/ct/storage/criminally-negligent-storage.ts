/**
 * Criminally negligent storage of a firearm (class D felony), and its
 * unlawful-entry exception.
 *
 * PA 13-3 §§ 54-56 (CGS § 53a-217a): "As under current law pertaining to
 * minors, a person is guilty of criminally negligent storage or [of] a firearm
 * if the ineligible or at-risk person obtains the firearm and kills or injures
 * someone with it. It is also a class D felony unless the minor obtained the
 * firearm from unlawful entry."
 *
 * QUESTION(legal): the analysis attaches the unlawful-entry exception to "the
 * minor" only; we apply it only when a minor obtained the firearm. Whether it
 * also covers residents is for a lawyer.
 *
 * Status as in strict-liability.ts: not-met when the crime is made out.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import type { SafeStorageFacts } from "./storage-facts.ts";
import { UNTIL } from "./secure-storage-required.ts";
import { coveredPerson } from "./strict-liability.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "storage.criminally-negligent-storage";
export const EXCEPTION_ID = "storage.unlawful-entry-exception";

export const CRIMINALLY_NEGLIGENT_STORAGE: Dated<{ offenseClass: "D-felony" }>[] = [
  {
    from: "2013-04-04",
    until: UNTIL,
    value: { offenseClass: "D-felony" },
    source: pa133("§§ 54-56", {
      cgs: "CGS § 53a-217a",
      text: "As under current law pertaining to minors, a person is guilty of criminally negligent storage or a firearm if the ineligible or at-risk person obtains the firearm and kills or injures someone with it. It is also a class D felony unless the minor obtained the firearm from unlawful entry.",
    }),
  },
];

/** The exception: met (no crime) when a minor obtained the firearm through an unlawful entry. */
export function unlawfulEntryException(facts: SafeStorageFacts, on: PlainDate): Finding {
  const rule = inForce(CRIMINALLY_NEGLIGENT_STORAGE, on, EXCEPTION_ID);
  if (facts.obtainedBy !== "minor")
    return notApplicable(EXCEPTION_ID, rule.source, "the exception covers a minor only");
  if (facts.unlawfulEntry === undefined) return unknown(EXCEPTION_ID, rule.source, ["unlawfulEntry"]);
  return facts.unlawfulEntry
    ? met(EXCEPTION_ID, rule.source, "the minor obtained the firearm through an unlawful entry: no crime")
    : notApplicable(EXCEPTION_ID, rule.source, "no unlawful entry");
}

export function criminallyNegligentStorage(facts: SafeStorageFacts, storage: Finding, on: PlainDate): Finding {
  const rule = inForce(CRIMINALLY_NEGLIGENT_STORAGE, on, ID);
  if (storage.status === "met" || storage.status === "not-applicable")
    return notApplicable(ID, rule.source, "no storage violation");
  const covered = coveredPerson(facts, on);
  if (covered === false)
    return notApplicable(ID, rule.source, `obtained by ${facts.obtainedBy}: not a person this crime covers on ${on}`);
  if (facts.injuryOrDeath === false) return notApplicable(ID, rule.source, "no injury or death");
  const exception = unlawfulEntryException(facts, on);
  if (exception.status === "met") return notApplicable(ID, rule.source, exception.because);
  if (storage.status === "unknown")
    return unknown(ID, rule.source, storage.missing ?? [], "depends on whether the storage broke the rule");
  const missing = [
    ...(covered === undefined ? ["obtainedBy"] : []),
    ...(facts.injuryOrDeath === undefined ? ["injuryOrDeath"] : []),
    ...(exception.missing ?? []),
  ];
  if (missing.length) return unknown(ID, rule.source, missing);
  return notMet(
    ID,
    rule.source,
    `criminally negligent storage of a firearm, a class D felony: the ${facts.obtainedBy} obtained it and caused injury or death`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const CRIMINALLY_NEGLIGENT_STORAGE_RULE = defineRule({
  id: "storage.criminally-negligent-storage",
  title: "Criminally negligent storage of a firearm (class D felony)",
  description:
    "The same events are the crime of criminally negligent storage, a class D felony, unless a minor got the firearm through an unlawful entry.",
  citations: [CRIMINALLY_NEGLIGENT_STORAGE[0]!.source],
  from: "2013-04-04",
  until: UNTIL,
});
