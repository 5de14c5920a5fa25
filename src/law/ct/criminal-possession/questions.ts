/**
 * The criminal-possession area (PA 13-3 §§ 34, 44-45), for the rulebook.
 */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { criminalPossessionQuestion } from "./criminal-possession.ts";
import { POSSESSION_PENALTY_VERSIONS } from "./possession-penalty.ts";
import { FIREARM_POSSESSION, HANDGUN_POSSESSION } from "./statutes.ts";
import { TRANSFER_DEADLINE_VERSIONS } from "./transfer-deadline.ts";

export const questions: Question<any, any>[] = [criminalPossessionQuestion];

const F0 = FIREARM_POSSESSION[0]!.source, F1 = FIREARM_POSSESSION[1]!.source;
const H0 = HANDGUN_POSSESSION[0]!.source, H1 = HANDGUN_POSSESSION[1]!.source;

export const rules: RuleInfo[] = [
  {
    id: "criminal-possession.felony-conviction",
    title: "Possession barred after a felony or serious juvenile offense",
    description: "A person convicted of a felony, or adjudicated for a serious juvenile offense, may not possess a firearm, a pistol or (from 1 October 2013) ammunition.",
    citations: [F0, F1, H0],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.handgun.listed-misdemeanor",
    title: "Pistols: possession barred after a listed misdemeanor",
    description: "A person convicted of one of the listed misdemeanors (e.g. third-degree assault, second-degree threatening, second-degree stalking) may not possess a pistol or revolver.",
    citations: [H0],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.firearm.listed-misdemeanor",
    title: "Firearms and ammunition: possession barred after a listed misdemeanor committed from 1 October 2013",
    description: "A person convicted of a listed misdemeanor committed on or after 1 October 2013 may not possess any firearm or ammunition.",
    citations: [F1],
    from: "2013-10-01",
  },
  {
    id: "criminal-possession.ngri-discharge",
    title: "Possession barred for 20 years after a not-guilty-by-insanity discharge",
    description: "A person discharged from custody within the past 20 years after a finding of not guilty by reason of mental disease or defect may not possess a pistol, and from 1 October 2013 any firearm or ammunition.",
    citations: [H0, F1],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.probate-commitment",
    title: "Possession barred after a probate court commitment (12 or 60 months)",
    description: "A pistol may not be possessed within 12 months of a probate court commitment; for commitments from 1 October 2013 the period is 60 months (12 for holders of a permit or certificate in effect before that date), and it then bars any firearm and ammunition too.",
    citations: [H0, H1, F1],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.voluntary-admission",
    title: "Possession barred within 6 months of a voluntary psychiatric admission",
    description: "From 1 October 2013, a person voluntarily admitted on or after that date to a psychiatric hospital within the past six months, not solely for alcohol or drug dependence, may not possess a firearm, pistol or ammunition.",
    citations: [F1, H1],
    from: "2013-10-01",
  },
  {
    id: "criminal-possession.protective-order",
    title: "Possession barred under a restraining, protective or seizure order",
    description: "A person who knows he or she is subject to a restraining or protective order (in cases of physical force) or a firearms seizure order after a hearing may not possess a firearm, pistol or (from 1 October 2013) ammunition.",
    citations: [F0, F1, H0],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.federal-prohibitor",
    title: "Possession barred when federal law prohibits it",
    description: "A person prohibited by federal law from having a firearm may not possess a firearm, pistol or (from 1 October 2013) ammunition.",
    citations: [F0, F1, H0],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.penalty",
    title: "Criminal possession: class D felony, class C from 1 October 2013",
    description: "Criminal possession of a firearm, ammunition or a pistol becomes a class C felony with a two-year minimum sentence and a $5,000 minimum fine.",
    citations: [POSSESSION_PENALTY_VERSIONS.firearm[1]!.source, POSSESSION_PENALTY_VERSIONS.handgun[1]!.source],
    from: "2013-04-04",
  },
  {
    id: "criminal-possession.transfer-deadline",
    title: "Two business days to transfer or surrender after becoming ineligible",
    description: "A person who becomes ineligible must transfer pistols (and, from 1 October 2013, ammunition) to an eligible person or surrender them to DESPP within two business days.",
    citations: [TRANSFER_DEADLINE_VERSIONS[0]!.source, TRANSFER_DEADLINE_VERSIONS[1]!.source],
    from: "2013-04-04",
  },
];
