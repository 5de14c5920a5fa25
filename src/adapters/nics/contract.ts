/**
 * The NICS adapter contract. The FBI's NICS E-Check answers a background check
 * request with Proceed, Delayed or Denied and a NICS transaction number (NTN).
 * A Delayed check may resolve later; the caller polls `status`.
 *
 * Every adapter (the SIMULATOR in ./simulator.ts, and a real E-Check or
 * point-of-contact client) must pass the contract suite in ./contract-suite.ts.
 */
export type NicsStatus = "proceed" | "delayed" | "denied";

/** Why the check is run: a credential application, a retail sale, a private sale through a dealer, ammunition. */
export type NicsPurpose = "permit" | "retail-sale" | "private-sale" | "ammunition";
export const NICS_PURPOSES: readonly NicsPurpose[] = ["permit", "retail-sale", "private-sale", "ammunition"];

/** The kind of firearm a transfer check is for, as NICS classifies transactions (handgun, long gun, other). */
export type NicsFirearmType = "handgun" | "long-gun" | "other";

export interface NicsPerson {
  firstName: string;
  middleName?: string | undefined;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** State of residence, two letters. */
  state?: string | undefined;
  /** NCIC sex code: M, F, X or U. */
  sex?: string | undefined;
  /** NCIC race code: A, B, I, U or W. */
  race?: string | undefined;
  placeOfBirth?: string | undefined;
}

export interface NicsRequest {
  purpose: NicsPurpose;
  /** For a transfer check: what is transferred (selects the transaction type). */
  firearmType?: NicsFirearmType | undefined;
  person: NicsPerson;
}

export interface NicsResponse {
  transactionNumber: string;
  status: NicsStatus;
  /** When the answer was given, ISO timestamp. */
  respondedAt: string;
}

/**
 * The NICS transaction type a request is filed under.
 *
 * Private sales through a licensee have published E-Check codes (FBI, "Resources
 * for Federal Firearms Licensees": 27 Private Sale Handgun, 28 Private Sale Long
 * Gun, 29 Private Sale Other). Retail transfers and permit checks are filed under
 * the categories of the FBI's NICS statistics (Handgun, Long Gun, Other, Permit);
 * their E-Check codes come with the licensee's enrolment and are not published,
 * so the category name stands in for the code here.
 */
export function nicsTransactionType(req: Pick<NicsRequest, "purpose" | "firearmType">): {
  code: string;
  label: string;
} {
  const t = req.firearmType ?? "other";
  if (req.purpose === "private-sale") {
    return t === "handgun"
      ? { code: "27", label: "Private Sale Handgun" }
      : t === "long-gun"
        ? { code: "28", label: "Private Sale Long Gun" }
        : { code: "29", label: "Private Sale Other" };
  }
  if (req.purpose === "retail-sale") {
    return t === "handgun"
      ? { code: "HANDGUN", label: "Handgun" }
      : t === "long-gun"
        ? { code: "LONG GUN", label: "Long Gun" }
        : { code: "OTHER", label: "Other" };
  }
  return req.purpose === "permit"
    ? { code: "PERMIT", label: "Permit" }
    : { code: "OTHER", label: "Ammunition (state check)" };
}

/** The service cannot be reached (outage, timeout). The caller may queue and retry. */
export class NicsUnavailable extends Error {
  constructor(message = "NICS is not answering") {
    super(message);
    this.name = "NicsUnavailable";
  }
}

/** NICS has no transaction with this number. */
export class NicsUnknownTransaction extends Error {
  readonly transactionNumber: string;
  constructor(transactionNumber: string) {
    super(`NICS has no transaction ${transactionNumber}`);
    this.name = "NicsUnknownTransaction";
    this.transactionNumber = transactionNumber;
  }
}

/** NICS refused the request as malformed (a caller's bug: retrying will not help). */
export class NicsInvalidRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NicsInvalidRequest";
  }
}

export interface NicsAdapter {
  readonly name: string;
  /** Starts a check. Throws NicsUnavailable when the service cannot be reached, NicsInvalidRequest for a malformed request. */
  check(req: NicsRequest): Promise<NicsResponse>;
  /**
   * The current status of an earlier check (a delayed check may have resolved).
   * A Proceed or Denied answer is final and never changes. Throws
   * NicsUnknownTransaction for a number NICS never issued, NicsUnavailable during an outage.
   */
  status(transactionNumber: string): Promise<NicsResponse>;
}

/** NTNs: ten letters or digits. */
export const NTN_PATTERN = /^[0-9A-Z]{10}$/;
