/**
 * Service members away on duty: 90 days after returning to Connecticut.
 *
 * PA 13-3 §§ 23-24 (CGS § 53-202x): "Servicemembers unable to apply by January
 * 1, 2014 because of out-of-state duty have 90 days after returning to
 * Connecticut to declare possession of such magazine."
 *
 * PA 13-3 §§ 25-31 (CGS § 53-202d): "A member of the U.S. Military or Navy who
 * is unable to apply by January 1, 2014 because he or she is out of state on
 * official duty has 90 days after returning to Connecticut to apply for a
 * certificate."
 *
 * QUESTION(legal): a member who returned before 2014-01-01 arguably was not
 * "unable to apply by January 1, 2014". We still give the 90 days from the
 * return (whichever of this and the general deadline is later is the one that
 * matters to the person); a lawyer should confirm.
 */
import { type PlainDate, addDays } from "../../core/dates.ts";
import { type Dated, inForce, met, notApplicable, notMet, pa133, unknown } from "../../core/rules.ts";
import { type DeclarationFacts, type RouteFinding, WINDOW_DAYS } from "./declaration-facts.ts";
import { defineRule } from "../../core/questions.ts";

export const ID = "clocks.service-member-on-return";

export const SERVICE_MEMBER_RETURN: Record<"large-capacity-magazine" | "assault-weapon", Dated<number>[]> = {
  "large-capacity-magazine": [
    {
      from: "2013-04-04",
      value: WINDOW_DAYS,
      source: pa133("§§ 23-24", {
        cgs: "CGS § 53-202x",
        text: "Servicemembers unable to apply by January 1, 2014 because of out-of-state duty have 90 days after returning to Connecticut to declare possession of such magazine.",
      }),
    },
  ],
  "assault-weapon": [
    {
      from: "2013-04-04",
      value: WINDOW_DAYS,
      source: pa133("§§ 25-31", {
        cgs: "CGS § 53-202d",
        text: "A member of the U.S. Military or Navy who is unable to apply by January 1, 2014 because he or she is out of state on official duty has 90 days after returning to Connecticut to apply for a certificate.",
      }),
    },
  ],
};

export function serviceMemberOnReturn(facts: DeclarationFacts, on: PlainDate): RouteFinding {
  const rule = inForce(SERVICE_MEMBER_RETURN[facts.item ?? "large-capacity-magazine"], on, ID);
  if (facts.outOfStateServiceMember === false)
    return { finding: notApplicable(ID, rule.source, "not a service member kept out of state on official duty") };
  if (!facts.item) return { finding: unknown(ID, rule.source, ["item"]) };
  if (facts.outOfStateServiceMember === undefined)
    return { finding: unknown(ID, rule.source, ["outOfStateServiceMember"]) };
  const action = facts.item === "large-capacity-magazine" ? "declare-possession" : "apply-for-certificate";
  if (!facts.returnedToStateOn) {
    if (facts.stillOnOutOfStateDuty === true) {
      return {
        finding: met(ID, rule.source, `still on out-of-state duty: the ${rule.value} days begin on return`),
        route: { rule: ID, actions: [action], deadline: null, open: true },
      };
    }
    return {
      finding: unknown(
        ID,
        rule.source,
        ["returnedToStateOn"],
        "the window runs from the return to Connecticut, which is not known",
      ),
    };
  }
  const deadline = addDays(facts.returnedToStateOn, rule.value);
  const open = on <= deadline;
  return {
    finding: open
      ? met(ID, rule.source, `returned ${facts.returnedToStateOn}; ${action} by ${deadline}`)
      : notMet(ID, rule.source, `returned ${facts.returnedToStateOn}; the ${rule.value} days ended ${deadline}`),
    route: { rule: ID, actions: [action], deadline, open },
  };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const SERVICE_MEMBER_ON_RETURN_RULE = defineRule({
  id: "clocks.service-member-on-return",
  title: "Service members away on duty: 90 days after returning",
  description:
    "A service member who could not declare or apply by 2014-01-01 because of out-of-state duty has 90 days after returning to Connecticut.",
  citations: [
    SERVICE_MEMBER_RETURN["large-capacity-magazine"][0]!.source,
    SERVICE_MEMBER_RETURN["assault-weapon"][0]!.source,
  ],
  from: "2013-04-04",
});
