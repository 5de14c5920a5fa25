/**
 * People moving into Connecticut: 90 days to disable, sell or remove.
 *
 * PA 13-3 §§ 23-24 (CGS § 53-202x): "Anyone who moves into Connecticut in
 * lawful possession of an LCM has 90 days to either permanently disable it,
 * sell it to a gun dealer, or take it out of state."
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "Anyone who moves into Connecticut in
 * lawful possession of an assault weapon has 90 days to make it permanently
 * inoperable, sell it to a gun dealer, or take it out of state."
 *
 * QUESTION(legal): a person who moved in before 2014-01-01 with an LCM (or
 * before 2013-04-04 with an assault weapon) also possessed it lawfully before
 * the cutoff, so the general declaration route may be open to them as well; we
 * report both routes when the facts give both. The mover window is applied to
 * moves on or after the bill's effective date, 2013-04-04.
 */
import { type PlainDate, addDays, plainDate } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { DISPOSAL, type DeclarationFacts, type RouteFinding, WINDOW_DAYS } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.mover-disposal";
const MOVES_FROM = plainDate("2013-04-04");

export const MOVER_DISPOSAL: Record<"large-capacity-magazine" | "assault-weapon", Dated<number>[]> = {
  "large-capacity-magazine": [
    {
      from: "2013-04-04",
      value: WINDOW_DAYS,
      source: pa133("§§ 23-24", {
        cgs: "CGS § 53-202x",
        text: "Anyone who moves into Connecticut in lawful possession of an LCM has 90 days to either permanently disable it, sell it to a gun dealer, or take it out of state.",
      }),
    },
  ],
  "assault-weapon": [
    {
      from: "2013-04-04",
      value: WINDOW_DAYS,
      source: pa133("§§ 25-31", {
        cgs: "CGS § 53-202d",
        text: "Anyone who moves into Connecticut in lawful possession of an assault weapon has 90 days to make it permanently inoperable, sell it to a gun dealer, or take it out of state.",
      }),
    },
  ],
};

export function moverDisposal(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const rule = inForce(MOVER_DISPOSAL[facts.item ?? "large-capacity-magazine"], on, ID);
  if (facts.movedIntoState === false)
    return { finding: notApplicable(ID, rule.source, "did not move into Connecticut with the item") };
  if (!facts.item) return { finding: unknown(ID, rule.source, ["item"]) };
  if (facts.movedIntoState === undefined && !facts.movedIntoStateOn)
    return { finding: unknown(ID, rule.source, ["movedIntoState"]) };
  if (!facts.movedIntoStateOn) return { finding: unknown(ID, rule.source, ["movedIntoStateOn"]) };
  if (facts.movedIntoStateOn < MOVES_FROM) {
    return {
      finding: notApplicable(ID, rule.source, `moved in ${facts.movedIntoStateOn}, before the bill took effect`),
    };
  }
  const deadline = addDays(facts.movedIntoStateOn, rule.value);
  const open = on <= deadline;
  return {
    finding: open
      ? met(
          ID,
          rule.source,
          `moved in ${facts.movedIntoStateOn}; disable, sell to a dealer or remove it by ${deadline}`,
        )
      : notMet(ID, rule.source, `moved in ${facts.movedIntoStateOn}; the ${rule.value} days ended ${deadline}`),
    route: { rule: ID, actions: [...DISPOSAL], deadline, open },
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const MOVER_DISPOSAL_RULE = defineRule({
  id: "clocks.mover-disposal",
  title: "Moving into Connecticut: 90 days to disable, sell or remove",
  description:
    "Someone who moves into Connecticut with a large capacity magazine or assault weapon has 90 days to make it permanently inoperable, sell it to a dealer, or take it out of the state.",
  citations: [MOVER_DISPOSAL["large-capacity-magazine"][0]!.source, MOVER_DISPOSAL["assault-weapon"][0]!.source],
  from: "2013-04-04",
});
