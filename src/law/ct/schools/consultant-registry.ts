/**
 * The school security consultant registry (PA 13-3 § 91).
 *
 * "The bill requires DESPP to establish and maintain a registry of school
 * security consultants doing business in the state. DESPP must update the
 * registry annually, publish it on the DESPP website, and furnish it to the
 * public upon request. The registry must contain (1) the consultants' names,
 * (2) their employers, and (3) other information that the DESPP commissioner
 * may require." EFFECTIVE DATE: Upon passage.
 *
 * QUESTION(legal): "update the registry annually" is read as each consultant
 * confirming their entry once a year: an entry is current for one year from
 * its registration or last renewal; a lapsed entry is left off the published
 * registry until renewed.
 *
 * QUESTION(legal): the law makes public the names and employers; we also
 * publish the town of business and the services offered (information the
 * commissioner requires), and never the e-mail address or telephone number.
 */
import { type PlainDate, addYears } from "../../core/dates.ts";
import { type Citation, pa133 } from "../../core/rules.ts";

export const REGISTRY_SOURCE: Citation = pa133("§ 91", {
  text: "The bill requires DESPP to establish and maintain a registry of school security consultants doing business in the state. DESPP must update the registry annually, publish it on the DESPP website, and furnish it to the public upon request. The registry must contain (1) the consultants' names, (2) their employers, and (3) other information that the DESPP commissioner may require.",
});

/** The fields that leave on the public registry page and CSV. */
export const PUBLIC_FIELDS = ["name", "employer", "town", "services", "registeredOn", "currentUntil"] as const;

/** The last day an entry is current: the anniversary of its registration or last renewal (lapsed from the day after). */
export function currentUntil(lastConfirmedOn: PlainDate): PlainDate {
  return addYears(lastConfirmedOn, 1);
}
export const isCurrent = (lastConfirmedOn: PlainDate, on: PlainDate) => on <= currentUntil(lastConfirmedOn);
