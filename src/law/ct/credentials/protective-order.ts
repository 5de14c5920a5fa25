/**
 * Protective and restraining orders (and foreign orders of protection).
 *
 * OLR analysis of PA 13-3, §§ 44-45 (the same bar, for possession): a person who "knows he or
 * she is the subject of a restraining or protective order in certain cases". Existing law bars
 * permits and handgun eligibility certificates to anyone who "is subject to a restraining or
 * protective order issued by a court in a case involving the use, attempted use or threatened
 * use of physical force against another person" (CGS § 29-28(b)(6), § 29-36f(b)); the long gun
 * eligibility certificate copies that list (§§ 2-7) and the ammunition certificate follows it
 * (§§ 14-17).
 *
 * QUESTION(legal): the facts do not say whether an order was issued "in a case involving the
 * use, attempted use or threatened use of physical force". Reading chosen: every protective or
 * restraining order the service reports is such an order (Connecticut's criminal protective
 * and civil restraining orders are issued in family-violence and similar cases).
 *
 * QUESTION(legal): foreign orders of protection are not mentioned in the analysis. Reading
 * chosen: a foreign order (given full faith and credit in Connecticut, CGS § 46b-15a) counts
 * like a Connecticut order. Remove "foreign-order" from ORDER_KINDS to change this.
 *
 * Whether the applicant is subject to the order on the check date: `active` when given, checked
 * against the dates (issued on or before the check date, expiring on or after it). When `active`
 * and the dates disagree the facts conflict: unknown.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, cite, inForce, pa133 } from "../../core/rules.ts";
import type { CredentialFacts } from "./facts.ts";
import { CREDENTIALS_MODELLED_FROM, type CredentialKind, perCredential, modelledVersions } from "./kinds.ts";
import {
  type EventResult,
  clear,
  disqualifies,
  eventPath,
  eventsOfKind,
  recordFinding,
  unclear,
} from "./record-search.ts";
import { catalogueEntry } from "../../core/questions.ts";

export const PROTECTIVE_ORDER_ID = "credentials.protective-order";

export const ORDER_KINDS = ["protective-order", "restraining-order", "foreign-order"] as const;

const EXISTING =
  "is subject to a restraining or protective order issued by a court in a case involving the use, attempted use or threatened use of physical force against another person (existing law)";

export const PROTECTIVE_ORDER_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", { cgs: "CGS § 29-28(b)(6)", text: EXISTING }),
  handgunCertificate: cite("CGS", "§ 29-36f(b)", { cgs: "CGS § 29-36f(b)", text: EXISTING }),
  longGunCertificate: pa133("§§ 2-7", {
    cgs: "CGS § 29-37p(b)",
    text: "the bill's provisions concerning the long gun eligibility certificate are substantially similar to the provisions for handgun eligibility certificates",
  }),
  ammunitionCertificate: pa133("§§ 14-17", {
    cgs: "CGS § 29-38n(b)",
    text: "that the person would be ineligible to be issued a long gun eligibility certificate",
  }),
});

const VERSIONS = (source: Citation): readonly Dated<true>[] => [
  { from: CREDENTIALS_MODELLED_FROM, value: true, source },
];

/** What the order's dates say about the check date: in force, not in force, or cannot tell. */
function inForceByDates(
  issuedOn: PlainDate | undefined,
  expiresOn: PlainDate | undefined,
  on: PlainDate,
): boolean | undefined {
  if (issuedOn !== undefined && issuedOn > on) return false;
  if (expiresOn !== undefined && expiresOn < on) return false;
  if (issuedOn !== undefined && expiresOn !== undefined) return true;
  return undefined;
}

/** Not subject to a protective, restraining or foreign protective order on the check date. */
export function protectiveOrder(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(PROTECTIVE_ORDER_SOURCE[facts.credential]), on, PROTECTIVE_ORDER_ID);
  const results = eventsOfKind(facts, ORDER_KINDS).map(({ event, index }): EventResult => {
    const byDates = inForceByDates(event.issuedOn, event.expiresOn, on);
    const dates = `${event.kind} issued ${event.issuedOn ?? "(date unknown)"}, expiring ${event.expiresOn ?? "(date unknown)"}`;
    const datePaths = [eventPath(index, "issuedOn"), eventPath(index, "expiresOn")];
    if (event.active === true) {
      return byDates === false
        ? unclear(
            index,
            [eventPath(index, "active"), ...datePaths],
            `${dates} is recorded as active, but its dates say it is not in force on ${on}: the record conflicts`,
          )
        : disqualifies(index, `subject to a ${event.kind} (${dates}) on ${on}`);
    }
    if (event.active === false) {
      return byDates === true
        ? unclear(
            index,
            [eventPath(index, "active"), ...datePaths],
            `${dates} is recorded as not active, but its dates say it is in force on ${on}: the record conflicts`,
          )
        : clear(index, `${dates}: not in force on ${on}`);
    }
    if (byDates === true) return disqualifies(index, `subject to a ${event.kind} (${dates}) on ${on}`);
    if (byDates === false) return clear(index, `${dates}: not in force on ${on}`);
    return unclear(
      index,
      [eventPath(index, "active"), ...datePaths],
      `${dates}: whether it is in force on ${on} is not known`,
    );
  });
  return recordFinding(PROTECTIVE_ORDER_ID, rule.source, facts, results, "protective or restraining order in force");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PROTECTIVE_ORDER_RULE = catalogueEntry(
  PROTECTIVE_ORDER_ID,
  "No protective or restraining order in force",
  "Being subject to a protective or restraining order (or a foreign order of protection) issued in a case involving physical force bars every credential while the order is in force.",
  modelledVersions(PROTECTIVE_ORDER_SOURCE),
);
