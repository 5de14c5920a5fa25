/**
 * When a loaded firearm must be stored securely, and how.
 *
 * PA 13-3 §§ 54-56 (CGS § 29-37i): "It imposes safe storage requirements on
 * people who store their loaded firearms on their premises if they know or
 * should know that a resident of the premises (1) is ineligible to possess
 * firearms under state or federal law or (2) poses a risk of imminent personal
 * injury to himself, herself, or others. The current ban applies to storing
 * loaded firearms on their premises if they know or reasonably should know
 * that a minor (someone under age 16) is likely to gain access to them without
 * the minor's parent's or guardian's permission. As under the current law, the
 * firearm must be locked up or in a location that a reasonable person considers
 * to be secure, or the person carries it on his or her person or close enough
 * so that he or she can readily retrieve it." EFFECTIVE DATE: October 1, 2013.
 *
 * The minor rule is existing law, modelled from the bill's passage
 * (2013-04-04); the two resident rules apply from 2013-10-01.
 *
 * QUESTION(legal): PA 19-5 ("Ethan's Law") later amended CGS § 29-37i (minors
 * under 18, and unloaded firearms as well), which we read as effective
 * 2019-10-01. It is outside the source this rulebook implements, so every
 * storage rule here ends on 2019-09-30 and later dates are refused rather than
 * answered under the 2013 text.
 */
