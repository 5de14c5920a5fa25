/**
 * Surrender of a revoked certificate: five days after the written notice.
 *
 * PA 13-3 §§ 2-7 (long gun eligibility certificate): "If the certificate is
 * revoked, DESPP must notify the person in writing, and the person must deliver
 * it to the commissioner. Failure to deliver it within five days of the
 * notification is a class A misdemeanor." (EFFECTIVE DATE: July 1, 2013.)
 *
 * Note: the brief for this area asked for the five-day surrender of a revoked
 * assault weapon certificate; the analysis has no surrender clock for
 * certificates of possession. The only five-day surrender clock in it is this
 * one, for the long gun eligibility certificate, which is what is modelled.
 *
 * QUESTION(legal): "within five days of the notification". We count calendar
 * days from the day after the person is notified (the day of notification is
 * not counted) and do not extend a last day that falls on a weekend or a legal
 * holiday. "Notified" is taken as the day the written notice reached the
 * person; when only the mailing date is known the service must decide.
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.revoked-certificate-surrender";

export const SURRENDER_DAYS: Dated<number>[] = [
  {
    from: "2013-07-01",
    value: 5,
    source: pa133("§§ 2-7", {
      text: "If the certificate is revoked, DESPP must notify the person in writing, and the person must deliver it to the commissioner. Failure to deliver it within five days of the notification is a class A misdemeanor.",
    }),
  },
];

/**
 * Last day (inclusive) to deliver a revoked long gun eligibility certificate to
 * the commissioner. Throws NotInForce for a notice before 2013-07-01.
 */
export function revokedCertificateSurrenderDueOn(p: { notifiedOn: PlainDate }): PlainDate {
  const rule = inForce(SURRENDER_DAYS, p.notifiedOn, ID);
  return addDays(p.notifiedOn, rule.value);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const REVOKED_CERTIFICATE_SURRENDER_RULE = defineRule({
  id: "clocks.revoked-certificate-surrender",
  title: "Surrender a revoked long gun eligibility certificate within 5 days",
  description:
    "When a long gun eligibility certificate is revoked, the holder must deliver it to the commissioner within five days of the written notice; failing to do so is a class A misdemeanor.",
  citations: [SURRENDER_DAYS[0]!.source],
  from: "2013-07-01",
});
