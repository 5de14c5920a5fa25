/**
 * The DESPP authorization number a transfer needs before delivery.
 *
 * Long guns, OLR analysis of PA 13-3 § 1: the documentation and authorization
 * requirements of retail sales are that "the seller must document the
 * transaction with DESPP, maintain copies of the record, and obtain an
 * authorization number from DESPP; ... the buyer must undergo a national
 * instant criminal background check; ... DESPP must authorize or deny the sale
 * or transfer", and "It appears that starting April 1, 2014, the bill ties
 * delivery to the date DESPP issues an authorization number for the
 * transaction."
 *
 * Pistols and revolvers: existing CGS § 29-33 (transfer procedures; "Failure
 * to document handgun transfer with DESPP", listed in the analysis's Table 1).
 *
 * An authorization counts from the day it is issued: delivery before that day
 * is not permitted.
 */
import { z } from "zod";
import type { PlainDate } from "../../core/dates.ts";
import {
  type Citation,
  type Dated,
  type Finding,
  cite,
  inForce,
  met,
  notMet,
  pa133,
  unknown,
} from "../../core/rules.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { defineRule } from "../../core/questions.ts";

export const Authorization = z.object({
  status: z.enum(["approved", "denied", "pending"]).optional(),
  number: z.string().optional(),
  issuedOn: PlainDateSchema.optional().describe("date DESPP issued the authorization number"),
});
export type Authorization = z.infer<typeof Authorization>;

export const LONG_GUN_AUTHORIZATION: readonly Dated<string>[] = [
  {
    from: "2013-04-04",
    value: "authorization number before delivery (the two-week waiting period also applies)",
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "the seller must document the transaction with DESPP, maintain copies of the record, and obtain an authorization number from DESPP; ... DESPP must authorize or deny the sale or transfer",
    }),
  },
  {
    from: "2014-04-01",
    value: "delivery tied to the date DESPP issues the authorization number",
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "It appears that starting April 1, 2014, the bill ties delivery to the date DESPP issues an authorization number for the transaction.",
    }),
  },
];

export const HANDGUN_AUTHORIZATION: readonly Dated<string>[] = [
  {
    from: "2013-04-04",
    value: "authorization number before delivery",
    source: cite("CGS", "§ 29-33", {
      cgs: "CGS § 29-33",
      text: "Sell or otherwise transfer handgun to ineligible person, violation of transfer procedures; Failure to document handgun transfer with DESPP (29-33(e))",
    }),
  },
];

function check(id: string, source: Citation, a: Authorization | undefined, on: PlainDate, path: string): Finding {
  if (a?.status === undefined)
    return unknown(id, source, [`${path}.status`], "DESPP's authorization has not been reported");
  if (a.status === "denied")
    return notMet(id, source, "DESPP denied the authorization", "the buyer may ask DESPP for the reason and appeal");
  if (a.status === "pending")
    return notMet(
      id,
      source,
      "DESPP has not yet issued an authorization number",
      "deliver once DESPP issues the authorization number",
    );
  if (a.issuedOn !== undefined && a.issuedOn > on) {
    return notMet(
      id,
      source,
      `the authorization number is issued on ${a.issuedOn}, after ${on}`,
      `deliver on or after ${a.issuedOn}`,
    );
  }
  return met(
    id,
    source,
    `DESPP authorized the transfer${a.number ? ` (number ${a.number})` : ""}${a.issuedOn ? ` on ${a.issuedOn}` : ""}`,
  );
}

export function longGunAuthorization(a: Authorization | undefined, on: PlainDate, source?: Citation): Finding {
  const v = inForce(LONG_GUN_AUTHORIZATION, on, "sales.long-gun.despp-authorization");
  return check("sales.long-gun.despp-authorization", source ?? v.source, a, on, "transfer.authorization");
}

export function handgunAuthorization(a: Authorization | undefined, on: PlainDate): Finding {
  const v = inForce(HANDGUN_AUTHORIZATION, on, "sales.handgun.despp-authorization");
  return check("sales.handgun.despp-authorization", v.source, a, on, "transfer.authorization");
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_DESPP_AUTHORIZATION_RULE = defineRule({
  id: "sales.long-gun.despp-authorization",
  title: "Long guns: DESPP authorization number before delivery",
  description:
    "A retail sale needs DESPP's authorization number; from 1 April 2014 delivery is tied to the date it is issued.",
  citations: [LONG_GUN_AUTHORIZATION[0]!.source, LONG_GUN_AUTHORIZATION[1]!.source],
  from: "2013-04-04",
});

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const HANDGUN_DESPP_AUTHORIZATION_RULE = defineRule({
  id: "sales.handgun.despp-authorization",
  title: "Handguns: DESPP authorization before delivery",
  description: "A pistol or revolver transfer must be documented with DESPP and authorized before delivery.",
  citations: [HANDGUN_AUTHORIZATION[0]!.source],
  from: "2013-04-04",
});
