/**
 * Question "lcm-dealer-transfer": what must a gun dealer do when an owner transfers a large
 * capacity magazine to the dealer, and did the dealer do it? PA 13-3 §§ 23-24 (CGS § 53-202x),
 * in force from passage (4 April 2013).
 *
 * OLR analysis: "If an owner of an LCM transfers it to a gun dealer, the dealer must, at the time
 * of delivery, execute a certificate of transfer. For transfers made before January 1, 2014, the
 * dealer must give DESPP monthly reports, on such form as the commissioner prescribes, on the
 * number of transfers that the dealer has accepted. For transfers made on or after January 1,
 * 2014, the dealer must send or deliver the transfer certificates to DESPP. The certificate of
 * transfer must contain: 1. the sale or transfer date; 2. the gun dealer and transferor's name and
 * address and their Social Security or motor vehicle operator license numbers, if applicable; 3.
 * the gun dealer's federal firearms license number; and 4. a description of the LCM. The gun
 * dealer must present his or her dealer's federal firearms license and seller's permit to the
 * seller or transferor for inspection at the time of purchase or transfer."
 *
 * The date that decides the report is the date of the transfer (`transferredOn`), not the date
 * asked.
 *
 * QUESTION(legal): a dealer who sent DESPP the certificates for a transfer made before
 * 2014-01-01, instead of a monthly report, is reported "unknown" (a person decides whether that
 * satisfied the reporting duty); a monthly report for a transfer on or after 2014-01-01 does not
 * replace sending the certificate.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion, defineRule } from "../../core/questions.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  allOf,
  inForce,
  met,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { flag, optionalDate } from "../../core/schema.ts";

export const ID = "weapons.lcm-dealer-transfer";
/** Prefix of this question's finding ids. */
const P = "weapons.lcm-dealer-";
export const CERTIFICATES_FROM = "2014-01-01";

export const CERTIFICATE_FIELDS = [
  "transferDate",
  "dealer.name",
  "dealer.address",
  "dealer.ssnOrDriverLicenseNumber",
  "transferor.name",
  "transferor.address",
  "transferor.ssnOrDriverLicenseNumber",
  "dealer.federalFirearmsLicenseNumber",
  "magazine.description",
] as const;

const SOURCE: Citation = pa133("§§ 23-24", {
  cgs: "CGS § 53-202x",
  text: "If an owner of an LCM transfers it to a gun dealer, the dealer must, at the time of delivery, execute a certificate of transfer. For transfers made before January 1, 2014, the dealer must give DESPP monthly reports ... on the number of transfers that the dealer has accepted. For transfers made on or after January 1, 2014, the dealer must send or deliver the transfer certificates to DESPP.",
});

export type ReportDuty = "monthly-report" | "send-certificate";

export const LCM_DEALER_REPORT: readonly Dated<ReportDuty>[] = [
  { from: "2013-04-04", until: CERTIFICATES_FROM, value: "monthly-report", source: SOURCE },
  { from: CERTIFICATES_FROM, value: "send-certificate", source: SOURCE },
];

export const LcmDealerTransferFacts = z.object({
  transferredOn: optionalDate("the day the owner transferred the magazine to the dealer"),
  certificateExecutedAtDelivery: flag("the dealer executed a certificate of transfer at the time of delivery"),
  certificateFields: z
    .array(z.enum(CERTIFICATE_FIELDS))
    .optional()
    .describe("the fields the certificate of transfer contains"),
  licenceAndPermitPresented: flag(
    "the dealer presented the federal firearms licence and seller's permit to the transferor for inspection",
  ),
  reported: z
    .enum(["monthly-report", "certificate-sent", "none"])
    .optional()
    .describe("how the transfer was reported to DESPP: in a monthly report, by sending the certificate, or not"),
});
export type LcmDealerTransferFacts = z.infer<typeof LcmDealerTransferFacts>;

export interface LcmDealerTransferResult {
  compliant: boolean | null;
  /** What the transfer's date requires: a monthly report (before 2014-01-01) or sending the certificate. */
  reportDuty: ReportDuty | null;
  certificateFields: string[];
  missingCertificateFields: string[];
}

