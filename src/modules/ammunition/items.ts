/**
 * What is sold at the counter, checked against the item rules (issue 11):
 * - a magazine line carries its capacity (and, when it applies, what makes it
 *   special: readily converted to more than 10 rounds, a .22 tube, a
 *   lever-action tube, permanently altered or inoperable); a large capacity
 *   magazine is refused unless the buyer showed one of the § 23 exemptions
 *   (`weapons.lcm-sale`, PA 13-3 § 23);
 * - an ammunition line the seller describes as armor-piercing or incendiary
 *   is checked against § 32 (`weapons.banned-ammunition-sale`): an
 *   armor-piercing or incendiary .50 caliber bullet is refused.
 * The registries module answers both (its counter checks ask the rulebook's
 * `magazine-classification` and `ammunition-classification` and the
 * exemptions); this file gathers the facts from the lines and turns each
 * answer into one finding. Pure: no database, no clock.
 */
import type { PlainDate } from "../../law/core/dates.ts";
import type { Finding } from "../../law/core/rules.ts";
import type { PurchaseType } from "../../law/ct/policy/ammunition-limit.ts";
import { counterSaleFinding, LCM_BUYERS_IN_WORDS } from "../../law/ct/weapons/counter-sale.ts";
import type { MagazineFacts } from "../../law/ct/weapons/large-capacity-magazine.ts";
import type { Role } from "../../law/ct/weapons/possession-facts.ts";
import { checkAmmunitionSale, checkMagazineSale } from "../registries/index.ts";

/** The § 23 exemptions a buyer may show for a large capacity magazine (the rulebook's possession roles). */
export const LCM_EXEMPTIONS = [
  "despp-member-or-employee",
  "police-member-or-employee",
  "doc-member-or-employee",
  "armed-forces-member",
  "nuclear-plant-security",
  "in-state-lcm-manufacturer",
] as const;
export type LcmExemption = (typeof LCM_EXEMPTIONS)[number];
export const LCM_EXEMPTION_LABELS: Record<LcmExemption, string> = {
  "despp-member-or-employee": "Member or employee of DESPP",
  "police-member-or-employee": "Member or employee of a police department",
  "doc-member-or-employee": "Member or employee of the Department of Correction",
  "armed-forces-member": "Member of the state or U.S. armed forces",
  "nuclear-plant-security": "Security at a Connecticut nuclear power plant",
  "in-state-lcm-manufacturer": "In-state manufacturer of large capacity magazines",
};
export { LCM_BUYERS_IN_WORDS };

/**
 * The rulebook's roles (`buyer.roles` of `ammunition-sale`, the recipient's roles of
 * `restricted-transfer`) for the exemption the buyer showed. Each § 23 class is the role of the
 * same name; a buyer who showed none has no role (`[]`).
 */
export const LCM_EXEMPTION_ROLES: Record<LcmExemption, Role> = {
  "despp-member-or-employee": "despp-member-or-employee",
  "police-member-or-employee": "police-member-or-employee",
  "doc-member-or-employee": "doc-member-or-employee",
  "armed-forces-member": "armed-forces-member",
  "nuclear-plant-security": "nuclear-plant-security",
  "in-state-lcm-manufacturer": "in-state-lcm-manufacturer",
};

/** The buyer's roles from the exemption shown (null or absent: none shown, so no role). */
export function buyerRolesOf(exemption: LcmExemption | null | undefined): Role[] {
  return exemption ? [LCM_EXEMPTION_ROLES[exemption]] : [];
}

/** What may make a magazine special under § 23 (each absent unless given). */
export const MAGAZINE_FEATURES = [
  "readily-convertible",
  "permanently-altered",
  "caliber-22-tube",
  "lever-action-tubular",
  "permanently-inoperable",
] as const;
export type MagazineFeature = (typeof MAGAZINE_FEATURES)[number];
export const MAGAZINE_FEATURE_LABELS: Record<MagazineFeature, string> = {
  "readily-convertible": "Can be readily restored or converted to hold more than 10 rounds",
  "permanently-altered": "Permanently altered so it cannot hold more than 10 rounds",
  "caliber-22-tube": ".22 caliber tube feeding device",
  "lever-action-tubular": "Tubular magazine of a lever-action firearm",
  "permanently-inoperable": "Permanently inoperable",
};