import type { PlainDate } from "../../core/dates.ts";
import {
  type Dated,
  type Finding,
  findInForce,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { type SafeStorageFacts, type Tri, and3, or3 } from "./storage-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "storage.secure-storage";
export const UNTIL = "2019-10-01";

export type Trigger = "minor" | "ineligible-resident" | "at-risk-resident";

const MINOR_TEXT =
  "The current ban applies to storing loaded firearms on their premises if they know or reasonably should know that a minor (someone under age 16) is likely to gain access to them without the minor's parent's or guardian's permission.";
const RESIDENT_TEXT =
  "It imposes safe storage requirements on people who store their loaded firearms on their premises if they know or should know that a resident of the premises (1) is ineligible to possess firearms under state or federal law or (2) poses a risk of imminent personal injury to himself, herself, or others.";

export const TRIGGERS: Record<Trigger, Dated<true>[]> = {
  minor: [
    {
      from: "2013-04-04",
      until: UNTIL,
      value: true,
      source: pa133("§§ 54-56", { cgs: "CGS § 29-37i", text: MINOR_TEXT }),
    },
  ],
  "ineligible-resident": [
    {
      from: "2013-10-01",
      until: UNTIL,
      value: true,
      source: pa133("§§ 54-56", { cgs: "CGS § 29-37i", text: RESIDENT_TEXT }),
    },
  ],
  "at-risk-resident": [
    {
      from: "2013-10-01",
      until: UNTIL,
      value: true,
      source: pa133("§§ 54-56", { cgs: "CGS § 29-37i", text: RESIDENT_TEXT }),
    },
  ],
};

export const SECURE_METHODS: Dated<readonly string[]>[] = [
  {
    from: "2013-04-04",
    until: UNTIL,
    value: ["locked-container", "secure-location", "carried-or-within-reach"],
    source: pa133("§§ 54-56", {
      cgs: "CGS § 29-37i",
      text: "the firearm must be locked up or in a location that a reasonable person considers to be secure, or the person carries it on his or her person or close enough so that he or she can readily retrieve it.",
    }),
  },
];

const FACT: Record<Trigger, keyof SafeStorageFacts> = {
  minor: "minorLikelyToGainAccess",
  "ineligible-resident": "residentIneligible",
  "at-risk-resident": "residentPosesRisk",
};

/** True when the trigger's rule is in force on `on`. */
export function triggerInForce(t: Trigger, on: PlainDate): boolean {
  return findInForce(TRIGGERS[t], on) !== undefined;
}

/** The triggers in force on `on` and their values in the facts (false when not yet in force). */
export function triggerValues(facts: SafeStorageFacts, on: PlainDate): Record<Trigger, Tri> {
  const out = {} as Record<Trigger, Tri>;
  for (const t of Object.keys(TRIGGERS) as Trigger[]) out[t] = triggerInForce(t, on) ? (facts[FACT[t]] as Tri) : false;
  return out;
}

/** Is secure storage required? true, false, or undefined (unknown). */
export function secureStorageRequired(facts: SafeStorageFacts, on: PlainDate): Tri {
  inForce(TRIGGERS.minor, on, ID);
  const t = triggerValues(facts, on);
  return and3([facts.loaded, facts.onPremisesUnderControl, or3(Object.values(t))]);
}

/**
 * The storage finding: met when storage is compliant or not required;
 * not-met when required and not compliant; not-applicable when the firearm is
 * not loaded or not kept on the person's premises; unknown otherwise.
 */
export function secureStorage(facts: SafeStorageFacts, on: PlainDate): Finding {
  const methods = inForce(SECURE_METHODS, on, ID);
  const minor = inForce(TRIGGERS.minor, on, ID);
  const source = triggerInForce("ineligible-resident", on) ? TRIGGERS["ineligible-resident"][0]!.source : minor.source;
  const t = triggerValues(facts, on);
  const anyTrigger = or3(Object.values(t));
  const secure: Tri = facts.storage === undefined ? undefined : methods.value.includes(facts.storage);
  if (facts.loaded === false) return notApplicable(ID, source, "the firearm is not loaded");
  if (facts.onPremisesUnderControl === false)
    return notApplicable(ID, source, "not stored on premises under the person's control");
  if (anyTrigger === false)
    return met(
      ID,
      source,
      "no minor, ineligible resident or at-risk resident is known or should be known to be in a position to gain access: secure storage not required",
    );
  if (secure === true) return met(ID, methods.source, `stored securely (${facts.storage})`);
  const required = and3([facts.loaded, facts.onPremisesUnderControl, anyTrigger]);
  if (required === true && secure === false) {
    const which = (Object.keys(t) as Trigger[]).filter((k) => t[k] === true).join(", ");
    return notMet(
      ID,
      methods.source,
      `secure storage required (${which}) but the firearm was not locked up, in a secure location, or carried`,
      "store it in a locked container or a secure location, or carry it",
    );
  }
  const missing = [
    ...(facts.loaded === undefined ? ["loaded"] : []),
    ...(facts.onPremisesUnderControl === undefined ? ["onPremisesUnderControl"] : []),
    ...(anyTrigger === undefined
      ? (Object.keys(t) as Trigger[]).filter((k) => t[k] === undefined).map((k) => FACT[k] as string)
      : []),
    ...(secure === undefined ? ["storage"] : []),
  ];
  return unknown(ID, source, missing);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SECURE_STORAGE_MINOR_RULE = defineRule({
  id: "storage.secure-storage.minor",
  title: "Store loaded firearms securely where a child under 16 could get them",
  description:
    "A person who keeps a loaded firearm where he or she knows or should know a minor under 16 is likely to get it without a parent's permission must lock it up, keep it in a secure place, or carry it.",
  citations: [TRIGGERS.minor[0]!.source, SECURE_METHODS[0]!.source],
  from: "2013-04-04",
  until: UNTIL,
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SECURE_STORAGE_RESIDENTS_RULE = defineRule({
  id: "storage.secure-storage.residents",
  title: "Store loaded firearms securely where an ineligible or at-risk resident lives",
  description:
    "From 2013-10-01 the same applies when a resident of the premises may not legally have firearms or poses a risk of imminent injury to self or others.",
  citations: [TRIGGERS["ineligible-resident"][0]!.source, SECURE_METHODS[0]!.source],
  from: "2013-10-01",
  until: UNTIL,
});
