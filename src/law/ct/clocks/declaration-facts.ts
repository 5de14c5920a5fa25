/**
 * Facts for the large capacity magazine (LCM) declaration and assault weapon
 * certificate of possession clocks, and the shape of one route to compliance.
 */
import { z } from "zod";
import { PlainDateSchema } from "../../core/schema.ts";
import type { PlainDate } from "../../core/dates.ts";
import type { Finding } from "../../core/rules.ts";

export const Item = z.enum(["large-capacity-magazine", "assault-weapon"]);
export type Item = z.infer<typeof Item>;

export const DeclarationFacts = z
  .object({
    item: Item.optional().describe("large-capacity-magazine, or assault-weapon (a weapon newly banned by PA 13-3)"),
    lawfullyPossessedBeforeCutoff: z
      .boolean()
      .optional()
      .describe(
        "LCM: lawfully possessed it before 2014-01-01. Assault weapon: legally possessed it on 2013-04-03, the day before the bill's effective date",
      ),
    eligibleForCertificate: z
      .boolean()
      .optional()
      .describe("assault weapon only: eligible for a certificate of possession"),
    outOfStateServiceMember: z
      .boolean()
      .optional()
      .describe("a service member unable to apply by 2014-01-01 because out of state on official duty"),
    stillOnOutOfStateDuty: z.boolean().optional().describe("that service member has not yet returned to Connecticut"),
    returnedToStateOn: PlainDateSchema.optional().describe("the day that service member returned to Connecticut"),
    transferredServiceMember: z
      .boolean()
      .optional()
      .describe("a service member transferred to Connecticut in lawful possession"),
    transferredInOn: PlainDateSchema.optional().describe(
      "the day the transferred service member arrived in Connecticut",
    ),
    movedIntoState: z.boolean().optional().describe("moved into Connecticut in lawful possession of the item"),
    movedIntoStateOn: PlainDateSchema.optional().describe("the day of the move into Connecticut"),
    inherited: z.boolean().optional().describe("received the item by bequest or intestate succession"),
    inheritedOn: PlainDateSchema.optional().describe(
      "the day the heir received the item (see QUESTION(legal) in heir-certificate.ts)",
    ),
    heldCertificateBeforeApril2013: z
      .boolean()
      .optional()
      .describe("assault weapon only: obtained a certificate of possession for it before 2013-04-04"),
    specialCircumstances: z
      .literal("none")
      .optional()
      .describe(
        '"none": none of the special routes applies (not a service member away on duty or transferred here, did not move into Connecticut with the item, did not inherit it, no certificate from before 2013-04-04). Settles those facts when they are not given; giving one of them as true as well is refused.',
      ),
  })
  .superRefine((f, ctx) => {
    if (f.specialCircumstances !== "none") return;
    for (const key of SPECIAL_FLAGS) {
      if (f[key] === true)
        ctx.addIssue({ code: "custom", path: [key], message: 'contradicts specialCircumstances "none"' });
    }
  });

/** The facts `specialCircumstances: "none"` answers as a group. */
export const SPECIAL_FLAGS = [
  "outOfStateServiceMember",
  "transferredServiceMember",
  "movedIntoState",
  "inherited",
  "heldCertificateBeforeApril2013",
] as const;

/** The facts with `specialCircumstances: "none"` spelled out: each special route's flag not given becomes false. */
export function withNoneSpelledOut(f: DeclarationFacts): DeclarationFacts {
  if (f.specialCircumstances !== "none") return f;
  const out: DeclarationFacts = { ...f };
  for (const key of SPECIAL_FLAGS) if (out[key] === undefined) out[key] = false;
  return out;
}
export type DeclarationFacts = z.infer<typeof DeclarationFacts>;

export type Action =
  | "declare-possession"
  | "apply-for-certificate"
  | "render-permanently-inoperable"
  | "sell-to-dealer"
  | "remove-from-state"
  | "nothing-further";

/** One way to keep or lawfully dispose of the item, with its last day. */
export interface Route {
  rule: string;
  actions: Action[];
  /** Last day (inclusive) to act; null when the route has no deadline yet or needs no action. */
  deadline: PlainDate | null;
  /** True when acting on the date asked is still in time. */
  open: boolean;
}

export interface RouteFinding {
  finding: Finding;
  route?: Route;
}

export const DISPOSAL: Action[] = ["render-permanently-inoperable", "sell-to-dealer", "remove-from-state"];

/** The 90-day windows: counted in calendar days from the day after the event, not moved off weekends or holidays. */
export const WINDOW_DAYS = 90;

/*
 * QUESTION(legal): the analysis says "90 days after returning", "90 days after
 * their arrival", "has 90 days". We count calendar days starting the day after
 * the event (the event day is not counted), so the last day is the event date
 * plus 90, and we do not extend a last day that falls on a weekend or a legal
 * holiday: no rule in the text moves these deadlines.
 */
