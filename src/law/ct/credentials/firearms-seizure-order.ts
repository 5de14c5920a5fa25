/**
 * Firearms seizure orders (CGS § 29-38c).
 *
 * OLR analysis of PA 13-3, §§ 44-45 (the same bar, for possession): a person who "knows he or
 * she is the subject of ... a firearms seizure order after notice and a hearing opportunity".
 * Existing law bars permits and handgun eligibility certificates to anyone who "is subject to a
 * firearms seizure order issued pursuant to subsection (d) of section 29-38c after notice and
 * hearing" (CGS § 29-28(b)(7), § 29-36f(b)); the long gun eligibility certificate copies that
 * list (§§ 2-7) and the ammunition certificate follows it (§§ 14-17).
 *
 * QUESTION(legal): the facts do not say whether the order followed notice and a hearing.
 * Reading chosen: `firearms-seizure-order` events are orders under § 29-38c(d), made after the
 * hearing; the service must not report a bare seizure warrant as such an order.
 * `active` says whether the order is in force on the check date; without it the finding is unknown.
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

export const FIREARMS_SEIZURE_ORDER_ID = "credentials.firearms-seizure-order";

const EXISTING =
  "is subject to a firearms seizure order issued pursuant to subsection (d) of section 29-38c after notice and hearing (existing law)";

export const FIREARMS_SEIZURE_ORDER_SOURCE: Record<CredentialKind, Citation> = perCredential({
  permit: cite("CGS", "§ 29-28(b)", { cgs: "CGS § 29-28(b)(7)", text: EXISTING }),
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

/** Not subject to a firearms seizure order (§ 29-38c(d)) on the check date. */
export function firearmsSeizureOrder(facts: CredentialFacts, on: PlainDate): Finding {
  const rule = inForce(VERSIONS(FIREARMS_SEIZURE_ORDER_SOURCE[facts.credential]), on, FIREARMS_SEIZURE_ORDER_ID);
  const results = eventsOfKind(facts, ["firearms-seizure-order"]).map(({ event, index }): EventResult => {
    const what = `firearms seizure order${event.date ? ` of ${event.date}` : ""}`;
    if (event.active === undefined) {
      return event.date !== undefined && event.date > on
        ? clear(index, `${what}: made after the check date`)
        : unclear(index, [eventPath(index, "active")], `${what}: whether it is in force on ${on} is not known`);
    }
    if (!event.active) return clear(index, `${what}: not in force`);
    if (event.date !== undefined && event.date > on)
      return unclear(
        index,
        [eventPath(index, "active"), eventPath(index, "date")],
        `${what} is recorded as in force, but is dated after the check date ${on}: the record conflicts`,
      );
    return disqualifies(index, `subject to a ${what}`);
  });
  return recordFinding(FIREARMS_SEIZURE_ORDER_ID, rule.source, facts, results, "firearms seizure order in force");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const FIREARMS_SEIZURE_ORDER_RULE = catalogueEntry(
  FIREARMS_SEIZURE_ORDER_ID,
  "No firearms seizure order in force",
  "Being subject to a firearms seizure order made after notice and a hearing (CGS § 29-38c) bars every credential.",
  modelledVersions(FIREARMS_SEIZURE_ORDER_SOURCE),
);
