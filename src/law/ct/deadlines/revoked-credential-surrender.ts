/**
 * Question `revoked-credential-surrender`: must the holder of a revoked
 * credential deliver it, by when, and what is the penalty for not doing so?
 *
 * OLR analysis, §§ 2-7: "If the certificate is revoked, DESPP must notify the
 * person in writing, and the person must deliver it to the commissioner.
 * Failure to deliver it within five days of the notification is a class A
 * misdemeanor." Table 2 (§§ 46, 52) raises failing to surrender a revoked
 * permit (CGS § 29-32) or eligibility certificate (CGS § 29-36i) from a class C
 * to a class A misdemeanor. The clocks and penalties are those of
 * credentials/surrender.ts (its readings apply: five calendar days from the
 * day after the notice; the class A misdemeanor from 2013-10-01).
 *
 * The penalty is the one in force on the first day late (the day after the
 * due date). Before 2013-07-01 the long gun eligibility certificate and the
 * ammunition certificate did not exist: no duty, with the day they start. For
 * permits and the handgun eligibility certificate, a notice before 2013-07-01
 * is refused (the law before then is not modelled).
 */
import { z } from "zod";
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Answer, type Question, beforeDutyStarts, defineQuestion, defineRule } from "../../core/questions.ts";
import { type Finding, NotInForce, citationLabel, met, unknown } from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { CREATED_CERTIFICATES } from "../credentials/eligibility.ts";
import { CredentialKindSchema } from "../credentials/facts.ts";
import { CREDENTIALS_MODELLED_FROM } from "../credentials/kinds.ts";
import { SURRENDER_DAYS, lateSurrenderPenalty, surrenderDeadline } from "../credentials/surrender.ts";
import { DEADLINE_RESULT_DOCS, type DeadlineResult, NO_DEADLINE, timing } from "./result.ts";

export const RevokedCredentialSurrenderFacts = z.object({
  credential: CredentialKindSchema.optional().describe("the revoked credential"),
  notifiedOn: PlainDateSchema.optional().describe("the day the written notice of revocation was given to the holder"),
  surrenderedOn: PlainDateSchema.optional().describe("the day the holder delivered the credential, if they have"),
});
export type RevokedCredentialSurrenderFacts = z.infer<typeof RevokedCredentialSurrenderFacts>;

const ID = "deadlines.revoked-credential-surrender";

export function decideRevokedCredentialSurrender(
  facts: RevokedCredentialSurrenderFacts,
  on: PlainDate,
): Answer<DeadlineResult> {
  const kind = facts.credential;
  const created = kind ? CREATED_CERTIFICATES[kind] : undefined;
  if (
    created &&
    (on < CREDENTIALS_MODELLED_FROM || (facts.notifiedOn !== undefined && facts.notifiedOn < CREDENTIALS_MODELLED_FROM))
  ) {
    return beforeDutyStarts({
      id: `${ID}.duty-starts`,
      source: created,
      startsOn: CREDENTIALS_MODELLED_FROM,
      on,
      duty: `the ${kind!.replaceAll("-", " ")} (and the duty to deliver it when revoked)`,
      result: { ...NO_DEADLINE, mustAct: false, dutyStartsOn: CREDENTIALS_MODELLED_FROM as PlainDate },
    });
  }
  if (on < CREDENTIALS_MODELLED_FROM) throw new NotInForce(ID, on, CREDENTIALS_MODELLED_FROM);
  const anySource = SURRENDER_DAYS["long-gun-eligibility-certificate"][0]!.source;
  const missing = [
    ...(kind === undefined ? ["credential"] : []),
    ...(facts.notifiedOn === undefined ? ["notifiedOn"] : []),
  ];
  if (missing.length) {
    const f: Finding = unknown(
      ID,
      anySource,
      missing,
      "a revoked credential must be delivered within five days of the written notice; which credential and when the notice was given decide the date and the penalty",
    );
    return { outcome: "unknown", result: NO_DEADLINE, findings: [f] };
  }
  const { dueOn, source } = surrenderDeadline(kind!, facts.notifiedOn!);
  const penalty = lateSurrenderPenalty(kind!, addDays(dueOn, 1));
  const t = timing(dueOn, facts.surrenderedOn, on);
  return {
    outcome: "yes",
    result: {
      mustAct: true,
      dueOn,
      ...t,
      citation: citationLabel(source),
      penaltyIfMissed: {
        offense: penalty.offense,
        classification: penalty.classification,
        citation: citationLabel(penalty.source),
      },
      dutyStartsOn: null,
    },
    findings: [
      met(
        ID,
        source,
        `written notice of revocation on ${facts.notifiedOn}: deliver the ${kind!.replaceAll("-", " ")} by ${dueOn}; late delivery is a ${penalty.classification}`,
      ),
    ],
  };
}

export const revokedCredentialSurrender: Question<RevokedCredentialSurrenderFacts, DeadlineResult> = defineQuestion({
  id: "revoked-credential-surrender",
  title: "Revoked credential: by when must it be surrendered, and what if it is not?",
  description:
    "The last day to deliver a revoked permit, temporary permit, handgun or long gun eligibility certificate or ammunition certificate to the authorities (five days after the written notice of revocation), whether it was delivered in time, the citation, and the penalty for failing to (a class A misdemeanor; a class C misdemeanor for permits and handgun eligibility certificates until 2013-09-30).",
  citations: [
    ...new Map(
      Object.values(SURRENDER_DAYS)
        .flat()
        .map((v) => [citationLabel(v.source), v.source]),
    ).values(),
  ],
  modelledFrom: CREDENTIALS_MODELLED_FROM,
  // For the two certificates the Act created; for permits and the handgun certificate earlier dates are refused.
  dutyStartsOn: CREDENTIALS_MODELLED_FROM,
  facts: RevokedCredentialSurrenderFacts,
  result: DEADLINE_RESULT_DOCS,
  example: { credential: "long-gun-eligibility-certificate", notifiedOn: "2014-03-03" as PlainDate },
  decide: decideRevokedCredentialSurrender,
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const REVOKED_CREDENTIAL_SURRENDER_RULE = defineRule({
  id: "deadlines.revoked-credential-surrender",
  title: "Revoked credential: the surrender deadline and its penalty",
  description:
    "A revoked permit or certificate must be delivered within five days of the written notice of revocation; failing to is a class A misdemeanor (a class C misdemeanor for permits and handgun eligibility certificates until 30 September 2013).",
  citations: revokedCredentialSurrender.citations,
  from: "2013-07-01",
});
