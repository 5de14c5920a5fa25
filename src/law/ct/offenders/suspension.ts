/**
 * Suspension while incarcerated, civilly committed or living out of state.
 *
 * PA 13-3 §§ 18-22 (CGS § 54-280a): "DESPP may suspend the registration of
 * anyone incarcerated, under civil commitment, or living out of state. During
 * that time, it may withdraw the registration information from access to law
 * enforcement agencies. When the registrant is released from incarceration or
 * civil commitment or resumes living in the state, DESPP must reinstate the
 * registration ... Suspension of registration does not affect the expiration
 * date of the registration."
 */
import { type Finding, met, notMet, pa133, unknown } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "offenders.suspension";

export const SUSPENSION = pa133("§§ 18-22", {
  cgs: "CGS § 54-280a",
  text: "DESPP may suspend the registration of anyone incarcerated, under civil commitment, or living out of state. ... Suspension of registration does not affect the expiration date of the registration.",
});

export interface SuspensionFacts {
  incarcerated?: boolean;
  underCivilCommitment?: boolean;
  livingOutOfState?: boolean;
}

/** met: DESPP may suspend (it need not); not-met: it must not (or must reinstate); unknown: facts missing. */
export function suspensionPermitted(facts: SuspensionFacts): Finding {
  const grounds = (["incarcerated", "underCivilCommitment", "livingOutOfState"] as const).filter(
    (k) => facts[k] === true,
  );
  if (grounds.length)
    return met(
      ID,
      SUSPENSION,
      `DESPP may suspend the registration (${grounds.join(", ")}); the expiration date does not change`,
    );
  const missing = (["incarcerated", "underCivilCommitment", "livingOutOfState"] as const).filter(
    (k) => facts[k] === undefined,
  );
  if (missing.length) return unknown(ID, SUSPENSION, [...missing]);
  return notMet(
    ID,
    SUSPENSION,
    "not incarcerated, committed or living out of state: the registration must be active (reinstated if it was suspended)",
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SUSPENSION_RULE = defineRule({
  id: "offenders.suspension",
  title: "Suspension while in prison, committed or out of state",
  description:
    "The state police may suspend a registration while the person is incarcerated, civilly committed or living out of state, and must reinstate it afterwards.",
  citations: [SUSPENSION],
  from: "2014-01-01",
});
