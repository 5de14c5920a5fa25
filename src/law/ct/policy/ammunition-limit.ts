/**
 * The ammunition purchase limit: a POLICY, not a statute.
 *
 * The Attorney General's plan against gun trafficking: "Additionally, we
 * should enforce a limit on monthly ammunitions sales. There is no reasonable
 * self-protection scenario where an individual needs tens of thousands of
 * bullets." Public Act 13-3 does not enact a limit: §§ 14-17 require a
 * credential (or an ammunition certificate with photo identification) and an
 * age of 18, nothing more. So the limit is an administrative setting the
 * Department switches on or off and sizes (stored with its history in
 * `policy_settings`), and every finding here cites it with basis "policy", so
 * a buyer, a vendor and a court can see that it is policy and not statute.
 *
 * The rule is pure: the settings, the buyer's prior purchases and the requested
 * lines in; findings out. It knows nothing of databases or clocks.
 *
 * - Rolling 30 days: the 30 calendar days ending on the day of sale, both ends
 *   included (on a sale on 30 January the window is 1 January to 30 January).
 * - Calendar month: from the first of the sale's month to the day of sale.
 * - Rounds count every line except magazines; magazines are counted in units
 *   against their own cap.
 *
 * QUESTION(legal): whether the Department may refuse an ammunition sale the
 * Act permits, on a policy limit alone, is for counsel. The system treats the
 * limit as binding when it is switched on (it ships switched off) and labels
 * each refusal as policy, not statute.
 */
import { z } from "zod";
import { type PlainDate, addDays, addMonths, fromParts, parts } from "../../core/dates.ts";
import { type Answer, type Question, defineQuestion } from "../../core/questions.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  NotInForce,
  allOf,
  cite,
  inForce,
  met,
  notApplicable,
  notMet,
  unknown,
} from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";

/** Ammunition classes a cap may be set for. */
export const AMMUNITION_CLASSES = ["centerfire-rifle", "centerfire-pistol", "rimfire", "shotshell"] as const;
export type AmmunitionClass = (typeof AMMUNITION_CLASSES)[number];

/** What a purchase line may be: a class of ammunition (counted in rounds) or magazines (counted in units). */
export const PURCHASE_TYPES = [...AMMUNITION_CLASSES, "magazine"] as const;
export type PurchaseType = (typeof PURCHASE_TYPES)[number];

export const CLASS_LABELS: Record<PurchaseType, string> = {
  "centerfire-rifle": "centerfire rifle ammunition",
  "centerfire-pistol": "centerfire pistol ammunition",
  rimfire: "rimfire ammunition",
  shotshell: "shotshells",
  magazine: "magazines",
};

export const AMMUNITION_LIMIT_SOURCE: Citation = cite("Policy", "Ammunition limit", {
  basis: "policy",
  text: 'Attorney General\'s plan against gun trafficking: "we should enforce a limit on monthly ammunitions sales." Not enacted by PA 13-3; a configurable setting of the Department, not a statute.',
});

/** The rule exists for every date the ammunition sale rules are modelled; each setting also carries its own start. */
export const AMMUNITION_LIMIT: readonly Dated<true>[] = [
  { from: "2013-04-04", value: true, source: AMMUNITION_LIMIT_SOURCE },
];

export const AMMUNITION_LIMIT_ID = "policy.ammunition-limit";

/** A cap: a whole number of rounds (or magazines); null or absent means no cap. */
const Cap = z.number().int().min(1).max(10_000_000).nullable().optional();

export const ClassCaps = z.object({ perRolling30Days: Cap, perCalendarMonth: Cap }).strict();

/** The settings an administrator edits. Every cap is optional: absent or null means "no cap of this kind". */
export const AmmunitionLimitSettings = z
  .object({
    enabled: z.boolean().describe("false switches the limit off: no purchase is refused by it"),
    roundsPerRolling30Days: Cap.describe("rounds of all classes together in any 30 days"),
    roundsPerCalendarMonth: Cap.describe("rounds of all classes together in one calendar month"),
    byClass: z
      .object({
        "centerfire-rifle": ClassCaps.optional(),
        "centerfire-pistol": ClassCaps.optional(),
        rimfire: ClassCaps.optional(),
        shotshell: ClassCaps.optional(),
      })
      .strict()
      .optional()
      .describe("caps for one class of ammunition"),
    magazinesPerRolling30Days: Cap.describe("magazines in any 30 days"),
  })
  .strict();
export type AmmunitionLimitSettings = z.infer<typeof AmmunitionLimitSettings>;

export const PurchaseLine = z.object({
  type: z.enum(PURCHASE_TYPES),
  quantity: z.number().int().min(0).max(10_000_000),
});
export const PriorPurchase = PurchaseLine.extend({ on: PlainDateSchema.describe("date of the earlier sale") });

