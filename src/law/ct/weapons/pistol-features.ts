/**
 * Semiautomatic pistols that are assault weapons by their features
 * (PA 13-3 § 25, CGS § 53-202a), in force from passage, 2013-04-04.
 *
 * OLR analysis, §§ 25-31: "The bill also bans any semiautomatic pistol that
 * can accept a detachable magazine and has at least one of the following
 * features: 1. the ability to accept a detachable ammunition magazine that
 * attaches at some location outside the pistol grip; 2. a threaded barrel
 * capable of accepting a flash suppressor, forward pistol grip, or silencer;
 * 3. a shroud attached to, or partially or completely encircling, the barrel
 * and that permits the shooter to fire the firearm without being burned,
 * except a slide that encloses the barrel; or 4. a second hand grip. The bill
 * also bans any semiautomatic pistol with a fixed magazine that can accept
 * more than 10 rounds of ammunition."
 */
import type { PlainDate } from "../../core/dates.ts";
import type { Dated, Finding } from "../../core/rules.ts";
import { type FirearmFacts, acceptsDetachableMagazine, hasFeature, isKind, isSemiautomatic } from "./firearm-facts.ts";
import { all, any, datedTest, fromPassage, section25, test } from "./logic.ts";

export const PISTOL_FEATURES_ID = "weapons.pistol-features";
export const PISTOL_FIXED_MAGAZINE_ID = "weapons.pistol-fixed-magazine";

const FEATURES_SOURCE = section25(
  "any semiautomatic pistol that can accept a detachable magazine and has at least one of the following features: ... a magazine that attaches ... outside the pistol grip; a threaded barrel ...; a shroud ... except a slide that encloses the barrel; or a second hand grip",
);
const FIXED_SOURCE = section25(
  "any semiautomatic pistol with a fixed magazine that can accept more than 10 rounds of ammunition",
);

export const PISTOL_FEATURES_VERSIONS: readonly Dated<true>[] = fromPassage(true, FEATURES_SOURCE);
export const PISTOL_FIXED_MAGAZINE_LIMIT: readonly Dated<number>[] = fromPassage(10, FIXED_SOURCE);

/** A semiautomatic pistol: the first parts of every pistol test. */
const semiautoPistol = (f: FirearmFacts, at: string) => [isKind(f, "pistol", at), isSemiautomatic(f, at)];

/**
 * A semiautomatic pistol that accepts a detachable magazine and has at least one of the four features.
 *
 * The shroud feature excludes "a slide that encloses the barrel": the fact
 * `barrelShroud` is defined with that exception, so an ordinary slide is
 * reported as `barrelShroud: false`.
 */
export function pistolFeatures(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  const features = (["magazineOutsidePistolGrip", "threadedBarrel", "barrelShroud", "secondHandGrip"] as const).map(
    (k) => hasFeature(f, k, at),
  );
  return datedTest(
    { id: PISTOL_FEATURES_ID, versions: PISTOL_FEATURES_VERSIONS, on, applies: "the one-feature pistol test applies" },
    () => ({
      t: all(...semiautoPistol(f, at), acceptsDetachableMagazine(f, at), any(...features)),
      met: "a semiautomatic pistol that can accept a detachable magazine and has at least one listed feature",
      notMet: "not a semiautomatic pistol accepting a detachable magazine with one of the listed features",
    }),
  );
}

/** A semiautomatic pistol with a fixed magazine that can accept more than 10 rounds. */
export function pistolFixedMagazine(f: FirearmFacts, on: PlainDate, at = "firearm"): Finding {
  return datedTest(
    {
      id: PISTOL_FIXED_MAGAZINE_ID,
      versions: PISTOL_FIXED_MAGAZINE_LIMIT,
      on,
      applies: "the fixed-magazine pistol test applies",
    },
    (limit) => ({
      t: all(
        ...semiautoPistol(f, at),
        test(f.fixedMagazineCapacity, `${at}.fixedMagazineCapacity`, (n) => n > limit),
      ),
      met: `a semiautomatic pistol whose fixed magazine accepts ${f.fixedMagazineCapacity} rounds, more than ${limit}`,
      notMet: `not a semiautomatic pistol with a fixed magazine of more than ${limit} rounds`,
    }),
  );
}

export const PISTOL_SOURCES = [FEATURES_SOURCE, FIXED_SOURCE];
