/**
 * The ATF eTrace adapter contract. eTrace takes a trace request for a recovered crime gun (the
 * firearm's description and serial number, the recovery) and answers, a day or so later for an
 * urgent request and about nine days later for a routine one, with the first retail purchase it
 * found through the manufacturer, importer and dealer records (the dealer and its FFL, the
 * purchase date, the purchaser), or with "no record" when the chain breaks.
 *
 * Every adapter (the SIMULATOR in ./simulator.ts, and a real eTrace client) must pass the
 * contract suite in ./contract-suite.ts.
 */
export type AtfPriority = "urgent" | "routine";
export type AtfTraceStatus = "pending" | "completed" | "no-record";

export interface AtfTraceRequest {
  priority: AtfPriority;
  /** The requesting agency's ORI or name. */
  requestingAgency: string;
  firearm: {
    make: string;
    model?: string | undefined;
    serialNumber: string;
    caliber?: string | undefined;
    type?: string | undefined;
  };
  recovery: { date: string; state: string; town?: string | undefined; crimeCode: string };
}

export interface AtfFirstPurchase {
  dealer: { name: string; fflNumber: string; state: string };
  purchasedOn: string;
  purchaser?: { firstName: string; lastName: string; birthDate?: string | undefined } | undefined;
}

export interface AtfTraceResult {
  /** eTrace's trace number, e.g. T20260012345. */
  traceNumber: string;
  status: AtfTraceStatus;
  /** When the request was accepted, ISO timestamp. */
  submittedAt: string;
  /** When it was completed (completed or no-record), ISO timestamp. */
  completedAt?: string | undefined;
  firstPurchase?: AtfFirstPurchase | undefined;
  /** For no-record: why the trace could not be completed. */
  reason?: string | undefined;
}

/** eTrace cannot be reached (outage, timeout). The caller retries later. */
export class AtfUnavailable extends Error {
  constructor(message = "eTrace is not answering") {
    super(message);
    this.name = "AtfUnavailable";
  }
}
/** eTrace refused the request as malformed (a caller's bug: retrying will not help). */
export class AtfInvalidRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AtfInvalidRequest";
  }
}
/** eTrace has no trace with this number. */
export class AtfUnknownTrace extends Error {
  readonly traceNumber: string;
  constructor(traceNumber: string) {
    super(`eTrace has no trace ${traceNumber}`);
    this.name = "AtfUnknownTrace";
    this.traceNumber = traceNumber;
  }
}

export interface AtfAdapter {
  readonly name: string;
  /** Submits a trace request; answers `pending` with the trace number. */
  submit(req: AtfTraceRequest): Promise<AtfTraceResult>;
  /** The trace as eTrace holds it now. A completed or no-record answer is final. */
  status(traceNumber: string): Promise<AtfTraceResult>;
}

/** eTrace trace numbers: T, the year, seven digits. */
export const ATF_TRACE_NUMBER = /^T\d{4}\d{7}$/;