export const AmmunitionLimitFacts = z.object({
  settings: AmmunitionLimitSettings.extend({
    version: z.number().int().min(1).optional().describe("the settings' version in policy_settings"),
    effectiveOn: PlainDateSchema.optional().describe("first day the settings apply"),
  }),
  prior: z
    .array(PriorPurchase)
    .optional()
    .describe("the buyer's earlier purchases (lines with their dates); absent when the history was not looked up"),
  requested: z.array(PurchaseLine).describe("the lines asked for now"),
});
export type AmmunitionLimitFacts = z.infer<typeof AmmunitionLimitFacts>;

// A type alias (not an interface), so a decision carrying it is a Decision<Record<string, unknown>>.
export type AmmunitionLimitResult = {
  /** true: within every cap (or the limit is off); false: some cap exceeded; null: the history is not known. */
  permitted: boolean | null;
  enabled: boolean;
  settingsVersion: number | null;
  /** For each cap that applies, the most that may still be sold on the date (before this purchase). */
  headroom: Record<string, number>;
};

type Window = "rolling-30-days" | "calendar-month";

interface CapSpec {
  id: string;
  label: string;
  unit: "rounds" | "magazines";
  cap: number;
  window: Window;
  types: readonly PurchaseType[];
}

const ROUNDS = AMMUNITION_CLASSES as readonly PurchaseType[];

/** The caps that the settings switch on, in a fixed order. */
export function capsOf(s: AmmunitionLimitSettings): CapSpec[] {
  const out: CapSpec[] = [];
  if (s.roundsPerRolling30Days)
    out.push({
      id: `${AMMUNITION_LIMIT_ID}.rounds.rolling-30-days`,
      label: "rounds",
      unit: "rounds",
      cap: s.roundsPerRolling30Days,
      window: "rolling-30-days",
      types: ROUNDS,
    });
  if (s.roundsPerCalendarMonth)
    out.push({
      id: `${AMMUNITION_LIMIT_ID}.rounds.calendar-month`,
      label: "rounds",
      unit: "rounds",
      cap: s.roundsPerCalendarMonth,
      window: "calendar-month",
      types: ROUNDS,
    });
  for (const c of AMMUNITION_CLASSES) {
    const caps = s.byClass?.[c];
    if (caps?.perRolling30Days)
      out.push({
        id: `${AMMUNITION_LIMIT_ID}.${c}.rolling-30-days`,
        label: CLASS_LABELS[c],
        unit: "rounds",
        cap: caps.perRolling30Days,
        window: "rolling-30-days",
        types: [c],
      });
    if (caps?.perCalendarMonth)
      out.push({
        id: `${AMMUNITION_LIMIT_ID}.${c}.calendar-month`,
        label: CLASS_LABELS[c],
        unit: "rounds",
        cap: caps.perCalendarMonth,
        window: "calendar-month",
        types: [c],
      });
  }
  if (s.magazinesPerRolling30Days)
    out.push({
      id: `${AMMUNITION_LIMIT_ID}.magazines.rolling-30-days`,
      label: "magazines",
      unit: "magazines",
      cap: s.magazinesPerRolling30Days,
      window: "rolling-30-days",
      types: ["magazine"],
    });
  return out;
}

/** First day of the window ending on `on`. */
export function windowStart(window: Window, on: PlainDate): PlainDate {
  if (window === "rolling-30-days") return addDays(on, -29);
  const p = parts(on);
  return fromParts(p.year, p.month, 1);
}

const sumOf = (lines: readonly { type: PurchaseType; quantity: number }[], types: readonly PurchaseType[]) =>
  lines.reduce((n, l) => (types.includes(l.type) ? n + l.quantity : n), 0);

function priorIn(
  prior: readonly { on: PlainDate; type: PurchaseType; quantity: number }[],
  types: readonly PurchaseType[],
  from: PlainDate,
  to: PlainDate,
): number {
  return prior.reduce((n, l) => (l.on >= from && l.on <= to && types.includes(l.type) ? n + l.quantity : n), 0);
}

/** The first later day on which `requested` fits under the cap, if no other purchase is made meanwhile; null if it never does. */
function earliestDay(
  c: CapSpec,
  prior: readonly { on: PlainDate; type: PurchaseType; quantity: number }[],
  requested: number,
  on: PlainDate,
): PlainDate | null {
  if (requested > c.cap) return null;
  if (c.window === "calendar-month") {
    const p = parts(addMonths(on, 1));
    return fromParts(p.year, p.month, 1);
  }
  for (let k = 1; k <= 30; k++) {
    const d = addDays(on, k);
    if (priorIn(prior, c.types, addDays(d, -29), on) + requested <= c.cap) return d;
  }
  return addDays(on, 30);
}

const WINDOW_WORDS: Record<Window, string> = {
  "rolling-30-days": "in any 30 days",
  "calendar-month": "in a calendar month",
};

/**
 * Applies the limit to one purchase. Refuses (NotInForce) a date before the
 * settings took effect: a setting is never applied to a day it did not govern.
 */
