/**
 * The wire format of the record feeds (PA 13-3 §§ 8, 10-11, 33-36, 44-45): what the Judicial
 * Branch (convictions, protective and restraining orders, risk warrants and seizure orders), the
 * probate courts (commitments), DMHAS (voluntary admissions) and federal sources (prohibitors)
 * send to Stateline. Each record carries the source's own id: a resend with the same content is
 * stored once, a resend with changed content is a correction, and a record whose state is
 * vacated, expired or withdrawn lifts the effects of the earlier version.
 *
 * The simulators in this folder produce records in this format; the enforcement module accepts it.
 */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";

export const FEED_SOURCES = ["court", "probate", "dmhas", "federal"] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

export const RECORD_KINDS = [
  "conviction",
  "protective-order",
  "restraining-order",
  "probate-commitment",
  "voluntary-admission",
  "risk-warrant",
  "federal-prohibitor",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Which kinds each source sends. */
export const SOURCE_KINDS: Record<FeedSource, readonly RecordKind[]> = {
  court: ["conviction", "protective-order", "restraining-order", "risk-warrant"],
  probate: ["probate-commitment"],
  dmhas: ["voluntary-admission"],
  federal: ["federal-prohibitor"],
};

export const RECORD_STATES = ["in-force", "vacated", "expired", "withdrawn"] as const;
export type RecordState = (typeof RECORD_STATES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** The person as the source knows them; names may carry typos and nicknames, dates may be transposed. */
export const FeedSubject = z
  .object({
    firstName: text(100),
    middleName: text(100).optional(),
    lastName: text(100),
    birthDate: PlainDateSchema,
    sex: z.enum(["F", "M", "X"]).optional(),
    street: text(200).optional(),
    town: text(100).optional(),
    state: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "two capital letters, e.g. CT")
      .optional(),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, "5 digits, or 5+4")
      .optional(),
    /** A Stateline credential number the source holds (e.g. from the arrest record). */
    credentialNumber: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}-\d{1,12}$/, "a credential number such as SP-100001")
      .optional(),
    driversLicense: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{5,15}$/, "5 to 15 letters or digits")
      .optional(),
  })
  .strict();
export type FeedSubject = z.infer<typeof FeedSubject>;

const base = {
  sourceRecordId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, "letters, digits and . _ : / - only"),
  subject: FeedSubject,
  recordState: z
    .enum(RECORD_STATES)
    .default("in-force")
    .describe("vacated, expired or withdrawn lift the effects of the record"),
  note: z.string().trim().max(1000).optional(),
};

export const ConvictionRecord = z
  .object({
    ...base,
    kind: z.literal("conviction"),
    statute: z.string().trim().min(2).max(60).describe("statute of conviction, e.g. 53a-61 or 21a-279(c)"),
    offenseOn: PlainDateSchema,
    convictionOn: PlainDateSchema,
    felony: z.boolean().optional(),
    docket: text(60).optional(),
  })
  .strict();

export const OrderRecord = z
  .object({
    ...base,
    kind: z.enum(["protective-order", "restraining-order"]),
    issuedOn: PlainDateSchema,
    expiresOn: PlainDateSchema.optional(),
    /** Whether the order was issued after notice and a hearing opportunity. */
    afterHearing: z.boolean().optional(),
    /** § 36: the applicant indicated that the respondent possesses ammunition. */
    ammunitionIndicated: z.boolean().optional(),
    firearmsIndicated: z.boolean().optional(),
    docket: text(60).optional(),
  })
  .strict();

export const ProbateCommitmentRecord = z
  .object({
    ...base,
    kind: z.literal("probate-commitment"),
    committedOn: PlainDateSchema,
    dischargedOn: PlainDateSchema.optional(),
    hospital: text(200).optional(),
  })
  .strict();

export const VoluntaryAdmissionRecord = z
  .object({
    ...base,
    kind: z.literal("voluntary-admission"),
    admittedOn: PlainDateSchema,
    /** §§ 8, 10-11: an admission solely for alcohol or drug treatment does not disqualify. */
    solelyAlcoholOrDrug: z.boolean(),
    hospital: text(200).optional(),
  })
  .strict();

