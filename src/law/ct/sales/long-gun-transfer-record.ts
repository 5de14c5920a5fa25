/**
 * What the record of a long gun transfer must contain.
 *
 * Retail receipt, PA 13-3 § 1 (CGS § 29-37a), OLR analysis: "The bill adds a
 * buyer's date and place of birth to the information required on a long gun
 * receipt. Existing law requires such receipts to also contain the (1) buyer's
 * name and address; (2) firearm make, model, serial number, caliber, and
 * general description; and (3) transfer date." A private sale through DESPP
 * complies with "the documentation and authorization requirements that apply
 * to retail sales", so it keeps the same record.
 *
 * Private sale through a dealer's NICS check (from 1 January 2014): "When the
 * transaction is completed, the transferor or transferee must complete a
 * DESPP-prescribed form containing the (1) transferor's name, address, and
 * firearm permit or certificate number, if any; (2) transferee's name,
 * address, date and place of birth, and firearm permit or certificate number;
 * (3) sale or transfer date; (4) caliber, make, model, and manufacturer's
 * number and a general description of the gun; and (5) the background check
 * transaction number."
 * To start that check: "the prospective transferor or transferee must provide
 * the consenting dealer with the transferee's name, gender, race, date of
 * birth, and state of residence", and may add identifiers to verify identity.
 */
import type { PlainDate } from "../../core/dates.ts";
import { type Dated, inForce, pa133 } from "../../core/rules.ts";
import { defineRule } from "../../core/questions.ts";

export type RecordRoute =
  "retail" | "private-despp" | "private-dealer-nics" | "licensee-exempt" | "to-licensee" | "other-licensees";

export const RETAIL_RECEIPT_FIELDS: readonly Dated<readonly string[]>[] = [
  {
    from: "2013-04-04",
    value: [
      "buyer.name",
      "buyer.address",
      "buyer.dateOfBirth",
      "buyer.placeOfBirth",
      "firearm.make",
      "firearm.model",
      "firearm.serialNumber",
      "firearm.caliber",
      "firearm.description",
      "transferDate",
    ],
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "The bill adds a buyer's date and place of birth to the information required on a long gun receipt. Existing law requires such receipts to also contain the (1) buyer's name and address; (2) firearm make, model, serial number, caliber, and general description; and (3) transfer date.",
    }),
  },
];

export const PRIVATE_NICS_FORM_FIELDS: readonly Dated<readonly string[]>[] = [
  {
    from: "2014-01-01",
    value: [
      "transferor.name",
      "transferor.address",
      "transferor.credentialNumber",
      "transferee.name",
      "transferee.address",
      "transferee.dateOfBirth",
      "transferee.placeOfBirth",
      "transferee.credentialNumber",
      "transferDate",
      "firearm.caliber",
      "firearm.make",
      "firearm.model",
      "firearm.manufacturerNumber",
      "firearm.description",
      "nics.transactionNumber",
    ],
    source: pa133("§ 1", {
      cgs: "CGS § 29-37a",
      text: "a DESPP-prescribed form containing the (1) transferor's name, address, and firearm permit or certificate number, if any; (2) transferee's name, address, date and place of birth, and firearm permit or certificate number; (3) sale or transfer date; (4) caliber, make, model, and manufacturer's number and a general description of the gun; and (5) the background check transaction number",
    }),
  },
];

/** Fields that may be left blank when the person has none. */
export const OPTIONAL_RECORD_FIELDS: readonly string[] = ["transferor.credentialNumber"];

export const NICS_REQUEST_FIELDS = {
  required: [
    "transferee.name",
    "transferee.gender",
    "transferee.race",
    "transferee.dateOfBirth",
    "transferee.stateOfResidence",
  ],
  optional: [
    "transferee.uniqueNumericIdentifier",
    "transferee.height",
    "transferee.weight",
    "transferee.eyeColor",
    "transferee.hairColor",
    "transferee.placeOfBirth",
  ],
  source: pa133("§ 1", {
    cgs: "CGS § 29-37a",
    text: "the prospective transferor or transferee must provide the consenting dealer with the transferee's name, gender, race, date of birth, and state of residence. If necessary to verify the person's identity, he or she may also provide a unique numeric identifier (such as a Social Security number) and additional identifiers (such as height, weight, eye and hair color, and place of birth).",
  }),
} as const;

/**
 * The fields the record of a long gun transfer must contain, by route, on a
 * date. Licensee-to-licensee transfers and sales to a licensee have no § 1
 * record (federal records apply). Throws NotInForce before 4 April 2013, and
 * for the dealer NICS route before 1 January 2014.
 */
export function requiredRecordFields(route: RecordRoute, on: PlainDate): string[] {
  switch (route) {
    case "retail":
    case "private-despp":
      return [...inForce(RETAIL_RECEIPT_FIELDS, on, "sales.long-gun.receipt").value];
    case "private-dealer-nics":
      return [...inForce(PRIVATE_NICS_FORM_FIELDS, on, "sales.long-gun.private-transfer-form").value];
    default:
      inForce(RETAIL_RECEIPT_FIELDS, on, "sales.long-gun.receipt");
      return [];
  }
}

/** The identifiers to give the consenting dealer for the NICS check. */
export function nicsCheckRequestFields(): { required: string[]; optional: string[] } {
  return { required: [...NICS_REQUEST_FIELDS.required], optional: [...NICS_REQUEST_FIELDS.optional] };
}

/** The catalogue entry of this rule (listed in ./questions.ts). */
export const LONG_GUN_TRANSFER_RECORD_RULE = defineRule({
  id: "sales.long-gun.transfer-record",
  title: "Long guns: what the receipt and transfer form contain",
  description:
    "The receipt names the buyer, with date and place of birth, the gun and the date; a private sale through a dealer's check is recorded on a DESPP form that also names the seller and the check's transaction number.",
  citations: [RETAIL_RECEIPT_FIELDS[0]!.source, PRIVATE_NICS_FORM_FIELDS[0]!.source],
  from: "2013-04-04",
});