export function ammunitionLimit(facts: AmmunitionLimitFacts, on: PlainDate): Answer<AmmunitionLimitResult> {
  inForce(AMMUNITION_LIMIT, on, AMMUNITION_LIMIT_ID);
  const s = facts.settings;
  if (s.effectiveOn !== undefined && on < s.effectiveOn) throw new NotInForce(AMMUNITION_LIMIT_ID, on, s.effectiveOn);
  const version = s.version ?? null;
  const setting = version === null ? "the current setting" : `setting version ${version}`;
  if (!s.enabled) {
    return {
      outcome: "yes",
      findings: [
        notApplicable(
          AMMUNITION_LIMIT_ID,
          AMMUNITION_LIMIT_SOURCE,
          `the ammunition limit is switched off (${setting}); policy, not statute`,
        ),
      ],
      result: { permitted: true, enabled: false, settingsVersion: version, headroom: {} },
    };
  }
  const caps = capsOf(s).filter((c) => sumOf(facts.requested, c.types) > 0);
  if (caps.length === 0) {
    return {
      outcome: "yes",
      findings: [
        met(
          AMMUNITION_LIMIT_ID,
          AMMUNITION_LIMIT_SOURCE,
          `no cap of the ammunition limit (${setting}) covers what this purchase contains; policy, not statute`,
        ),
      ],
      result: { permitted: true, enabled: true, settingsVersion: version, headroom: {} },
    };
  }
  const prior = facts.prior;
  const findings: Finding[] = [];
  const headroom: Record<string, number> = {};
  for (const c of caps) {
    const requested = sumOf(facts.requested, c.types);
    if (prior === undefined) {
      findings.push(
        unknown(
          c.id,
          AMMUNITION_LIMIT_SOURCE,
          ["prior"],
          `cannot apply the limit of ${c.cap} ${c.label} ${WINDOW_WORDS[c.window]} (policy, not statute): the buyer's earlier purchases were not looked up`,
        ),
      );
      continue;
    }
    const before = priorIn(prior, c.types, windowStart(c.window, on), on);
    const left = Math.max(0, c.cap - before);
    headroom[c.id] = left;
    if (requested <= left) {
      findings.push(
        met(
          c.id,
          AMMUNITION_LIMIT_SOURCE,
          `${requested} ${c.label} are within the limit of ${c.cap} ${c.label} ${WINDOW_WORDS[c.window]} (${setting}; policy, not statute)`,
        ),
      );
      continue;
    }
    const earliest = earliestDay(c, prior, requested, on);
    findings.push(
      notMet(
        c.id,
        AMMUNITION_LIMIT_SOURCE,
        `${requested} ${c.label} would exceed the limit of ${c.cap} ${c.label} ${WINDOW_WORDS[c.window]} (${setting}; policy, not statute); at most ${left} more may be sold on ${on}`,
        earliest === null
          ? `no more than ${c.cap} ${c.label} may be bought ${WINDOW_WORDS[c.window]}: reduce the quantity to ${left} or fewer`
          : `buy ${left} or fewer now, or the full ${requested} from ${earliest} if nothing else is bought meanwhile`,
      ),
    );
  }
  const outcome = allOf(findings);
  return {
    outcome,
    findings,
    result: {
      permitted: outcome === "yes" ? true : outcome === "no" ? false : null,
      enabled: true,
      settingsVersion: version,
      headroom,
    },
  };
}

export const ammunitionLimitQuestion: Question<AmmunitionLimitFacts, AmmunitionLimitResult> = defineQuestion({
  id: "ammunition-limit",
  title: "Is this ammunition purchase within the Department's limit (policy, not statute)?",
  description:
    "Applies the Department's configurable ammunition purchase limit, which the Attorney General's plan asks for and PA 13-3 does not enact: when switched on, caps on rounds per rolling 30 days, per calendar month, per class of ammunition, and on magazines. Findings cite the policy, never a statute. A buyer whose history is not known is sent to review, never refused.",
  citations: [AMMUNITION_LIMIT_SOURCE],
  modelledFrom: "2013-04-04",
  facts: AmmunitionLimitFacts,
  result: {
    permitted:
      "true when within every cap or the limit is off, false when a cap would be exceeded, null when the buyer's earlier purchases are not known",
    enabled: "whether the limit is switched on",
    settingsVersion: "the version of the settings applied",
    headroom:
      "for each cap that applies (by finding id), the most that may still be sold on the date before this purchase",
  },
  example: {
    settings: {
      enabled: true,
      version: 2,
      roundsPerRolling30Days: 1000,
      roundsPerCalendarMonth: null,
      byClass: { "centerfire-rifle": { perRolling30Days: 500 } },
      magazinesPerRolling30Days: 6,
    },
    prior: [{ on: "2026-11-02" as PlainDate, type: "centerfire-rifle", quantity: 400 }],
    requested: [
      { type: "centerfire-rifle", quantity: 100 },
      { type: "rimfire", quantity: 500 },
    ],
  },
  decide: ammunitionLimit,
});
