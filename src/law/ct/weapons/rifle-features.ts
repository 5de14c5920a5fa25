/**
 * Semiautomatic centerfire rifles that are assault weapons by their features
 * (PA 13-3 § 25, CGS § 53-202a), in force from passage, 2013-04-04.
 *
 * OLR analysis, §§ 25-31: "The bill also bans any semiautomatic, centerfire
 * rifle, regardless of the date produced, that can accept a detachable
 * magazine that has at least one of the following features: 1. a folding or
 * telescoping stock; 2. any grip of the weapon, including a pistol grip,
 * thumbhole stock, or other stock that would allow an individual to grip the
 * weapon, resulting in any finger on the trigger hand in addition to the
 * trigger finger being directly below any portion of the action of the weapon
 * when firing; 3. a forward pistol grip; 4. a flash suppressor; or 5. a
 * grenade launcher or flare launcher. It also bans semiautomatic, centerfire
 * rifles that have (1) a fixed magazine and can accept more than 10 rounds of
 * ammunition or (2) an overall length of less than 30 inches."
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Dated, Finding } from "../../core/rules.ts";
import {
  type FirearmFacts,
  acceptsDetachableMagazine,
  hasFeature,
  isCenterfire,
  isKind,
  isSemiautomatic,
} from "./firearm-facts.ts";
import { all, any, datedTest, fromPassage, section25, test } from "./logic.ts";

export const RIFLE_FEATURES_ID = "weapons.rifle-features";
export const RIFLE_FIXED_MAGAZINE_ID = "weapons.rifle-fixed-magazine";
export const RIFLE_LENGTH_ID = "weapons.rifle-overall-length";

const FEATURES_SOURCE = section25(
  "any semiautomatic, centerfire rifle, regardless of the date produced, that can accept a detachable magazine that has at least one of the following features: a folding or telescoping stock; any grip of the weapon ...; a forward pistol grip; a flash suppressor; or a grenade launcher or flare launcher",
);
const FIXED_SOURCE = section25(
  "semiautomatic, centerfire rifles that have (1) a fixed magazine and can accept more than 10 rounds of ammunition",
);
const LENGTH_SOURCE = section25(
  "semiautomatic, centerfire rifles that have ... (2) an overall length of less than 30 inches",
);

/** Rounds a fixed magazine may hold before the rifle is an assault weapon. */
export const RIFLE_FIXED_MAGAZINE_LIMIT: readonly Dated<number>[] = fromPassage(10, FIXED_SOURCE);
/** Overall length, in inches, below which a semiautomatic centerfire rifle is an assault weapon. */
export const RIFLE_MINIMUM_LENGTH: readonly Dated<number>[] = fromPassage(30, LENGTH_SOURCE);
export const RIFLE_FEATURES_VERSIONS: readonly Dated<true>[] = fromPassage(true, FEATURES_SOURCE);

/** A semiautomatic centerfire rifle: the first parts of every rifle test. */
const semiautoCenterfireRifle = (f: FirearmFacts, at: string) => [
  isKind(f, "rifle", at),
  isSemiautomatic(f, at),
  isCenterfire(f, at),
];

const FEATURES = [
  "foldingOrTelescopingStock",
  "gripBelowAction",
  "forwardPistolGrip",
  "flashSuppressor",
  "grenadeLauncher",
  "flareLauncher",
] as const;

/** A semiautomatic centerfire rifle that accepts a detachable magazine and has at least one of the five features. */
export function rifleFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest(
    { id: RIFLE_FEATURES_ID, versions: RIFLE_FEATURES_VERSIONS, on, applies: "the one-feature rifle test applies" },
    () => ({
      t: all(
        ...semiautoCenterfireRifle(f, at),
        acceptsDetachableMagazine(f, at),
        any(...FEATURES.map((k) => hasFeature(f, k, at))),
      ),
      met: "a semiautomatic centerfire rifle that can accept a detachable magazine and has at least one listed feature",
      notMet: "not a semiautomatic centerfire rifle accepting a detachable magazine with one of the listed features",
    }),
  );
}

/** A semiautomatic centerfire rifle with a fixed magazine that can accept more than 10 rounds. */
export function rifleFixedMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest(
    {
      id: RIFLE_FIXED_MAGAZINE_ID,
      versions: RIFLE_FIXED_MAGAZINE_LIMIT,
      on,
      applies: "the fixed-magazine rifle test applies",
    },
    (limit) => ({
      t: all(
        ...semiautoCenterfireRifle(f, at),
        test(f.fixedMagazineCapacity, `${at}.fixedMagazineCapacity`, (n) => n > limit),
      ),
      met: `a semiautomatic centerfire rifle whose fixed magazine accepts ${f.fixedMagazineCapacity} rounds, more than ${limit}`,
      notMet: `not a semiautomatic centerfire rifle with a fixed magazine of more than ${limit} rounds`,
    }),
  );
}

/** A semiautomatic centerfire rifle with an overall length of less than 30 inches. */
export function rifleOverallLength(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest(
    { id: RIFLE_LENGTH_ID, versions: RIFLE_MINIMUM_LENGTH, on, applies: "the overall-length rifle test applies" },
    (length) => ({
      t: all(
        ...semiautoCenterfireRifle(f, at),
        test(f.overallLengthInches, `${at}.overallLengthInches`, (n) => n < length),
      ),
      met: `a semiautomatic centerfire rifle ${f.overallLengthInches} inches long, less than ${length}`,
      notMet: `not a semiautomatic centerfire rifle shorter than ${length} inches`,
    }),
  );
}

export const RIFLE_SOURCES = [FEATURES_SOURCE, FIXED_SOURCE, LENGTH_SOURCE];
