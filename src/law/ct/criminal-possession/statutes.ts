/**
 * The two possession crimes PA 13-3 amends, with the version of each in force
 * on a date. § 44 amends CGS § 53a-217 (firearm, ammunition, electronic
 * defense weapon); § 45 amends CGS § 53a-217c (pistol or revolver). The
 * section numbers follow the order in which the OLR analysis of §§ 44-45
 * describes the two crimes. Both amendments take effect 1 October 2013; the
 * rulebook models the existing law from the Act's passage (4 April 2013).
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Citation, type Dated, cite, inForce, pa133 } from "../../core/rules.ts";

/** "firearm": CGS § 53a-217 (firearms, ammunition, electronic defense weapons); "handgun": CGS § 53a-217c. */
export type PossessionStatute = "firearm" | "handgun";

export const PASSAGE = "2013-04-04";
export const POSSESSION_AMENDMENTS_EFFECTIVE = "2013-10-01";

export interface StatuteVersion {
  version: "existing-law" | "pa-13-3";
  label: string;
}

/** A possession statute: existing law from passage, as amended by a section of PA 13-3 from 2013-10-01. */
function amended(
  cgs: string,
  existing: { label: string; text: string },
  amendment: { section: string; label: string; text: string },
): readonly Dated<StatuteVersion>[] {
  const codified = `CGS ${cgs}`;
  return [
    {
      from: PASSAGE,
      value: { version: "existing-law", label: existing.label },
      source: cite("CGS", cgs, { cgs: codified, text: existing.text }),
    },
    {
      from: POSSESSION_AMENDMENTS_EFFECTIVE,
      value: { version: "pa-13-3", label: amendment.label },
      source: pa133(amendment.section, { cgs: codified, text: amendment.text }),
    },
  ];
}

export const FIREARM_POSSESSION: readonly Dated<StatuteVersion>[] = amended(
  "§ 53a-217",
  {
    label: "criminal possession of a firearm or electronic defense weapon",
    text: "Under current law, a person commits this crime when he or she possesses the weapon and (1) has a prior felony conviction or conviction for a serious juvenile offense, (2) knows he or she is the subject of a restraining or protective order in certain cases or a firearms seizure order after notice and a hearing opportunity, or (3) is prohibited by federal law from having or transporting a firearm.",
  },
  {
    section: "§ 44",
    label: "criminal possession of a firearm, ammunition or an electronic defense weapon",
    text: "The bill makes it illegal for these same people to possess ammunition. The bill also punishes someone who possesses a firearm, ammunition, or an electronic defense weapon when he or she has been: 1. convicted of certain misdemeanors committed on or after October 1, 2013; 2. discharged from custody within the past 20 years ...; 3. confined on or after October 1, 2013 ... under a probate court order within the past (a) 60 months or (b) 12 months if the person has a valid permit or certificate in effect before October 1, 2013; or 4. beginning October 1, 2013, voluntarily admitted ... within the past six months ...",
  },
);

export const HANDGUN_POSSESSION: readonly Dated<StatuteVersion>[] = amended(
  "§ 53a-217c",
  {
    label: "criminal possession of a pistol or revolver",
    text: "Under current law, a person commits this crime when he or she possesses the weapon and: 1. was previously convicted of a felony or one of the misdemeanors described above, 2. has a prior conviction for a serious juvenile offense, 3. has been discharged from custody within the past 20 years after being found not guilty of a crime due to mental disease or defect, 4. has been confined in a hospital for people with psychiatric disabilities under a probate court order within the past 12 months, 5. knows he or she is the subject of a restraining or protective order in certain cases or a firearms seizure order after notice and a hearing opportunity, or 6. is prohibited by federal law from having or transporting a firearm.",
  },
  {
    section: "§ 45",
    label: "criminal possession of a pistol or revolver",
    text: "The bill: 1. on or after October 1, 2013, expands the look-back period for confinements under probate court orders from 12 to 60 months unless the person has a valid permit or certificate in effect before October 1, 2013, and 2. punishes someone who possesses a pistol or revolver when he or she has been voluntarily admitted, on or after October 1, 2013, to a hospital for people with psychiatric disabilities within the past six months ... and not solely for being an alcohol- or drug-dependent person.",
  },
);

export function statuteInForce(statute: PossessionStatute, on: PlainDate): Dated<StatuteVersion> {
  return inForce(statute === "firearm" ? FIREARM_POSSESSION : HANDGUN_POSSESSION, on, `criminal-possession.${statute}`);
}

export function statuteSource(statute: PossessionStatute, on: PlainDate): Citation {
  return statuteInForce(statute, on).source;
}
