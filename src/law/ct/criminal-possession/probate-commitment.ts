/**
 * Confinement in a hospital for persons with psychiatric disabilities by order
 * of a probate court, within a look-back window.
 *
 * Firearms and ammunition (PA 13-3 § 44, CGS § 53a-217, from 1 October 2013),
 * OLR analysis: possession is punished when the person has been "confined on
 * or after October 1, 2013 in a hospital for people with psychiatric
 * disabilities under a probate court order within the past (a) 60 months or
 * (b) 12 months if the person has a valid permit or certificate in effect
 * before October 1, 2013". Before 1 October 2013 this was no prohibitor of the
 * firearm crime.
 *
 * Pistols and revolvers (CGS § 53a-217c): existing law, "confined ... under a
 * probate court order within the past 12 months"; PA 13-3 § 45 "on or after
 * October 1, 2013, expands the look-back period for confinements under probate
 * court orders from 12 to 60 months unless the person has a valid permit or
 * certificate in effect before October 1, 2013".
 *
 * QUESTION(legal): in the firearm text, does "on or after October 1, 2013"
 * govern branch (b) (12 months for old credential holders) too? We read the
 * analysis's sentence as written: it qualifies the confinement in both
 * branches, so a confinement before that date never bars a long gun or
 * ammunition under § 53a-217.
 *
 * QUESTION(legal): for pistols, does the 60-month window reach confinements
 * before 1 October 2013 when the question is asked later? We read no: the
 * firearm text ties the 60 months to confinements on or after that date and
 * the analysis says the two crimes now apply "under very similar
 * circumstances"; a pre-October-2013 confinement keeps the 12-month window.
 *
 * QUESTION(legal): "a valid permit or certificate in effect before October 1,
 * 2013": we read it as a credential the person holds, valid on the date asked
 * about, issued (or last renewed) before 1 October 2013: a permit to carry, a
 * permit to sell, a handgun eligibility certificate or a long gun eligibility
 * certificate (not an ammunition certificate, which is not a firearm permit or
 * certificate). A credential renewed on or after that date no longer counts.
 */
import { type PlainDate, withinMonthsBefore } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";
import { type Credential, type CredentialKind, validOn } from "../sales/credentials.ts";
import { eventsOfKind, type PersonEvent, type Tri } from "./events.ts";
import { type EventVerdict, type ProhibitorContext, combine, notInVersion, prohibitorId } from "./prohibitor.ts";
import { POSSESSION_AMENDMENTS_EFFECTIVE, statuteSource, HANDGUN_POSSESSION, FIREARM_POSSESSION } from "./statutes.ts";
import { defineRule } from "../../core/questions.ts";

export const PROBATE_LOOK_BACK_MONTHS = { existing: 12, extended: 60, priorCredentialHolder: 12 } as const;

/** Credentials that keep the 12-month window when issued before 1 October 2013. */
export const PRIOR_CREDENTIAL_KINDS: readonly CredentialKind[] = [
  "permit-to-carry",
  "permit-to-sell",
  "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate",
];

/** Whether the person holds, on `on`, a valid credential issued before 1 October 2013. */
export function holdsPreOctober2013Credential(
  credentials: readonly Credential[] | undefined,
  on: PlainDate,
  path: string,
): { holds: Tri; missing: string[] } {
  if (credentials === undefined) return { holds: "unknown", missing: [path] };
  const missing: string[] = [];
  for (const [i, c] of credentials.entries()) {
    if (!PRIOR_CREDENTIAL_KINDS.includes(c.kind)) continue;
    const v = validOn(c, on);
    if (v === false) continue;
    const early: Tri = c.issuedOn === undefined ? "unknown" : c.issuedOn < POSSESSION_AMENDMENTS_EFFECTIVE;
    if (early === false) continue;
    if (v === true && early === true) return { holds: true, missing: [] };
    if (v === "unknown") missing.push(`${path}[${i}].status`);
    if (early === "unknown") missing.push(`${path}[${i}].issuedOn`);
  }
  return missing.length > 0 ? { holds: "unknown", missing } : { holds: false, missing: [] };
}

export function probateCommitment(events: readonly PersonEvent[], ctx: ProhibitorContext): Finding {
  const id = prohibitorId(ctx.statute, "probate-commitment");
  const source = statuteSource(ctx.statute, ctx.on);
  const newLaw = ctx.on >= POSSESSION_AMENDMENTS_EFFECTIVE;
  if (ctx.statute === "firearm" && !newLaw) return notInVersion(id, source, "a probate court commitment");
  const verdicts: EventVerdict[] = eventsOfKind(events, ["probate-commitment"]).map(({ event: e, index }) => {
    if (e.date === undefined)
      return {
        prohibits: "unknown",
        because: "confinement date not known",
        missing: [`${ctx.eventsPath}[${index}].date`],
      };
    const d = e.date;
    if (d > ctx.on) return { prohibits: false, because: `confinement on ${d} is after ${ctx.on}` };
    const within = (months: number) => withinMonthsBefore(d, ctx.on, months);
    // Confinements before 1 October 2013.
    if (d < POSSESSION_AMENDMENTS_EFFECTIVE) {
      if (ctx.statute === "firearm")
        return { prohibits: false, because: `confinement on ${d} was before ${POSSESSION_AMENDMENTS_EFFECTIVE}` };
      const m = PROBATE_LOOK_BACK_MONTHS.existing;
      return within(m)
        ? { prohibits: true, because: `confined by probate court order on ${d}, within ${m} months` }
        : { prohibits: false, because: `confinement on ${d} is not within the ${m} months before ${ctx.on}` };
    }
    // Confinements on or after 1 October 2013: 60 months, or 12 for holders of an earlier credential.
    const short = PROBATE_LOOK_BACK_MONTHS.priorCredentialHolder;
    const long = PROBATE_LOOK_BACK_MONTHS.extended;
    if (within(short))
      return { prohibits: true, because: `confined by probate court order on ${d}, within ${short} months` };
    if (!within(long))
      return { prohibits: false, because: `confinement on ${d} is not within the ${long} months before ${ctx.on}` };
    const prior = holdsPreOctober2013Credential(ctx.credentials, ctx.on, ctx.credentialsPath);
    if (prior.holds === true)
      return {
        prohibits: false,
        because: `confinement on ${d} is more than ${short} months ago and the person holds a credential in effect before ${POSSESSION_AMENDMENTS_EFFECTIVE}`,
      };
    if (prior.holds === false)
      return {
        prohibits: true,
        because: `confined by probate court order on ${d}, within ${long} months, and holds no credential in effect before ${POSSESSION_AMENDMENTS_EFFECTIVE}`,
      };
    return {
      prohibits: "unknown",
      because: `confinement on ${d} is within ${long} months but more than ${short}: depends on a credential in effect before ${POSSESSION_AMENDMENTS_EFFECTIVE}`,
      missing: prior.missing,
    };
  });
  return combine(id, source, "probate court commitments", verdicts);
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const PROBATE_COMMITMENT_RULE = defineRule({
  id: "criminal-possession.probate-commitment",
  title: "Possession barred after a probate court commitment (12 or 60 months)",
  description:
    "A pistol may not be possessed within 12 months of a probate court commitment; for commitments from 1 October 2013 the period is 60 months (12 for holders of a permit or certificate in effect before that date), and it then bars any firearm and ammunition too.",
  citations: [HANDGUN_POSSESSION[0]!.source, HANDGUN_POSSESSION[1]!.source, FIREARM_POSSESSION[1]!.source],
  from: "2013-04-04",
});