/** How the seller describes a bullet for § 32 ("standard": neither armor-piercing nor incendiary). */
export const BULLET_KINDS = ["standard", "armor-piercing", "incendiary", "armor-piercing-incendiary"] as const;
export type BulletKind = (typeof BULLET_KINDS)[number];
export const BULLET_LABELS: Record<BulletKind, string> = {
  standard: "Standard (not armor-piercing, not incendiary)",
  "armor-piercing": "Armor-piercing",
  incendiary: "Incendiary",
  "armor-piercing-incendiary": "Armor-piercing incendiary",
};

export interface ItemLine {
  type: PurchaseType;
  caliber: string;
  quantity: number;
  capacity?: number | null | undefined;
  features?: readonly MagazineFeature[] | null | undefined;
  bullet?: BulletKind | null | undefined;
}

/** The magazine as the rulebook describes it (`MagazineFacts`), from the seller's line: a feature not given is absent. */
export function magazineFactsOf(l: Pick<ItemLine, "capacity" | "features">): MagazineFacts {
  const has = (f: MagazineFeature) => (l.features ?? []).includes(f);
  return {
    device: "magazine",
    ...(l.capacity !== undefined && l.capacity !== null ? { capacity: l.capacity } : {}),
    readilyRestoredOrConverted: has("readily-convertible"),
    permanentlyAlteredToTenOrFewer: has("permanently-altered"),
    caliber22TubeFeedingDevice: has("caliber-22-tube"),
    tubularInLeverAction: has("lever-action-tubular"),
    permanentlyInoperable: has("permanently-inoperable"),
  };
}

/**
 * The nominal caliber in inches read from the caliber as written: ".50 BMG", "50 BMG", ".50 AE" → 0.5;
 * "9mm" → 0.355; ".45 ACP" → 0.45; undefined when it cannot be read (a gauge, free text).
 */
export function nominalCaliber(caliber: string): number | undefined {
  const c = caliber.trim().toLowerCase();
  if (/gauge|\bga\b|bore/.test(c)) return undefined;
  const mm = /(\d+(?:\.\d+)?)\s*(?:mm|x\d)/.exec(c);
  if (mm) return Math.round((Number(mm[1]) / 25.4) * 1000) / 1000;
  const inch = /(?:^|[^\d])\.?(\d{2,3})\b/.exec(c);
  if (inch) {
    const n = inch[1]!;
    return Number(`0.${n}`);
  }
  return undefined;
}

/**
 * One finding per magazine line (`weapons.lcm-sale`) and per ammunition line described as
 * armor-piercing or incendiary (`weapons.banned-ammunition-sale`). A line of standard
 * ammunition raises nothing.
 * QUESTION(legal): the seller's description of the item is taken as its facts: a feature not
 * given is taken as absent (the seller has the item in hand), and ammunition the seller
 * describes as standard is not examined under § 32.
 */
export function itemFindings(
  lines: readonly ItemLine[],
  exemption: LcmExemption | null | undefined,
  on: PlainDate,
): Finding[] {
  const out: Finding[] = [];
  lines.forEach((l, i) => {
    const at = `lines.${i}`;
    if (l.type === "magazine") {
      const a = checkMagazineSale({ magazine: magazineFactsOf(l), buyerRoles: buyerRolesOf(exemption) }, on);
      const what = `Line ${i + 1}, a ${l.caliber} magazine${l.capacity ? ` holding ${l.capacity} rounds` : ""}`;
      const missing = a.findings.flatMap((f) => f.missing ?? []).map((m) => m.replace(/^magazine\./, `${at}.`));
      out.push(counterSaleFinding("lcm", what, { ...a, missing }, on));
      return;
    }
    const bullet = l.bullet ?? "standard";
    if (bullet === "standard") return;
    const nc = l.type === "shotshell" ? undefined : nominalCaliber(l.caliber);
    const a = checkAmmunitionSale(
      {
        ammunition: {
          shotgunShell: l.type === "shotshell",
          ...(nc !== undefined ? { nominalCaliber: nc } : {}),
          armorPenetrationCapability: bullet !== "incendiary",
          incendiary: bullet !== "armor-piercing",
          designation: l.caliber,
        },
        // QUESTION(legal): § 32 exempts the agencies for their official duties; a buyer at the counter buys for themselves.
        buyerRoles: [],
      },
      on,
    );
    const missing = a.findings.flatMap((f) => f.missing ?? []).map((m) => m.replace(/^ammunition\./, `${at}.`));
    out.push(
      counterSaleFinding(
        "banned-ammunition",
        `Line ${i + 1}, ${BULLET_LABELS[bullet].toLowerCase()} ${l.caliber}`,
        { ...a, missing },
        on,
      ),
    );
  });
  return out;
}
