/**
 * The two-week waiting period for retail long gun sales, before 1 April 2014.
 *
 * PA 13-3 § 1 (CGS § 29-37a), OLR analysis: "Current law contains a two-week
 * waiting period for long gun purchases from gun dealers, with certain
 * exceptions (e.g., if the buyer holds certain gun credentials). Under the
 * bill, this waiting period only applies prior to April 1, 2014. The bill also
 * makes a conforming change by adding an exception to the waiting period if
 * the buyer has a long gun eligibility certificate."
 *
 * The period runs from the date of the application to purchase: delivery may
 * take place from the day two weeks (14 days) after it.
 * QUESTION(legal): "two weeks from the date of application" is read as
 * delivery allowed on application date + 14 days (the same weekday two weeks
 * later), not + 15. A lawyer should confirm against CGS § 1-2a-style counting.
 *
 * The exceptions "with certain exceptions (e.g. ...)" are those of existing
 * CGS § 29-37a: buyers holding a permit to carry, a permit to sell or a
 * handgun eligibility certificate (and, by the bill, a long gun eligibility
 * certificate); federal marshals, parole officers and peace officers; holders
 * of a valid Connecticut hunting licence; active or reserve members of the US
 * armed forces; and antique firearms.
 * QUESTION(legal): the analysis names only the credential exception; the
 * others are taken from the existing statute as publicly summarised and must
 * be confirmed against the enacted text.
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  cite,
  inForce,
  met,
  notApplicable,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { type Credential, type CredentialKind, holdsCredential } from "./credentials.ts";
import { type Officer, officerException } from "./officer-exception.ts";
import { defineRule } from "../../core/questions.ts";

export const WAITING_PERIOD: readonly Dated<{ days: number } | null>[] = [
  {
    from: "2013-04-04",
    value: { days: 14 },
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "Current law contains a two-week waiting period for long gun purchases from gun dealers, with certain exceptions (e.g., if the buyer holds certain gun credentials). Under the bill, this waiting period only applies prior to April 1, 2014.",
    }),
  },
  {
    from: "2014-04-01",
    value: null,
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "this waiting period only applies prior to April 1, 2014 ... It appears that starting April 1, 2014, the bill ties delivery to the date DESPP issues an authorization number for the transaction.",
    }),
  },
];

export const CREDENTIAL_HOLDER_EXCEPTION: Citation = pa133("§ 1", {
  cgs: "CGS § 29-37a",
  text: "with certain exceptions (e.g., if the buyer holds certain gun credentials) ... The bill also makes a conforming change by adding an exception to the waiting period if the buyer has a long gun eligibility certificate.",
});
export const EXISTING_LAW_EXCEPTIONS: Citation = cite("CGS", "§ 29-37a", {
  cgs: "CGS § 29-37a",
  text: "the waiting period does not apply to federal marshals, parole officers or peace officers, holders of a valid hunting licence, active or reserve members of the armed forces, or antique firearms (existing law)",
});

export const WAITING_PERIOD_EXEMPT_CREDENTIALS: readonly CredentialKind[] = [
  "permit-to-carry",
  "permit-to-sell",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
];

export interface WaitingPeriodFacts {
  applicationDate?: PlainDate | undefined;
  credentials?: readonly Credential[] | undefined;
  officer?: Officer | undefined;
  huntingLicence?: boolean | undefined;
  armedForcesMember?: boolean | undefined;
  antique?: boolean | undefined;
  /**
   * An explicit "none of these" for the existing-law exceptions: not an
   * officer, no hunting licence, not in the armed forces, not an antique.
   * It settles each of those facts that is not given (a fact given as true
   * contradicts it; the question's schema refuses that).
   */
  noExistingLawException?: boolean | undefined;
}

type Tri = boolean | "unknown";

/** Buyer holds a credential that waives the wait. */
export function credentialHolderException(
  credentials: readonly Credential[] | undefined,
  on: PlainDate,
): { applies: Tri; missing: string[] } {
  const h = holdsCredential(credentials, WAITING_PERIOD_EXEMPT_CREDENTIALS, on, "buyer.credentials");
  return { applies: h.holds, missing: h.missing };
}

