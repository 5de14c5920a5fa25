/**
 * The sales area: long gun, handgun and ammunition sales, contraband long gun
 * auctions (PA 13-3 §§ 1, 9, 14-17 and existing law), for the rulebook.
 */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { ammunitionSaleQuestion } from "./ammunition-sale.ts";
import { AMMUNITION_CREDENTIALS } from "./ammunition-credential.ts";
import { AMMUNITION_MINIMUM_AGE } from "./ammunition-minimum-age.ts";
import { AMMUNITION_SALE_PENALTY } from "./ammunition-sale.ts";
import { AUCTION_CERTIFICATE, FEDERAL_QUALIFICATION, auctionContrabandLongGunQuestion } from "./auction-contraband-long-gun.ts";
import { HANDGUN_AUTHORIZATION, LONG_GUN_AUTHORIZATION } from "./despp-authorization.ts";
import { HANDGUN_CREDENTIALS } from "./handgun-credential.ts";
import { HANDGUN_MINIMUM_AGE, TARGET_SHOOTING_EXCEPTION } from "./handgun-minimum-age.ts";
import { HANDGUN_PENALTIES } from "./handgun-penalty.ts";
import { handgunSaleQuestion } from "./handgun-sale.ts";
import { AMMUNITION_LICENSEE_EXEMPTION, LONG_GUN_LICENSEE_EXEMPTION } from "./licensee-exemption.ts";
import { LONG_GUN_CREDENTIALS } from "./long-gun-credential.ts";
import { DUTY_USE_EXCEPTION, MINIMUM_AGES } from "./long-gun-minimum-age.ts";
import { LONG_GUN_PENALTY_VERSIONS } from "./long-gun-penalty.ts";
import { DEALER_NICS_FEE_CAP, PRIVATE_TRANSFER_RULE } from "./long-gun-private-transfer.ts";
import { longGunSaleQuestion } from "./long-gun-sale.ts";
import { PRIVATE_NICS_FORM_FIELDS, RETAIL_RECEIPT_FIELDS } from "./long-gun-transfer-record.ts";
import { CREDENTIAL_HOLDER_EXCEPTION, EXISTING_LAW_EXCEPTIONS, WAITING_PERIOD } from "./long-gun-waiting-period.ts";
import { NICS_DEFAULT_PROCEED_SOURCE } from "./nics-proceed-date.ts";
import { HANDGUN_OFFICER_EXCEPTION, LONG_GUN_OFFICER_EXCEPTION } from "./officer-exception.ts";

export const questions: Question<any, any>[] = [longGunSaleQuestion, handgunSaleQuestion, ammunitionSaleQuestion, auctionContrabandLongGunQuestion];

