/** HTTP routes for enforcement. Thin: validate, authorize (in the service), call, present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { FEED_SOURCES, csvToRecords } from "../../adapters/courts/contract.ts";
import { badField, forbidden } from "../../lib/errors.ts";
import { purposeFromHeader, ReadPurpose } from "../../lib/purpose.ts";
import { recordCompliance } from "./obligations.ts";
import { enforcementPolicy } from "./policy.ts";
import { presentReceiveResult, presentRecord } from "./present.ts";
import * as reads from "./reads.ts";
import { CompliancePayload, FeedRecord, NewSeizure, Paging, ReviewDecision, SeizureAction } from "./schemas.ts";
import { actOnSeizure, recordSeizure } from "./seizures.ts";
import { decideReview, receiveBatch, receiveRecord, rematchRecord } from "./service.ts";
import { runEnforcementSweep } from "./jobs.ts";

const SOURCES = ["court_source", "probate_source", "dmhas_source", "licensing_staff"];
const STAFF = ["licensing_staff"];
const VIEWERS = ["licensing_staff", "law_enforcement"];
const Id = z.object({ id: z.uuid() });
const Source = z.object({ source: z.enum(FEED_SOURCES) });
const PURPOSE_NOTE =
  " Send `Stateline-Purpose: <code>; <text>`: the read is audited. Record sources (court, probate, DMHAS) are refused every read.";

/** The read purpose from the `Stateline-Purpose` header (never the URL). */
const headerPurpose = (headers: Record<string, string | string[] | undefined>) => (): ReadPurpose => {
  const raw = purposeFromHeader(headers);
  if (raw === undefined)
    throw badField(
      "header.stateline-purpose",
      "say why you read this (Stateline-Purpose: <code>; <text>); it is audited",
    );
  const p = ReadPurpose.safeParse(raw);
  if (!p.success)
    throw badField(
      "header.stateline-purpose",
      p.error.issues.map((i) => `${i.path.join(".") || "purpose"}: ${i.message}`).join("; "),
    );
  return p.data;
};

// A batch's records are checked field by field in the service (so errors name records.<n>.<field>);
// here only its shape: a JSON array of flat objects (one level of nesting: the subject), {csv}, or CSV text.
const isScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);
const isFlat = (v: unknown, depth: number): boolean =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => isScalar(x) || (depth > 0 && isFlat(x, depth - 1)));
const BatchBody = z
  .unknown()
  .superRefine((v, ctx) => {
    if (typeof v === "string") {
      if (v.length === 0 || v.length > 900_000)
        ctx.addIssue({ code: "custom", path: ["csv"], message: "a CSV file of 1 to 900,000 characters" });
      return;
    }
    if (Array.isArray(v)) {
      if (v.length > 1000) ctx.addIssue({ code: "custom", path: ["records"], message: "at most 1000 records a batch" });
      v.slice(0, 1000).forEach((x, i) => {
        if (!isFlat(x, 1))
          ctx.addIssue({
            code: "custom",
            path: ["records", i],
            message: "each record is an object of fields (the subject nested once)",
          });
      });
      return;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const csv = (v as Record<string, unknown>).csv;
      const extra = Object.keys(v).filter((k) => k !== "csv");
      if (extra.length) ctx.addIssue({ code: "custom", path: [extra[0]!], message: "unknown field" });
      else if (typeof csv !== "string" || csv.length === 0 || csv.length > 900_000)
        ctx.addIssue({ code: "custom", path: ["csv"], message: "a CSV file of 1 to 900,000 characters" });
      return;
    }
    ctx.addIssue({
      code: "custom",
      path: ["records"],
      message: 'send a JSON array of records, {"csv": "..."}, or a text/csv file',
    });
  })
  .describe(
    'a JSON array of records (each as the single-record body), {"csv": "..."}, or a text/csv file with the CSV_COLUMNS header',
  ) as z.ZodType<unknown>;