/** Existing-law exceptions: officers, hunting licence holders, armed forces members, antique firearms. */
export function existingLawExceptions(f: WaitingPeriodFacts): { applies: Tri; missing: string[] } {
  const none = f.noExistingLawException === true;
  const orNone = (v: Tri): Tri => (v === "unknown" && none ? false : v);
  const parts: [Tri, string][] = [
    [orNone(officerException(f.officer)), "buyer.officer"],
    [orNone(f.huntingLicence ?? "unknown"), "buyer.huntingLicence"],
    [orNone(f.armedForcesMember ?? "unknown"), "buyer.armedForcesMember"],
    [orNone(f.antique ?? "unknown"), "firearm.antique"],
  ];
  if (parts.some(([v]) => v === true)) return { applies: true, missing: [] };
  const missing = parts.filter(([v]) => v === "unknown").map(([, p]) => p);
  return missing.length > 0 ? { applies: "unknown", missing } : { applies: false, missing: [] };
}

const ID = "sales.long-gun.waiting-period";

/** First day delivery is allowed under the waiting period, or null when none applies on `on`. */
export function waitingPeriodEnds(applicationDate: PlainDate, on: PlainDate): PlainDate | null {
  const rule = inForce(WAITING_PERIOD, on, ID);
  return rule.value === null ? null : addDays(applicationDate, rule.value.days);
}

export function longGunWaitingPeriod(
  f: WaitingPeriodFacts,
  retail: boolean,
  on: PlainDate,
): { finding: Finding; waitUntil: PlainDate | null } {
  const rule = inForce(WAITING_PERIOD, on, ID);
  if (rule.value === null)
    return {
      finding: notApplicable(ID, rule.source, "the waiting period applies only before 2014-04-01"),
      waitUntil: null,
    };
  if (!retail)
    return {
      finding: notApplicable(ID, rule.source, "the waiting period binds purchases from dealers (retail) only"),
      waitUntil: null,
    };
  const cred = credentialHolderException(f.credentials, on);
  if (cred.applies === true)
    return {
      finding: met(ID, CREDENTIAL_HOLDER_EXCEPTION, "the buyer holds a credential that waives the waiting period"),
      waitUntil: null,
    };
  const other = existingLawExceptions(f);
  if (other.applies === true)
    return {
      finding: met(ID, EXISTING_LAW_EXCEPTIONS, "an existing-law exception waives the waiting period"),
      waitUntil: null,
    };
  const exemptionMissing = [...cred.missing, ...other.missing];
  if (f.applicationDate === undefined) {
    return {
      finding: unknown(
        ID,
        rule.source,
        ["transfer.applicationDate", ...exemptionMissing],
        "the application date is not known and no exception is shown",
      ),
      waitUntil: null,
    };
  }
  const waitUntil = addDays(f.applicationDate, rule.value.days);
  if (on >= waitUntil)
    return {
      finding: met(ID, rule.source, `two weeks have passed since the application on ${f.applicationDate}`),
      waitUntil,
    };
  if (exemptionMissing.length > 0) {
    return {
      finding: unknown(
        ID,
        rule.source,
        exemptionMissing,
        `the two weeks end on ${waitUntil}; whether an exception applies is not known`,
      ),
      waitUntil,
    };
  }
  return {
    finding: notMet(
      ID,
      rule.source,
      `the application was made on ${f.applicationDate}; delivery may take place from ${waitUntil}`,
      `deliver on or after ${waitUntil}`,
    ),
    waitUntil,
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_WAITING_PERIOD_RULE = defineRule({
  id: "sales.long-gun.waiting-period",
  title: "Long guns: two-week wait at retail (until 31 March 2014)",
  description:
    "Before 1 April 2014, a dealer may deliver a long gun only two weeks after the application, unless the buyer holds a credential (now including a long gun eligibility certificate) or another exception applies.",
  citations: [WAITING_PERIOD[0]!.source, CREDENTIAL_HOLDER_EXCEPTION, EXISTING_LAW_EXCEPTIONS],
  from: "2013-04-04",
  until: "2014-04-01",
});