export const rules: RuleInfo[] = [
  {
    id: "sales.long-gun.licensee-exemption",
    title: "Long guns: transfers between federal licensees are exempt",
    description: "The long gun sale rules do not apply between a federally licensed manufacturer or importer and a dealer, or between two dealers.",
    citations: [LONG_GUN_LICENSEE_EXEMPTION],
    from: "2013-04-04",
  },
  {
    id: "sales.long-gun.minimum-age",
    title: "Long guns: minimum age 18, or 21 for some semi-automatic rifles",
    description: "No long gun may be sold at retail to anyone under 18; a semi-automatic centerfire rifle that has or accepts a magazine of more than five rounds, not to anyone under 21, unless the buyer is police, DESPP, Correction or military staff buying it for duty use.",
    citations: [MINIMUM_AGES[0]!.source, DUTY_USE_EXCEPTION],
    from: "2013-04-04",
  },
  {
    id: "sales.long-gun.buyer-credential",
    title: "Long guns: the buyer needs a certificate or permit",
    description: "From 1 April 2014, anyone buying or receiving a long gun must hold a long gun eligibility certificate, a permit to carry, a permit to sell or a handgun eligibility certificate, unless a federal marshal, parole officer or peace officer.",
    citations: [LONG_GUN_CREDENTIALS[1]!.source, LONG_GUN_OFFICER_EXCEPTION],
    from: "2014-04-01",
  },
  {
    id: "sales.long-gun.waiting-period",
    title: "Long guns: two-week wait at retail (until 31 March 2014)",
    description: "Before 1 April 2014, a dealer may deliver a long gun only two weeks after the application, unless the buyer holds a credential (now including a long gun eligibility certificate) or another exception applies.",
    citations: [WAITING_PERIOD[0]!.source, CREDENTIAL_HOLDER_EXCEPTION, EXISTING_LAW_EXCEPTIONS],
    from: "2013-04-04",
    until: "2014-04-01",
  },
  {
    id: "sales.long-gun.despp-authorization",
    title: "Long guns: DESPP authorization number before delivery",
    description: "A retail sale needs DESPP's authorization number; from 1 April 2014 delivery is tied to the date it is issued.",
    citations: [LONG_GUN_AUTHORIZATION[0]!.source, LONG_GUN_AUTHORIZATION[1]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.long-gun.private-transfer",
    title: "Long guns: private sales only through DESPP or a dealer's NICS check",
    description: "A private person may sell a long gun to another private person only with DESPP's authorization or, from 1 January 2014, after a consenting dealer's NICS check shows the buyer eligible; the buyer shows the dealer a credential, and the dealer may charge at most $20.",
    citations: [PRIVATE_TRANSFER_RULE[0]!.source, PRIVATE_TRANSFER_RULE[1]!.source, DEALER_NICS_FEE_CAP[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.long-gun.transfer-record",
    title: "Long guns: what the receipt and transfer form contain",
    description: "The receipt names the buyer, with date and place of birth, the gun and the date; a private sale through a dealer's check is recorded on a DESPP form that also names the seller and the check's transaction number.",
    citations: [RETAIL_RECEIPT_FIELDS[0]!.source, PRIVATE_NICS_FORM_FIELDS[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.long-gun.penalty",
    title: "Long guns: penalties for unlawful sales",
    description: "A violation is a class D felony, a class B felony if the seller knew the gun was stolen or its number altered; long guns found on the violator are forfeited.",
    citations: [LONG_GUN_PENALTY_VERSIONS[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.handgun.minimum-age",
    title: "Handguns: no transfer to anyone under 21",
    description: "No pistol or revolver may be transferred to anyone under 21, except a supervised temporary transfer for target or range use.",
    citations: [HANDGUN_MINIMUM_AGE[0]!.source, TARGET_SHOOTING_EXCEPTION],
    from: "2013-04-04",
  },
  {
    id: "sales.handgun.buyer-credential",
    title: "Handguns: the buyer needs a permit or eligibility certificate",
    description: "A buyer of a pistol or revolver must hold a permit to carry, a permit to sell or a handgun eligibility certificate, unless a federal marshal, parole officer or peace officer.",
    citations: [HANDGUN_CREDENTIALS[0]!.source, HANDGUN_OFFICER_EXCEPTION],
    from: "2013-04-04",
  },
  {
    id: "sales.handgun.despp-authorization",
    title: "Handguns: DESPP authorization before delivery",
    description: "A pistol or revolver transfer must be documented with DESPP and authorized before delivery.",
    citations: [HANDGUN_AUTHORIZATION[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.handgun.penalty",
    title: "Handguns: penalties for unlawful transfers (raised 1 October 2013)",
    description: "Transferring a pistol to a prohibited person, against the procedures, or to someone under 21 becomes a class C felony with a two-year minimum and a $5,000 fine; knowingly transferring a stolen or altered-mark pistol stays a class B felony, now with three years and $10,000.",
    citations: [HANDGUN_PENALTIES[0]!.source, HANDGUN_PENALTIES[1]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.buyer-may-possess",
    title: "Sales: the buyer may lawfully possess what is sold",
    description: "A long gun, pistol or (from 1 October 2013) ammunition is not sold to a person whose possession of it would be a crime.",
    citations: [LONG_GUN_AUTHORIZATION[0]!.source, HANDGUN_AUTHORIZATION[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.ammunition.minimum-age",
    title: "Ammunition: no sale to anyone under 18",
    description: "No ammunition or ammunition magazine may be sold to anyone under 18.",
    citations: [AMMUNITION_MINIMUM_AGE[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.ammunition.buyer-credential",
    title: "Ammunition: a credential, or an ammunition certificate with photo ID",
    description: "From 1 October 2013, ammunition or a magazine is sold only to a buyer who shows a permit to carry, permit to sell, or long gun or handgun eligibility certificate, or an ammunition certificate with government photo ID showing the date of birth.",
    citations: [AMMUNITION_CREDENTIALS[1]!.source],
    from: "2013-10-01",
  },
  {
    id: "sales.ammunition.licensee-exemption",
    title: "Ammunition: transfers between federal licensees are exempt",
    description: "The ammunition sale rules do not apply between a federally licensed manufacturer or importer and a dealer, or between two dealers.",
    citations: [AMMUNITION_LICENSEE_EXEMPTION],
    from: "2013-04-04",
  },
  {
    id: "sales.ammunition.penalty",
    title: "Ammunition: selling in violation is a class D felony",
    description: "Anyone who sells ammunition or a magazine against these rules commits a class D felony.",
    citations: [AMMUNITION_SALE_PENALTY[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.auction.federal-qualification",
    title: "Contraband long gun auction: buyer qualified under federal law",
    description: "A rifle or shotgun adjudged contraband may be auctioned only to a person qualified under federal law to buy it.",
    citations: [FEDERAL_QUALIFICATION[0]!.source],
    from: "2013-04-04",
  },
  {
    id: "sales.auction.long-gun-eligibility-certificate",
    title: "Contraband long gun auction: buyer holds a long gun eligibility certificate",
    description: "From 1 July 2013, the auction buyer of a contraband rifle or shotgun must also hold a long gun eligibility certificate.",
    citations: [AUCTION_CERTIFICATE[1]!.source],
    from: "2013-07-01",
  },
  {
    id: "sales.nics-proceed-date",
    title: "NICS: the federal three-business-day rule",
    description: "If NICS has not answered, a licensee may transfer the day after three business days (days state offices are open) have passed since the check began; Connecticut's own authorization is still needed.",
    citations: [NICS_DEFAULT_PROCEED_SOURCE],
    from: "1998-11-30",
  },
];
