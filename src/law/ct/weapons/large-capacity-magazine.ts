/**
 * Large capacity magazine (PA 13-3 § 23), in force upon passage, 2013-04-04.
 *
 * OLR analysis, §§ 23-24: "The bill defines 'large capacity magazine' as any
 * firearm magazine, belt, drum, feed strip, or similar device that can hold,
 * or can be readily restored or converted to accept, more than 10 rounds of
 * ammunition. It excludes: 1. feeding devices permanently altered so that
 * they cannot hold more than 10 rounds of ammunition, 2. .22 caliber tube
 * ammunition feeding devices, 3. tubular magazines contained in a
 * lever-action firearm, or 4. permanently inoperable magazines."
 *
 * Each exclusion is its own function below. An exclusion finding is "met"
 * when the exclusion does NOT apply (core's "disqualifier absent"
 * convention), so the device is a large capacity magazine when the
 * definition and all four are met.
 *
 * QUESTION(legal): a device "permanently altered so that [it] cannot hold
 * more than 10 rounds" is excluded even if someone says it could be readily
 * restored; the exclusion's words govern over the definition's. The two facts
 * should not both be true; if they are, the exclusion wins.
 */
import { z } from "zod";
import { flag as yes, factsObject } from "../../core/schema.ts";
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, type Finding, inForce, pa133 } from "../../core/rules.ts";
import { all, any, fact, finding, test, under } from "./logic.ts";

export const LCM_DEFINITION_ID = "weapons.lcm-definition";
export const LCM_NOT_PERMANENTLY_ALTERED_ID = "weapons.lcm-not-permanently-altered";
export const LCM_NOT_22_TUBE_ID = "weapons.lcm-not-22-caliber-tube";
export const LCM_NOT_LEVER_ACTION_TUBE_ID = "weapons.lcm-not-lever-action-tubular";
export const LCM_NOT_INOPERABLE_ID = "weapons.lcm-not-permanently-inoperable";

/** PA 13-3 § 23 (CGS § 53-202w), the large capacity magazine definition, quoting `text`. */
const section23 = (text: string) => pa133("§ 23", { cgs: "CGS § 53-202w", text });

const DEFINITION_SOURCE = section23(
  "any firearm magazine, belt, drum, feed strip, or similar device that can hold, or can be readily restored or converted to accept, more than 10 rounds of ammunition",
);
const ALTERED_SOURCE = section23(
  "It excludes: 1. feeding devices permanently altered so that they cannot hold more than 10 rounds of ammunition",
);
const TUBE_22_SOURCE = section23("It excludes: ... 2. .22 caliber tube ammunition feeding devices");
const LEVER_SOURCE = section23("It excludes: ... 3. tubular magazines contained in a lever-action firearm");
const INOPERABLE_SOURCE = section23("It excludes: ... 4. permanently inoperable magazines");

/** More than this many rounds makes a large capacity magazine. */
export const LCM_ROUND_LIMIT: readonly Dated<number>[] = [{ from: "2013-04-04", value: 10, source: DEFINITION_SOURCE }];

export const MagazineFacts = factsObject("An ammunition feeding device.", {
  device: z
    .enum(["magazine", "belt", "drum", "feed-strip", "similar-device", "not-a-feeding-device"])
    .optional()
    .describe("What the device is: a firearm magazine, belt, drum, feed strip or similar device, or something else."),
  capacity: z.number().int().min(0).optional().describe("Rounds of ammunition it can hold as it is."),
  readilyRestoredOrConverted: yes("It can be readily restored or converted to accept more than 10 rounds."),
  permanentlyAlteredToTenOrFewer: yes("It has been permanently altered so that it cannot hold more than 10 rounds."),
  caliber22TubeFeedingDevice: yes("It is a .22 caliber tube ammunition feeding device."),
  tubularInLeverAction: yes("It is a tubular magazine contained in a lever-action firearm."),
  permanentlyInoperable: yes("It is permanently inoperable."),
});
export type MagazineFacts = z.infer<typeof MagazineFacts>;

