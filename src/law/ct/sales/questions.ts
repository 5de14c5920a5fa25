/**
 * The sales area: long gun, handgun and ammunition sales, contraband long gun
 * auctions (PA 13-3 §§ 1, 9, 14-17 and existing law), for the rulebook.
 */
import type { Question, RuleInfo } from "../../core/questions.ts";
import { ammunitionSaleQuestion, AMMUNITION_PENALTY_RULE } from "./ammunition-sale.ts";
import {
  auctionContrabandLongGunQuestion,
  AUCTION_FEDERAL_QUALIFICATION_RULE,
  AUCTION_LONG_GUN_ELIGIBILITY_CERTIFICATE_RULE,
} from "./auction-contraband-long-gun.ts";
import { handgunSaleQuestion } from "./handgun-sale.ts";
import { longGunSaleQuestion } from "./long-gun-sale.ts";
import { LONG_GUN_LICENSEE_EXEMPTION_RULE, AMMUNITION_LICENSEE_EXEMPTION_RULE } from "./licensee-exemption.ts";
import { LONG_GUN_MINIMUM_AGE_RULE } from "./long-gun-minimum-age.ts";
import { LONG_GUN_BUYER_CREDENTIAL_RULE } from "./long-gun-credential.ts";
import { LONG_GUN_WAITING_PERIOD_RULE } from "./long-gun-waiting-period.ts";
import { LONG_GUN_DESPP_AUTHORIZATION_RULE, HANDGUN_DESPP_AUTHORIZATION_RULE } from "./despp-authorization.ts";
import { LONG_GUN_PRIVATE_TRANSFER_RULE } from "./long-gun-private-transfer.ts";
import { LONG_GUN_TRANSFER_RECORD_RULE } from "./long-gun-transfer-record.ts";
import { LONG_GUN_PENALTY_RULE } from "./long-gun-penalty.ts";
import { HANDGUN_MINIMUM_AGE_RULE } from "./handgun-minimum-age.ts";
import { HANDGUN_BUYER_CREDENTIAL_RULE } from "./handgun-credential.ts";
import { HANDGUN_PENALTY_RULE } from "./handgun-penalty.ts";
import { BUYER_MAY_POSSESS_RULE } from "./buyer-may-possess.ts";
import { AMMUNITION_MINIMUM_AGE_RULE } from "./ammunition-minimum-age.ts";
import { AMMUNITION_BUYER_CREDENTIAL_RULE } from "./ammunition-credential.ts";
import { NICS_PROCEED_DATE_RULE } from "./nics-proceed-date.ts";

export const questions: Question<any, any>[] = [
  longGunSaleQuestion,
  handgunSaleQuestion,
  ammunitionSaleQuestion,
  auctionContrabandLongGunQuestion,
];

export const rules: RuleInfo[] = [
  LONG_GUN_LICENSEE_EXEMPTION_RULE,
  LONG_GUN_MINIMUM_AGE_RULE,
  LONG_GUN_BUYER_CREDENTIAL_RULE,
  LONG_GUN_WAITING_PERIOD_RULE,
  LONG_GUN_DESPP_AUTHORIZATION_RULE,
  LONG_GUN_PRIVATE_TRANSFER_RULE,
  LONG_GUN_TRANSFER_RECORD_RULE,
  LONG_GUN_PENALTY_RULE,
  HANDGUN_MINIMUM_AGE_RULE,
  HANDGUN_BUYER_CREDENTIAL_RULE,
  HANDGUN_DESPP_AUTHORIZATION_RULE,
  HANDGUN_PENALTY_RULE,
  BUYER_MAY_POSSESS_RULE,
  AMMUNITION_MINIMUM_AGE_RULE,
  AMMUNITION_BUYER_CREDENTIAL_RULE,
  AMMUNITION_LICENSEE_EXEMPTION_RULE,
  AMMUNITION_PENALTY_RULE,
  AUCTION_FEDERAL_QUALIFICATION_RULE,
  AUCTION_LONG_GUN_ELIGIBILITY_CERTIFICATE_RULE,
  NICS_PROCEED_DATE_RULE,
];
