/**
 * The identity matcher enforcement calls: given the person as a source knows them, the candidate
 * people Stateline knows with a score and a decision each. The identity module (probabilistic,
 * Fellegi-Sunter, `scoreRecord`) provides the live one; `exactMatcher` (exact last name and date
 * of birth decide, anything less certain goes to review) is the stand-in kept for tests and as a
 * fallback.
 *
 * Whatever the matcher, enforcement only acts on "match" (one candidate alone above the
 * threshold) or on a person's decision in the review queue: "review" never revokes or denies.
 */
import type { Ctx } from "../../context.ts";
import type { FeedSubject } from "../../adapters/courts/contract.ts";
import { scoreRecord, type FieldReason } from "../identity/index.ts";

export interface MatchCandidate {
  personId: string;
  /** Log-likelihood weight (Fellegi-Sunter), or a stand-in. */
  weight: number;
  probability: number;
  decision: "match" | "review" | "non-match";
  reasons: string[];
}

export type Matcher = (ctx: Ctx, record: FeedSubject) => Promise<MatchCandidate[]>;

const norm = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

function swapped(d: string): string | null {
  const [y, m, day] = d.split("-");
  return Number(day) <= 12 && day !== m ? `${y}-${day}-${m}` : null;
}

/**
 * Stand-in matcher: people with the same last name (ignoring case, accents and punctuation) and
 * the same date of birth. The same first name too: "match"; another first name, or the date of
 * birth with day and month swapped: "review".
 */
export const exactMatcher: Matcher = async (ctx, s) => {
  const sw = swapped(s.birthDate);
  const rows = await ctx.db.query<{ id: string; first_name: string; last_name: string; birth_date: string }>(
    `SELECT id::text, first_name, last_name, birth_date FROM people
     WHERE lower(last_name) = lower($1) AND (birth_date = $2 OR ($3::date IS NOT NULL AND birth_date = $3::date)) ORDER BY id LIMIT 50`,
    [s.lastName.trim(), s.birthDate, sw],
  );
  return rows
    .filter((r) => norm(r.last_name) === norm(s.lastName))
    .map((r) => {
      const sameDob = r.birth_date === s.birthDate;
      const sameFirst = norm(r.first_name) === norm(s.firstName);
      const reasons = [
        `last name ${r.last_name} agrees`,
        sameDob
          ? `date of birth ${r.birth_date} agrees`
          : `date of birth agrees with day and month swapped (${s.birthDate} / ${r.birth_date})`,
        sameFirst ? `first name ${r.first_name} agrees` : `first name differs (${s.firstName} / ${r.first_name})`,
      ];
      const decision = sameDob && sameFirst ? ("match" as const) : ("review" as const);
      return {
        personId: r.id,
        weight: decision === "match" ? 20 : 5,
        probability: decision === "match" ? 0.999 : 0.6,
        decision,
        reasons,
      };
    });
};

const reasonText = (r: FieldReason) =>
  `${r.field.replace(/_/g, " ")}: ${r.label} (${r.weight >= 0 ? "+" : ""}${r.weight.toFixed(1)} bits)`;

/**
 * The identity module's probabilistic matcher (Fellegi-Sunter with EM-estimated m and u, term
 * frequencies, nicknames; blocking in the database), with its thresholds: the live matcher.
 */
export const identityMatcher: Matcher = async (ctx, s) => {
  const identifier = s.credentialNumber ?? s.driversLicense;
  const scored = await scoreRecord(ctx, {
    firstName: s.firstName,
    lastName: s.lastName,
    birthDate: s.birthDate,
    ...(s.street ? { street: s.street } : {}),
    ...(s.town ? { town: s.town } : {}),
    ...(s.zip ? { zip: s.zip.slice(0, 5) } : {}),
    ...(s.state ? { state: s.state } : {}),
    ...(identifier ? { identifier } : {}),
  });
  return scored.map((c) => ({
    personId: c.personId,
    weight: c.weight,
    probability: c.probability,
    decision: c.decision,
    reasons: c.reasons.map(reasonText),
  }));
};

let current: Matcher = identityMatcher;

/** The matcher in use: the identity module's, unless a test or the CLI swapped it. */
export const matcher = (): Matcher => current;

/** Swaps the matcher (the identity module's scorer, or a test double). */
export function useMatcher(m: Matcher): void {
  current = m;
}