/** The definition: a feeding device that can hold, or be readily restored or converted to accept, more than 10 rounds. */
export function lcmDefinition(m: MagazineFacts, on: PlainDate, at = "magazine"): Finding {
  const limit = inForce(LCM_ROUND_LIMIT, on, "magazine-classification");
  const device = test(m.device, under(at, "device"), (d) => d !== "not-a-feeding-device");
  const tooMany = any(
    test(m.capacity, under(at, "capacity"), (n) => n > limit.value),
    fact(m.readilyRestoredOrConverted, under(at, "readilyRestoredOrConverted")),
  );
  return finding(LCM_DEFINITION_ID, limit.source, all(device, tooMany), {
    met: `a ${m.device ?? "feeding device"} that can hold${m.capacity !== undefined ? ` ${m.capacity} rounds` : ""}${m.readilyRestoredOrConverted ? " (or be readily restored or converted to accept)" : ""}, more than ${limit.value}`,
    notMet:
      m.device === "not-a-feeding-device"
        ? "not a magazine, belt, drum, feed strip or similar device"
        : `holds ${m.capacity} rounds and cannot be readily restored or converted to accept more than ${limit.value}`,
  });
}

/** An exclusion: met when the magazine is NOT what the flag `key` says (a missing flag is unknown). */
function exclusion(
  id: string,
  source: Citation,
  m: MagazineFacts,
  key:
    "permanentlyAlteredToTenOrFewer" | "caliber22TubeFeedingDevice" | "tubularInLeverAction" | "permanentlyInoperable",
  at: string,
  because: { met: string; notMet: string },
): Finding {
  return finding(
    id,
    source,
    test(m[key], under(at, key), (b) => !b),
    because,
  );
}

/** Exclusion 1: permanently altered so that it cannot hold more than 10 rounds. Met when NOT so altered. */
export function notPermanentlyAltered(m: MagazineFacts, _on: PlainDate, at = "magazine"): Finding {
  return exclusion(LCM_NOT_PERMANENTLY_ALTERED_ID, ALTERED_SOURCE, m, "permanentlyAlteredToTenOrFewer", at, {
    met: "not permanently altered to hold 10 rounds or fewer",
    notMet: "permanently altered so that it cannot hold more than 10 rounds: excluded",
  });
}

/** Exclusion 2: a .22 caliber tube ammunition feeding device. Met when it is NOT one. */
export function not22CaliberTube(m: MagazineFacts, _on: PlainDate, at = "magazine"): Finding {
  return exclusion(LCM_NOT_22_TUBE_ID, TUBE_22_SOURCE, m, "caliber22TubeFeedingDevice", at, {
    met: "not a .22 caliber tube ammunition feeding device",
    notMet: "a .22 caliber tube ammunition feeding device: excluded",
  });
}

/** Exclusion 3: a tubular magazine contained in a lever-action firearm. Met when it is NOT one. */
export function notLeverActionTubular(m: MagazineFacts, _on: PlainDate, at = "magazine"): Finding {
  return exclusion(LCM_NOT_LEVER_ACTION_TUBE_ID, LEVER_SOURCE, m, "tubularInLeverAction", at, {
    met: "not a tubular magazine in a lever-action firearm",
    notMet: "a tubular magazine contained in a lever-action firearm: excluded",
  });
}

/** Exclusion 4: a permanently inoperable magazine. Met when it is NOT permanently inoperable. */
export function notPermanentlyInoperableMagazine(m: MagazineFacts, _on: PlainDate, at = "magazine"): Finding {
  return exclusion(LCM_NOT_INOPERABLE_ID, INOPERABLE_SOURCE, m, "permanentlyInoperable", at, {
    met: "not permanently inoperable",
    notMet: "permanently inoperable: excluded",
  });
}

/** The definition and the four exclusions, in the order of the text. */
export function largeCapacityMagazine(m: MagazineFacts, on: PlainDate, at = "magazine"): Finding[] {
  return [
    lcmDefinition(m, on, at),
    notPermanentlyAltered(m, on, at),
    not22CaliberTube(m, on, at),
    notLeverActionTubular(m, on, at),
    notPermanentlyInoperableMagazine(m, on, at),
  ];
}

export const LCM_SOURCES = [DEFINITION_SOURCE, ALTERED_SOURCE, TUBE_22_SOURCE, LEVER_SOURCE, INOPERABLE_SOURCE];