export const enforcementRoutes = [
  route({
    method: "POST",
    url: "/api/v1/feeds/{source}/records",
    tags: ["enforcement"],
    auth: "user",
    roles: SOURCES,
    idempotent: true,
    summary:
      "Send one record from a source (court, probate, dmhas, federal); a resend is stored once, a changed resend is a correction",
    description:
      "Courts send convictions, protective and restraining orders (with the § 36 ammunition indication) and risk warrants (§ 33); probate courts send commitments; DMHAS sends voluntary admissions (flagged when solely for alcohol or drug treatment); federal prohibitors are keyed by licensing staff. recordState vacated, expired or withdrawn lifts the record's effects. A source gets a receipt only; licensing staff see the match and its reach.",
    params: Source,
    body: FeedRecord,
    handler: async (ctx, { params, body }) =>
      presentReceiveResult(ctx.user!, await receiveRecord(ctx, params.source, body)),
  }),
  route({
    method: "POST",
    url: "/api/v1/feeds/{source}/records/batch",
    tags: ["enforcement"],
    auth: "user",
    roles: SOURCES,
    idempotent: true,
    successStatus: 200,
    summary: "Send a batch of records (a JSON array, or a CSV file as text/csv or {csv})",
    description:
      "The whole batch is validated first: a malformed record refuses the batch with the field named records.<n>.<field>. Then each record is received in its own transaction.",
    params: Source,
    body: BatchBody,
    handler: async (ctx, { params, body }) => {
      let records: readonly unknown[];
      if (Array.isArray(body)) records = body;
      else {
        const text = typeof body === "string" ? body : String((body as { csv: string }).csv);
        const parsed = csvToRecords(text);
        if (parsed.unknownColumns.length) throw badField("csv", `unknown columns: ${parsed.unknownColumns.join(", ")}`);
        records = parsed.records;
      }
      const results = await receiveBatch(ctx, params.source, records);
      return { count: results.length, results: results.map((r) => presentReceiveResult(ctx.user!, r)) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/feeds/records",
    tags: ["enforcement"],
    auth: "user",
    roles: STAFF,
    summary: "Received records by status (e.g. the unmatched list)." + PURPOSE_NOTE,
    query: z.object({ status: z.enum(["unmatched", "review", "matched", "lifted"]).optional(), ...Paging }).strict(),
    handler: async (ctx, { query, headers }) => {
      const r = await reads.listFeedRecords(ctx, query, headerPurpose(headers));
      return { total: r.total, items: r.items.map(presentRecord) };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/feeds/records/{id}",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary: "One received record with its versions, its match decisions and their reach." + PURPOSE_NOTE,
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const r = await reads.getFeedRecord(ctx, params.id, headerPurpose(headers));
      return { record: presentRecord(r.record), versions: r.versions, history: r.history, reviews: r.reviews };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/feeds/records/{id}/rematch",
    tags: ["enforcement"],
    auth: "user",
    roles: STAFF,
    successStatus: 200,
    summary: "Match an unmatched record again (after people's details changed)",
    params: Id,
    handler: async (ctx, { params }) => {
      const r = await rematchRecord(ctx, params.id);
      return { record: presentRecord(r.record), status: r.status, reviewId: r.reviewId, effects: r.effects };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/reviews",
    tags: ["enforcement"],
    auth: "user",
    roles: STAFF,
    summary: "The review queue: uncertain matches, oldest first." + PURPOSE_NOTE,
    query: z.object({ status: z.enum(["open", "matched", "not-a-match", "withdrawn"]).optional(), ...Paging }).strict(),
    handler: async (ctx, { query, headers }) => reads.getReviewQueue(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/reviews/{id}",
    tags: ["enforcement"],
    auth: "user",
    roles: STAFF,
    summary: "One review: the record and its candidates side by side, with the reasons for each score." + PURPOSE_NOTE,
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const r = await reads.getReview(ctx, params.id, headerPurpose(headers));
      return { review: r.review, record: presentRecord(r.record), candidates: r.candidates, history: r.history };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/enforcement/reviews/{id}/decision",
    tags: ["enforcement"],
    auth: "user",
    roles: STAFF,
    idempotent: true,
    successStatus: 200,
    summary: "Decide a review: match to a person (the record's effects apply at once) or not a match. Audited.",
    params: Id,
    body: ReviewDecision,
    handler: async (ctx, { params, body }) => {
      const r = await decideReview(ctx, params.id, body);
      return { review: r.review, record: presentRecord(r.record), effects: r.effects };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/people/{id}",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary:
      "A person's enforcement record: every matched record with who matched it, reviews, obligations, seizures, credentials." +
      PURPOSE_NOTE,
    params: Id,
    handler: async (ctx, { params, headers }) => {
      const r = await reads.getPersonRecord(ctx, params.id, headerPurpose(headers));
      return {
        ...r,
        person: {
          id: r.person.id,
          firstName: r.person.firstName,
          middleName: r.person.middleName,
          lastName: r.person.lastName,
          birthDate: r.person.birthDate,
          town: r.person.town,
        },
        records: r.records.map((x) => ({ record: presentRecord(x.record), history: x.history })),
      };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/armed-prohibited",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary:
      "The armed-and-prohibited work list, soonest deadline first, with counts by town and case age." + PURPOSE_NOTE,
    query: z.object({ town: z.string().trim().min(2).max(100).optional(), ...Paging }).strict(),
    handler: async (ctx, { query, headers }) => reads.getArmedProhibited(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/counts",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary: "Supervisors' counts of live § 34 obligations by town and by age of the case (no names)",
    handler: async (ctx) => reads.getCounts(ctx),
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/obligations/{id}",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary: "One § 34 obligation with what the records say the person owns, its proofs and history." + PURPOSE_NOTE,
    params: Id,
    handler: async (ctx, { params, headers }) => reads.getObligation(ctx, params.id, headerPurpose(headers)),
  }),
  route({
    method: "POST",
    url: "/api/v1/enforcement/obligations/{id}/compliance",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    idempotent: true,
    successStatus: 200,
    summary: "Record a proof of transfer (the transferee's credential is verified today) or a surrender receipt",
    params: Id,
    body: CompliancePayload,
    handler: async (ctx, { params, body }) => recordCompliance(ctx, params.id, body),
  }),
  route({
    method: "POST",
    url: "/api/v1/enforcement/sweep",
    tags: ["enforcement"],
    auth: "user",
    roles: ["licensing_staff", "admin"],
    successStatus: 200,
    summary: "Run the sweep now: expired orders lifted, reminders, overdue obligations escalated to police cases",
    handler: async (ctx) => {
      if (!enforcementPolicy.runSweep(ctx.user!)) throw forbidden();
      return runEnforcementSweep(ctx);
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/matches",
    tags: ["enforcement"],
    auth: "user",
    roles: ["auditor", "licensing_staff"],
    summary: "Every automatic and manual match, newest first, with who made it." + PURPOSE_NOTE,
    query: z.object(Paging).strict(),
    handler: async (ctx, { query, headers }) => reads.getMatchLog(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "POST",
    url: "/api/v1/enforcement/seizures",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    idempotent: true,
    summary:
      "Record a seizure of firearms and ammunition (§ 33 risk warrant, § 37 domestic violence, or recovered) with its inventory",
    body: NewSeizure,
    handler: async (ctx, { body }) => ({ seizure: await recordSeizure(ctx, body) }),
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/seizures",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary: "Seizures, newest first." + PURPOSE_NOTE,
    query: z
      .object({
        status: z
          .enum([
            "held",
            "hearing-scheduled",
            "ordered-held",
            "ordered-returned",
            "forfeited",
            "returned",
            "destroyed",
            "auctioned",
          ])
          .optional(),
        ...Paging,
      })
      .strict(),
    handler: async (ctx, { query, headers }) => reads.getSeizures(ctx, query, headerPurpose(headers)),
  }),
  route({
    method: "GET",
    url: "/api/v1/enforcement/seizures/{id}",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    summary: "One seizure with its inventory and history." + PURPOSE_NOTE,
    params: Id,
    handler: async (ctx, { params, headers }) => reads.getSeizure(ctx, params.id, headerPurpose(headers)),
  }),
  route({
    method: "POST",
    url: "/api/v1/enforcement/seizures/{id}/actions",
    tags: ["enforcement"],
    auth: "user",
    roles: VIEWERS,
    idempotent: true,
    successStatus: 200,
    summary:
      "Act on a seizure: schedule the hearing, record its outcome, return, destroy or auction (§ 39), return stolen items to their owner (§ 41)",
    params: Id,
    body: SeizureAction,
    handler: async (ctx, { params, body }) => ({ seizure: await actOnSeizure(ctx, params.id, body) }),
  }),
];