export const RiskWarrantRecord = z
  .object({
    ...base,
    kind: z.literal("risk-warrant"),
    /** § 33 (CGS § 29-38c): the warrant, or the order after its hearing, to seize firearms and ammunition. */
    issuedOn: PlainDateSchema,
    executedOn: PlainDateSchema.optional(),
    warrantNumber: text(60).optional(),
  })
  .strict();

export const FederalProhibitorRecord = z
  .object({
    ...base,
    kind: z.literal("federal-prohibitor"),
    category: z.string().trim().min(3).max(100).describe("the 18 U.S.C. 922(g) or (n) category"),
    effectiveOn: PlainDateSchema,
  })
  .strict();

export const FeedRecord = z.discriminatedUnion("kind", [
  ConvictionRecord,
  OrderRecord,
  ProbateCommitmentRecord,
  VoluntaryAdmissionRecord,
  RiskWarrantRecord,
  FederalProhibitorRecord,
]);
export type FeedRecord = z.infer<typeof FeedRecord>;
export type FeedRecordInput = z.input<typeof FeedRecord>;

/** The date of the event a record reports (the day the person became prohibited, for § 34). */
export function eventDateOf(r: FeedRecord): string {
  switch (r.kind) {
    case "conviction":
      return r.convictionOn;
    case "protective-order":
    case "restraining-order":
      return r.issuedOn;
    case "probate-commitment":
      return r.committedOn;
    case "voluntary-admission":
      return r.admittedOn;
    case "risk-warrant":
      return r.issuedOn;
    case "federal-prohibitor":
      return r.effectiveOn;
  }
}

/** The columns of a batch file in CSV (one record a line; empty cells are absent fields). */
export const CSV_COLUMNS = [
  "source_record_id",
  "kind",
  "record_state",
  "first_name",
  "middle_name",
  "last_name",
  "birth_date",
  "sex",
  "street",
  "town",
  "state",
  "zip",
  "credential_number",
  "drivers_license",
  "statute",
  "offense_on",
  "conviction_on",
  "felony",
  "docket",
  "issued_on",
  "expires_on",
  "after_hearing",
  "ammunition_indicated",
  "firearms_indicated",
  "committed_on",
  "discharged_on",
  "hospital",
  "admitted_on",
  "solely_alcohol_or_drug",
  "executed_on",
  "warrant_number",
  "category",
  "effective_on",
  "note",
] as const;

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const SUBJECT_COLS = new Set([
  "first_name",
  "middle_name",
  "last_name",
  "birth_date",
  "sex",
  "street",
  "town",
  "state",
  "zip",
  "credential_number",
  "drivers_license",
]);
const BOOL_COLS = new Set([
  "felony",
  "after_hearing",
  "ammunition_indicated",
  "firearms_indicated",
  "solely_alcohol_or_drug",
]);

/** Splits CSV text into rows (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      cell = "";
      if (row.some((x) => x !== "")) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x !== "")) rows.push(row);
  return rows;
}

/**
 * Turns a CSV batch (a header line naming columns from CSV_COLUMNS) into record objects for
 * FeedRecord to validate. Unknown columns are reported by name.
 */
export function csvToRecords(text: string): { records: unknown[]; unknownColumns: string[] } {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const unknownColumns = header.filter((h) => !known.has(h));
  const records = rows.map((cells) => {
    const rec: Record<string, unknown> = {};
    const subject: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = (cells[i] ?? "").trim();
      if (v === "" || !known.has(h)) return;
      const value = BOOL_COLS.has(h)
        ? v === "true" || v === "yes" || v === "1"
          ? true
          : v === "false" || v === "no" || v === "0"
            ? false
            : v
        : v;
      if (SUBJECT_COLS.has(h)) subject[camel(h)] = value;
      else rec[camel(h)] = value;
    });
    rec.subject = subject;
    return rec;
  });
  return { records, unknownColumns };
}

/** Writes records as a CSV batch (the simulators use it to send files). */
export function recordsToCsv(records: readonly FeedRecordInput[]): string {
  const q = (v: unknown) => {
    if (v === undefined || v === null) return "";
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = records.map((r) => {
    const flat: Record<string, unknown> = {
      ...(r as Record<string, unknown>),
      ...(r.subject as Record<string, unknown>),
    };
    return CSV_COLUMNS.map((c) => q(flat[camel(c)])).join(",");
  });
  return [CSV_COLUMNS.join(","), ...lines].join("\n") + "\n";
}
