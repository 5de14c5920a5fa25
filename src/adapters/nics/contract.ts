/**
 * The NICS adapter contract. The FBI's NICS E-Check answers a background check
 * request with Proceed, Delayed or Denied and a NICS transaction number (NTN).
 * A Delayed check may resolve later; the caller polls `status`.
 */
export type NicsStatus = "proceed" | "delayed" | "denied";

export interface NicsRequest {
  /** Why the check is run: a credential application, a retail sale, a private sale through a dealer. */
  purpose: "permit" | "retail-sale" | "private-sale" | "ammunition";
  person: { firstName: string; lastName: string; birthDate: string; state?: string | undefined };
}

export interface NicsResponse {
  transactionNumber: string;
  status: NicsStatus;
  /** When the answer was given, ISO timestamp. */
  respondedAt: string;
}

export class NicsUnavailable extends Error {
  constructor(message = "NICS is not answering") {
    super(message);
    this.name = "NicsUnavailable";
  }
}

export interface NicsAdapter {
  readonly name: string;
  /** Starts a check. Throws NicsUnavailable when the service cannot be reached. */
  check(req: NicsRequest): Promise<NicsResponse>;
  /** The current status of an earlier check (a delayed check may have resolved). */
  status(transactionNumber: string): Promise<NicsResponse>;
}
