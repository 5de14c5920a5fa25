/**
 * Residence in the issuing town, for the temporary state permit.
 *
 * OLR analysis of PA 13-3, §§ 57-58 (effective October 1, 2013): "The bill generally requires
 * someone applying for a gun permit to be a permanent resident of the town to which he or she
 * applies. Current law does not specify that the residence must be permanent, and also allows
 * such applications by someone who is not a resident, but who maintains a place of business
 * in the town."
 *
 * The facts distinguish, as the text does, the town applied to (`applicant.applicationTown`), the
 * town of residence and whether that residence is permanent, and the towns where the applicant
 * maintains a place of business. Until 2013-09-30 a residence (permanent or not) or a place of
 * business in the town applied to sufficed; from 2013-10-01 only a permanent residence in that town
 * does. Each fact the test needs and is not given leaves it unknown; it never defaults to the
 * residence town.
 *
 * QUESTION(legal): the residence test and the place-of-business route are compared on the day the
 * question is asked (the application's day, for the service), as every credential rule is.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, type Finding, cite, inForce, met, notMet, pa133, unknown } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, NEW_CRITERIA_FROM } from "./kinds.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const PERMANENT_RESIDENCE_ID = "credentials.permanent-residence";

type ResidenceTest = "residence-or-place-of-business" | "permanent-residence";

export const RESIDENCE_TEST: readonly Dated<ResidenceTest>[] = [
  {
    from: CREDENTIALS_MODELLED_FROM,
    until: NEW_CRITERIA_FROM,
    value: "residence-or-place-of-business",
    source: cite("CGS", "§ 29-28(b)", {
      cgs: "CGS § 29-28(b)",
      text: "Current law does not specify that the residence must be permanent, and also allows such applications by someone who is not a resident, but who maintains a place of business in the town.",
    }),
  },
  {
    from: NEW_CRITERIA_FROM,
    value: "permanent-residence",
    source: pa133("§§ 57-58", {
      cgs: "CGS § 29-28(b)",
      text: "The bill generally requires someone applying for a gun permit to be a permanent resident of the town to which he or she applies.",
    }),
  },
];

const isConnecticut = (state: string): boolean => state.trim().toUpperCase() === "CT";
const sameTown = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** true / false / the missing fact paths. */
type Test = boolean | string[];
const either = (a: Test, b: Test): Test =>
  a === true || b === true
    ? true
    : a === false && b === false
      ? false
      : [...(a === false ? [] : (a as string[])), ...(b === false ? [] : (b as string[]))];
const both = (a: Test, b: Test): Test =>
  a === false || b === false
    ? false
    : a === true && b === true
      ? true
      : [...(a === true ? [] : (a as string[])), ...(b === true ? [] : (b as string[]))];

/** Temporary state permit: residence (permanent, from 2013-10-01) or, before then, a place of business in the town applied to. */
export function permanentResidence(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(RESIDENCE_TEST, on, PERMANENT_RESIDENCE_ID);
  const a = facts.applicant;
  const state = a?.residenceState;
  const town = a?.residenceTown;
  const applied = a?.applicationTown;
  const oldRule = rule.value === "residence-or-place-of-business";

  if (state !== undefined && !isConnecticut(state) && !oldRule) {
    return notMet(
      PERMANENT_RESIDENCE_ID,
      rule.source,
      `residence is in ${state}; from ${NEW_CRITERIA_FROM} a temporary state permit requires a permanent residence in the town applied to`,
      "a person without a Connecticut residence who holds another state's carry permit may apply directly to DESPP for a state permit",
    );
  }
  // Resides in the town applied to.
  const residesThere: Test =
    state === undefined
      ? ["applicant.residenceState"]
      : !isConnecticut(state)
        ? false
        : town === undefined || applied === undefined
          ? [
              ...(town === undefined ? ["applicant.residenceTown"] : []),
              ...(applied === undefined ? ["applicant.applicationTown"] : []),
            ]
          : sameTown(town, applied);
  if (oldRule) {
    const business = a?.placeOfBusinessTowns;
    const businessThere: Test =
      business === undefined || applied === undefined
        ? [
            ...(applied === undefined ? ["applicant.applicationTown"] : []),
            ...(business === undefined ? ["applicant.placeOfBusinessTowns"] : []),
          ]
        : business.some((b) => sameTown(b, applied));
    const t = either(residesThere, businessThere);
    if (t === true) {
      return met(
        PERMANENT_RESIDENCE_ID,
        rule.source,
        residesThere === true
          ? `resides in ${applied}, the town applied to (before ${NEW_CRITERIA_FROM} the residence need not be permanent)`
          : `maintains a place of business in ${applied}, the town applied to, which sufficed before ${NEW_CRITERIA_FROM}`,
      );
    }
    if (t === false) {
      return notMet(
        PERMANENT_RESIDENCE_ID,
        rule.source,
        `neither resides nor maintains a place of business in ${applied}, the town applied to`,
        "apply to the issuing authority of the town of residence",
      );
    }
    return unknown(
      PERMANENT_RESIDENCE_ID,
      rule.source,
      [...new Set(t)],
      `before ${NEW_CRITERIA_FROM} a residence or a place of business in the town applied to sufficed; not known: ${[...new Set(t)].join(", ")}`,
    );
  }
  const permanent: Test =
    a?.residenceIsPermanent === undefined ? ["applicant.residenceIsPermanent"] : a.residenceIsPermanent;
  const t = both(residesThere, permanent);
  if (t === true)
    return met(PERMANENT_RESIDENCE_ID, rule.source, `permanent resident of ${applied}, the town applied to`);
  if (t === false) {
    const why =
      residesThere === false
        ? `resides in ${town}, not in ${applied}, the town applied to${a?.placeOfBusinessTowns?.some((b) => applied !== undefined && sameTown(b, applied)) ? ` (a place of business there no longer suffices from ${NEW_CRITERIA_FROM})` : ""}`
        : `the residence in ${town ?? "the town"} is not a permanent residence`;
    return notMet(
      PERMANENT_RESIDENCE_ID,
      rule.source,
      `${why}; from ${NEW_CRITERIA_FROM} the applicant must be a permanent resident of the town applied to`,
      "apply to the issuing authority of the town of permanent residence",
    );
  }
  return unknown(
    PERMANENT_RESIDENCE_ID,
    rule.source,
    [...new Set(t)],
    `from ${NEW_CRITERIA_FROM} the applicant must be a permanent resident of the town applied to; not known: ${[...new Set(t)].join(", ")}`,
  );
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PERMANENT_RESIDENCE_RULE = catalogueEntry(
  PERMANENT_RESIDENCE_ID,
  "Residence in the issuing town (temporary state permit)",
  "Until 30 September 2013 the applicant needed a residence or a place of business in the town. From 1 October 2013 the applicant must be a permanent resident of the town whose chief of police (or first selectman or warden) issues the temporary state permit.",
  RESIDENCE_TEST,
);