function decide(f: LcmDealerTransferFacts, on: PlainDate): Answer<LcmDealerTransferResult> {
  inForce(LCM_DEALER_REPORT, on, ID);
  const when = f.transferredOn ?? null;
  const duty = when === null ? null : inForce(LCM_DEALER_REPORT, when, ID);
  const findings: Finding[] = [];

  if (f.certificateExecutedAtDelivery === undefined)
    findings.push(unknown(`${P}certificate`, SOURCE, ["certificateExecutedAtDelivery"]));
  else if (!f.certificateExecutedAtDelivery)
    findings.push(notMet(`${P}certificate`, SOURCE, "no certificate of transfer was executed at delivery"));
  else findings.push(met(`${P}certificate`, SOURCE, "a certificate of transfer was executed at delivery"));

  const missingFields = f.certificateFields
    ? CERTIFICATE_FIELDS.filter((x) => !f.certificateFields!.includes(x))
    : [...CERTIFICATE_FIELDS];
  if (f.certificateFields === undefined)
    findings.push(unknown(`${P}certificate-fields`, SOURCE, ["certificateFields"]));
  else if (missingFields.length > 0)
    findings.push(notMet(`${P}certificate-fields`, SOURCE, `the certificate lacks: ${missingFields.join(", ")}`));
  else findings.push(met(`${P}certificate-fields`, SOURCE, "the certificate has every required field"));

  if (f.licenceAndPermitPresented === undefined)
    findings.push(unknown(`${P}licence-presented`, SOURCE, ["licenceAndPermitPresented"]));
  else if (!f.licenceAndPermitPresented)
    findings.push(
      notMet(`${P}licence-presented`, SOURCE, "the dealer did not present the federal licence and seller's permit"),
    );
  else findings.push(met(`${P}licence-presented`, SOURCE, "the federal licence and seller's permit were presented"));

  if (duty === null) findings.push(unknown(`${P}report`, SOURCE, ["transferredOn"]));
  else if (f.reported === undefined) findings.push(unknown(`${P}report`, duty.source, ["reported"]));
  else if (duty.value === "monthly-report") {
    if (f.reported === "monthly-report")
      findings.push(met(`${P}report`, duty.source, `transferred ${when}: reported in a monthly report`));
    else if (f.reported === "certificate-sent")
      findings.push(
        unknown(
          `${P}report`,
          duty.source,
          [],
          `QUESTION(legal): transferred ${when}, before ${CERTIFICATES_FROM}: a monthly report was due; the certificate was sent instead`,
        ),
      );
    else findings.push(notMet(`${P}report`, duty.source, `transferred ${when}: not in a monthly report to DESPP`));
  } else if (f.reported === "certificate-sent")
    findings.push(met(`${P}report`, duty.source, `transferred ${when}: the certificate was sent to DESPP`));
  else
    findings.push(
      notMet(
        `${P}report`,
        duty.source,
        `transferred ${when}, on or after ${CERTIFICATES_FROM}: the certificate itself must be sent or delivered to DESPP`,
      ),
    );

  const outcome = allOf(findings);
  return {
    outcome,
    findings,
    result: {
      compliant: outcome === "yes" ? true : outcome === "no" ? false : null,
      reportDuty: duty?.value ?? null,
      certificateFields: [...CERTIFICATE_FIELDS],
      missingCertificateFields: f.certificateFields === undefined ? [] : missingFields,
    },
  };
}

export const lcmDealerTransferQuestion: Question<LcmDealerTransferFacts, LcmDealerTransferResult> = defineQuestion({
  id: "lcm-dealer-transfer",
  title: "A large capacity magazine transferred to a gun dealer: certificate of transfer and report to DESPP",
  description:
    "A dealer who accepts a large capacity magazine from its owner executes a certificate of transfer at delivery (date, names, addresses and SSN or licence numbers of dealer and transferor, the dealer's federal licence number, a description of the magazine) after showing the federal licence and seller's permit; transfers made before 1 January 2014 are reported to DESPP monthly, later ones by sending the certificate itself.",
  citations: [SOURCE],
  modelledFrom: "2013-04-04",
  facts: LcmDealerTransferFacts,
  result: {
    compliant: "true when every duty was met (outcome yes), false when one was not, null when unknown",
    reportDuty:
      '"monthly-report" for a transfer before 2014-01-01, "send-certificate" from that day; null without the transfer date',
    certificateFields: "the fields a certificate of transfer must contain",
    missingCertificateFields: "the required fields the certificate lacks",
  },
  example: {
    transferredOn: "2014-01-02" as PlainDate,
    certificateExecutedAtDelivery: true,
    certificateFields: [...CERTIFICATE_FIELDS],
    licenceAndPermitPresented: true,
    reported: "certificate-sent",
  },
  decide,
});

const rule = (part: string, title: string, description: string) =>
  defineRule({ id: `${P}${part}`, title, description, citations: [SOURCE], from: "2013-04-04" });

/** The catalogue entries of this question's findings (listed in ./questions.ts). */
export const LCM_DEALER_TRANSFER_RULES = [
  rule(
    "certificate",
    "Magazines transferred to a dealer: a certificate of transfer at delivery",
    "A gun dealer who accepts a large capacity magazine from its owner executes a certificate of transfer at the time of delivery.",
  ),
  rule(
    "certificate-fields",
    "Magazines transferred to a dealer: what the certificate of transfer contains",
    "The transfer date; the dealer's and transferor's names, addresses and Social Security or driver's licence numbers; the dealer's federal firearms licence number; a description of the magazine.",
  ),
  rule(
    "licence-presented",
    "Magazines transferred to a dealer: the dealer shows the federal licence and seller's permit",
    "The dealer presents the federal firearms licence and seller's permit to the transferor for inspection at the time of the transfer.",
  ),
  rule(
    "report",
    "Magazines transferred to a dealer: monthly reports before 2014, then the certificate itself",
    "Transfers made before 1 January 2014 are reported to DESPP in monthly reports of their number; transfers on or after that day by sending or delivering the certificate of transfer to DESPP.",
  ),
];
