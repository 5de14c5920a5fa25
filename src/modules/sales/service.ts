/**
 * Firearm sale authorization: retail and private sales through a dealer, and
 * private sales through the state's own route.
 *
 * A sale changes only by appended actions (sale_actions); the status column is
 * the latest action's result, and which action may follow which status is the
 * NEXT table. The service gathers the facts (the buyer's credential and
 * records, the NICS answer), asks the rulebook, stores the decision with its
 * rulebook version, writes the receipt or transfer form and the copies to the
 * state and the local police, queues the dealer's webhook, and audits — all in
 * one transaction. The NICS request itself is made before that transaction
 * opens (or inside the route's idempotency transaction), and an outage never
 * fails a sale: it answers "delayed" under a Stateline reference and queues.
 */
import type { Ctx } from "../../context.ts";
import { write, type Queryable } from "../../db/client.ts";
import { isPlainDate, type PlainDate } from "../../law/core/dates.ts";
import { citationLabel, type Finding } from "../../law/core/rules.ts";
import {
  OPTIONAL_RECORD_FIELDS,
  nicsCheckRequestFields,
  requiredRecordFields,
} from "../../law/ct/sales/long-gun-transfer-record.ts";
import {
  type NicsRequest,
  type NicsResponse,
  NicsUnavailable,
  nicsTransactionType,
} from "../../adapters/nics/contract.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { appendAudit } from "../audit/index.ts";
import { detectAfterFirearmSale } from "../leads/index.ts";
import { type User } from "../auth/index.ts";
import { storeDecision } from "../decisions/index.ts";
import { getActingDealer, getDealer, type Dealer } from "../dealers/index.ts";
import { assertTown, findPerson } from "../people/index.ts";
import {
  type BuyerRecord,
  type DelayReason,
  type Evaluation,
  type NicsState,
  type Officer,
  type SaleKind,
  type SaleStatus,
  type SaleSubject,
  KIND_INFO,
  evaluateSale,
  findBuyerRecord,
  normalizeCredentialNumber,
} from "./evaluate.ts";
import { isCaliberCode, isMakeCode, makeName, typeOf } from "./ncic.ts";
import { salesPolicy } from "./policy.ts";
import {
  type NicsCheck,
  type Sale,
  type SaleDecision,
  NICS_COLS,
  SALE_COLS,
  getNicsCheck,
  getSale,
  subjectOf,
  toNicsCheck,
  toSale,
} from "./queries.ts";
import { uuidv7 } from "../../db/ids.ts";
import { enqueueSaleEvent } from "./webhooks.ts";
import { serialWarnings, type SerialWarning } from "./serial-warning.ts";
import { assertFirearmSaleAllowed } from "../registries/index.ts";
// issue 11: the counter classifies the firearm

export type SaleAction =
  | "request"
  | "nics-answer"
  | "nics-resubmit"
  | "proceed"
  | "cancel"
  | "nics-denied-after-transfer"
  | "reassess"
  | "review-authorize"
  | "review-deny"
  | "review-return"
  | "correct";

/** Which actions each status allows. */
export const NEXT: Record<SaleStatus, readonly SaleAction[]> = {
  // review-*: licensing staff on a sale waiting for review (needs-review); correct: the seller, after a review-return (review.ts).
  delayed: [
    "nics-answer",
    "nics-resubmit",
    "proceed",
    "cancel",
    "reassess",
    "review-authorize",
    "review-deny",
    "review-return",
    "correct",
  ],
  authorized: ["cancel"],
  proceeded: ["nics-denied-after-transfer"],
  denied: [],
  "denied-after-transfer": [],
  cancelled: [],
};

/** How long a sale waits for NICS before the answer is "delayed, queued" (the request then re-submits). */
export const NICS_TIMEOUT_MS = 10_000;
/** How often a delayed check is asked again, and how a queued one backs off. */
export const NICS_POLL_SECONDS = 60;

export interface SaleRequest {
  kind: SaleKind;
  buyer: {
    firstName: string;
    middleName?: string | undefined;
    lastName: string;
    birthDate: PlainDate;
    birthPlace: string;
    street: string;
    town: string;
    state: string;
    zip?: string | undefined;
    sex?: "M" | "F" | "X" | "U" | undefined;
    race?: "A" | "B" | "I" | "U" | "W" | undefined;
    officer?: Exclude<Officer, "none"> | undefined;
    credentialNumber: string;
    idDocument: { type: "drivers-license" | "state-id" | "passport" | "military-id"; number: string; issuer: string };
  };
  seller?:
    | {
        name: string;
        street: string;
        town: string;
        state: string;
        zip?: string | undefined;
        credentialNumber?: string | undefined;
      }
    | undefined;
  firearm: {
    make: string;
    model: string;
    serialNumber: string;
    caliber: string;
    type: string;
    description?: string | undefined;
    semiautomatic?: boolean | undefined;
    centerfire?: boolean | undefined;
    acceptsMagazineOverFiveRounds?: boolean | undefined;
    antique?: boolean | undefined;
  };
  saleDate?: PlainDate | undefined;
}

export interface SaleOutcome {
  sale: Sale;
  nics: NicsCheck;
  buyer: BuyerRecord;
  /** The sale's latest decision, when the call just stored it (otherwise read with findDecision). */
  decision?: SaleDecision;
  /** The serial-number warnings for the answer, when the call already read them (otherwise serialWarnings). */
  warnings?: SerialWarning[];
}

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

// ---------------------------------------------------------------- validation

/** Checks a request beyond its shape: dates, the firearm's type against the kind of sale, towns. */
async function validateRequest(q: Queryable, ctx: Ctx, input: SaleRequest): Promise<PlainDate> {
  const saleOn = input.saleDate ?? ctx.today;
  if (!isPlainDate(saleOn)) throw badField("saleDate", "must be a calendar date written YYYY-MM-DD");
  if (saleOn > ctx.today) throw badField("saleDate", "cannot be in the future");
  if (saleOn < "2013-04-04")
    throw badField("saleDate", "the rulebook models sales from 2013-04-04 (PA 13-3's passage)");
  const info = KIND_INFO[input.kind];
  if (!isMakeCode(input.firearm.make)) throw badField("firearm.make", "not an NCIC make code (MAK)");
  if (!isCaliberCode(input.firearm.caliber)) throw badField("firearm.caliber", "not an NCIC caliber code (CAL)");
  const t = typeOf(input.firearm.type);
  if (!t) throw badField("firearm.type", "not an NCIC type code (TYP)");
  if (t.automatic || t.class === "other")
    throw badField("firearm.type", `${t.name}: not a firearm this authorization covers`);
  if (t.class !== info.firearmClass)
    throw badField(
      "firearm.type",
      info.firearmClass === "handgun"
        ? "a handgun sale needs a pistol type code (P…)"
        : "a long gun sale needs a rifle, shotgun or combination type code (R…, S…, C)",
    );
  if (input.firearm.make === "ZZZ" && !input.firearm.description)
    throw badField("firearm.description", "describe the make when the make code is ZZZ");
  if (input.buyer.birthDate > saleOn) throw badField("buyer.birthDate", "cannot be after the sale");
  const privateSale = input.kind.startsWith("private-");
  if (privateSale && !input.seller) throw badField("seller", "a private sale names the private seller");
  if (!privateSale && input.seller)
    throw badField("seller", "only a private sale names a private seller; in a retail sale the dealer is the seller");
  if (input.kind === "private-long-gun-via-dealer") {
    // The transferee's identifiers the dealer must have to start the check (PA 13-3 § 1).
    const need = nicsCheckRequestFields().required;
    if (need.includes("transferee.gender") && !input.buyer.sex)
      throw badField(
        "buyer.sex",
        "required to start the NICS check of a private long gun sale (PA 13-3 § 1: name, gender, race, date of birth, state of residence)",
      );
    if (need.includes("transferee.race") && !input.buyer.race)
      throw badField(
        "buyer.race",
        "required to start the NICS check of a private long gun sale (PA 13-3 § 1: name, gender, race, date of birth, state of residence)",
      );
  }
  if (input.buyer.state === "CT") await assertTown(q, input.buyer.town, "buyer.town");
  if (input.seller && input.seller.state === "CT") await assertTown(q, input.seller.town, "seller.town");
  return saleOn;
}

function subjectOfRequest(input: SaleRequest, saleOn: PlainDate): SaleSubject {
  return {
    kind: input.kind,
    saleOn,
    buyer: {
      lastName: input.buyer.lastName,
      birthDate: input.buyer.birthDate,
      credentialNumber: input.buyer.credentialNumber,
      officer: input.buyer.officer ?? "none",
    },
    firearm: input.firearm,
  };
}

// ---------------------------------------------------------------- NICS

function nicsRequestOf(s: { kind: SaleKind; buyer: SaleRequest["buyer"] | Sale["buyer"] }): NicsRequest {
  const info = KIND_INFO[s.kind];
  const b = s.buyer;
  return {
    purpose: info.nicsPurpose,
    firearmType: info.firearmClass,
    person: {
      firstName: b.firstName,
      ...(b.middleName ? { middleName: b.middleName } : {}),
      lastName: b.lastName,
      birthDate: b.birthDate,
      state: b.state,
      ...(b.sex ? { sex: b.sex } : {}),
      ...(b.race ? { race: b.race } : {}),
      placeOfBirth: b.birthPlace,
    },
  };
}

/** Calls NICS with a time limit. Unavailable or too slow → undefined (the caller queues); other faults propagate. */
export async function callNics<T>(
  fn: () => Promise<T>,
  timeoutMs: number,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new NicsUnavailable(`NICS did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof NicsUnavailable) return { ok: false, error: e.message };
    throw e;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- recording an outcome

const RECORD_VALUE: Record<string, (s: Sale, ctx: { transferOn: PlainDate; nics: NicsCheck }) => string | null> = {
  name: (s) => [s.buyer.firstName, s.buyer.middleName, s.buyer.lastName].filter(Boolean).join(" "),
  address: (s) => `${s.buyer.street}, ${s.buyer.town}, ${s.buyer.state}${s.buyer.zip ? ` ${s.buyer.zip}` : ""}`,
  dateOfBirth: (s) => s.buyer.birthDate,
  placeOfBirth: (s) => s.buyer.birthPlace,
  credentialNumber: (s) => s.buyer.credentialNumber,
};

function firearmDescription(s: Sale): string {
  return (
    s.firearm.description ??
    `${makeName(s.firearm.make) ?? s.firearm.make} ${s.firearm.model}, ${typeOf(s.firearm.type)?.name ?? s.firearm.type}, caliber code ${s.firearm.caliber}`
  );
}

function recordValue(path: string, s: Sale, transferOn: PlainDate, nics: NicsCheck): string | null {
  const [head, field] = path.split(".") as [string, string | undefined];
  if (head === "buyer" || head === "transferee") return RECORD_VALUE[field ?? ""]?.(s, { transferOn, nics }) ?? null;
  if (head === "transferor") {
    if (!s.seller) return null;
    if (field === "name") return s.seller.name;
    if (field === "address")
      return `${s.seller.street}, ${s.seller.town}, ${s.seller.state}${s.seller.zip ? ` ${s.seller.zip}` : ""}`;
    if (field === "credentialNumber") return s.seller.credentialNumber;
    return null;
  }
  if (head === "firearm") {
    switch (field) {
      case "make":
        return s.firearm.make;
      case "model":
        return s.firearm.model;
      case "serialNumber":
      case "manufacturerNumber":
        return s.firearm.serialNumber;
      case "caliber":
        return s.firearm.caliber;
      case "description":
        return firearmDescription(s);
      default:
        return null;
    }
  }
  if (path === "transferDate") return transferOn;
  if (path === "nics.transactionNumber") return nics.transactionNumber ?? nics.statelineReference;
  if (path === "authorizationNumber") return s.authorizationNumber;
  return null;
}

/**
 * The fields of the record of a transfer. Long guns: what PA 13-3 § 1 names for
 * the route (requiredRecordFields). QUESTION(legal): the analysis describes no
 * handgun record; handgun transfers are recorded with the long gun receipt's
 * fields (CGS § 29-33 documentation), plus the transferor's for a private
 * transfer. Every record also carries the state's authorization number.
 */
function recordForm(
  s: Sale,
  on: PlainDate,
): { form: "long-gun-receipt" | "private-transfer-form" | "handgun-transfer-record"; fields: string[] } {
  if (s.firearmClass === "handgun") {
    const base = requiredRecordFields("retail", on);
    return {
      form: "handgun-transfer-record",
      fields: [
        ...(s.seller ? ["transferor.name", "transferor.address", "transferor.credentialNumber"] : []),
        ...base,
        "authorizationNumber",
      ],
    };
  }
  const route =
    s.route === "private-dealer-nics"
      ? "private-dealer-nics"
      : s.route === "private-despp"
        ? "private-despp"
        : "retail";
  return {
    form: route === "private-dealer-nics" ? "private-transfer-form" : "long-gun-receipt",
    fields: [...requiredRecordFields(route, on), "authorizationNumber"],
  };
}

async function writeRecordAndReports(
  q: Queryable,
  s: Sale,
  transferOn: PlainDate,
  dealer: Dealer | null,
  nics: NicsCheck,
): Promise<void> {
  const { form, fields } = recordForm(s, transferOn);
  const values: Record<string, string | null> = {};
  for (const f of fields) values[f] = recordValue(f, s, transferOn, nics);
  const missing = fields.filter((f) => !values[f] && !OPTIONAL_RECORD_FIELDS.includes(f));
  // Every required field comes from the validated request; a gap here is a fault, and the transaction rolls back.
  if (missing.length) throw new Error(`sale ${s.number}: the ${form} lacks ${missing.join(", ")}`);
  const payload = {
    saleNumber: s.number,
    form,
    record: values,
    ...(dealer
      ? { dealer: { name: dealer.name, fflNumber: dealer.fflNumber, town: dealer.town } }
      : { channel: "state" }),
  };
  // The record and the copies to the state and the police in one statement.
  const r = reportRows(s);
  await write(
    q,
    `WITH record AS (
       INSERT INTO sale_records (sale_id, form, required_fields, fields, completed_on) VALUES ($1,$2,$3,$4,$5)
     )
     INSERT INTO sale_reports (sale_id, recipient, recipient_name, town, reason, payload)
     SELECT $1, x.recipient, x.recipient_name, x.town, 'transfer', $9 FROM unnest($6::text[], $7::text[], $8::text[]) AS x(recipient, recipient_name, town)
     ON CONFLICT DO NOTHING`,
    [s.id, form, fields, JSON.stringify(values), transferOn, r.recipients, r.names, r.towns, JSON.stringify(payload)],
  );
}

/** Who gets a copy of a transfer: the state (DESPP), and the police of the buyer's town (Connecticut towns only). */
function reportRows(s: Sale): { recipients: string[]; names: string[]; towns: (string | null)[] } {
  const rows: [string, string, string | null][] = [["state", "DESPP Special Licensing and Firearms Unit", null]];
  if (s.buyer.state === "CT")
    rows.push(["local-police", `Chief of police (or resident state trooper), ${s.buyer.town}`, s.buyer.town]);
  return { recipients: rows.map((r) => r[0]), names: rows.map((r) => r[1]), towns: rows.map((r) => r[2]) };
}

/** Copies to the state (DESPP) and to the police of the buyer's town (Connecticut towns only). */
async function insertReports(
  q: Queryable,
  s: Sale,
  reason: "transfer" | "denied-after-transfer",
  payload: Record<string, unknown>,
): Promise<void> {
  const r = reportRows(s);
  await q.query(
    `INSERT INTO sale_reports (sale_id, recipient, recipient_name, town, reason, payload)
     SELECT $1, x.recipient, x.recipient_name, x.town, $5, $6 FROM unnest($2::text[], $3::text[], $4::text[]) AS x(recipient, recipient_name, town)
     ON CONFLICT DO NOTHING`,
    [s.id, r.recipients, r.names, r.towns, reason, JSON.stringify(payload)],
  );
}

/** The buyer hears the reasons in full, by letter or email, with how to appeal (the dealer sees the rules, not the records). */
async function letterToBuyer(q: Queryable, s: Sale, findings: readonly Finding[], nicsDenied: boolean): Promise<void> {
  if (!s.buyer.personId) return;
  const person = await findPerson(q, s.buyer.personId);
  if (!person) return;
  const lines = findings
    .filter((f) => f.status === "not-met")
    .map((f) => `- ${f.because} (${citationLabel(f.source)})${f.remedy ? `. ${f.remedy}` : ""}`);
  const channel = person.email ? "email" : "letter";
  const recipient =
    person.email ??
    [
      `${person.firstName} ${person.lastName}`,
      person.street,
      `${person.town ?? ""}, ${person.state} ${person.zip ?? ""}`,
    ]
      .filter(Boolean)
      .join("\n");
  const body = [
    `The transfer of a firearm to you (sale ${s.number}, ${s.saleOn}) was not authorized.`,
    ...(lines.length ? ["Reasons:", ...lines] : []),
    ...appealsFor(findings, nicsDenied).map((a) => `${a.to}: ${a.how} (${a.citation})`),
  ].join("\n");
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,'sale-denied',$4,$5,$6) ON CONFLICT (dedupe_key) DO NOTHING",
    [channel, person.id, recipient, `Firearm transfer ${s.number} was not authorized`, body, `sale-denied:${s.id}`],
  );
}

/** The findings that only restate a NICS denial (the state's authorization refused on it). */
const RESTATES_NICS = /despp-authorization$|nics-response$/;

/** How to appeal a denial with these findings. */
export function appealsFor(
  findings: readonly Finding[],
  nicsDenied: boolean,
): { to: string; how: string; citation: string }[] {
  const stateFindings = findings.some((f) => f.status === "not-met" && !(nicsDenied && RESTATES_NICS.test(f.id)));
  return appealRoutes(nicsDenied, stateFindings || !nicsDenied);
}

/** How to appeal a denial: the Board for the state's findings, the NICS appeal for a federal denial. */
export function appealRoutes(
  nicsDenied: boolean,
  stateFindings: boolean,
): { to: string; how: string; citation: string }[] {
  return [
    ...(stateFindings
      ? [
          {
            to: "Board of Firearms Permit Examiners",
            // QUESTION(legal): the Board hears appeals of refused, revoked or unissued permits and certificates; a sale refused for the state of the buyer's credential or records reaches it through that credential.
            how: "appeal the refusal, revocation or failure to issue the permit or certificate this sale relied on, in writing within 90 days; to correct a record, ask DESPP for it and have it corrected",
            citation: "CGS § 29-32b",
          },
        ]
      : []),
    ...(nicsDenied
      ? [
          {
            to: "DESPP (Connecticut's NICS point of contact) or the FBI NICS Section",
            how: "ask in writing for the reason for the NICS denial, giving the NICS transaction number, then appeal it with the information that corrects the record",
            citation: "28 C.F.R. § 25.10",
          },
        ]
      : []),
  ];
}

/**
 * Stores an evaluation as the sale's new state: the decision, the status, an
 * appended action, the record and reports (when the transfer may take place),
 * the buyer's letter (when denied), the dealer's webhook (when asked) and the audit.
 */
export async function recordEvaluation(
  ctx: Ctx,
  q: Queryable,
  s: Sale,
  ev: Evaluation,
  opts: {
    action: SaleAction;
    note?: string | undefined;
    details?: Record<string, unknown>;
    webhook: boolean;
    nicsDenied: boolean;
  },
): Promise<Sale> {
  const decisionId = await storeDecision(q, ev.decision, ev.facts, { type: "sale", id: s.id });
  // The day the law was asked is the day the authorization is issued and the transfer may take place.
  const transferOn = ev.decision.on;
  // The new state and its appended action in one statement (the action's row is written by the CTE).
  const rows = await q.query(
    `WITH action AS (
       INSERT INTO sale_actions (sale_id, action, from_status, to_status, actor_id, decision_id, note, details)
       VALUES ($1,$9,$10,$2,$11,$4,$12,$13)
     )
     UPDATE sales AS s SET status = $2, delay_reason = $3, latest_decision_id = $4,
       authorization_number = coalesce($5, authorization_number), authorized_on = CASE WHEN $5::text IS NULL THEN authorized_on ELSE $6::date END,
       proceed_after = $7, may_proceed_on = $8 WHERE id = $1 RETURNING ${SALE_COLS}`,
    [
      s.id,
      ev.status,
      ev.delayReason,
      decisionId,
      ev.authorizationNumber,
      transferOn,
      ev.proceedAfter,
      ev.mayProceedOn,
      opts.action,
      opts.action === "request" ? null : s.status,
      ctx.user?.id ?? null,
      opts.note ?? null,
      JSON.stringify(actionDetails(ev, opts.details)),
    ],
  );
  const updated = toSale(rows[0]!);
  await afterEvaluation(ctx, q, { before: s, updated, ev, decisionId, ...opts });
  return updated;
}

function actionDetails(ev: Evaluation, details: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    ...(details ?? {}),
    ...(ev.delayReason ? { delayReason: ev.delayReason } : {}),
    ...(ev.authorizationNumber ? { authorizationNumber: ev.authorizationNumber } : {}),
  };
}

/**
 * What follows a sale's new state, wherever it was written (recordEvaluation,
 * or the request's own insert): the record and reports when the transfer may
 * take place, the buyer's letter when denied, the dealer's webhook when asked,
 * the audit entry and the lead detectors. `known` passes what the caller has
 * already read (the dealer, the NICS check) so it is not read again.
 */
async function afterEvaluation(
  ctx: Ctx,
  q: Queryable,
  a: {
    before: Sale;
    updated: Sale;
    ev: Evaluation;
    decisionId: string;
    action: SaleAction;
    webhook: boolean;
    nicsDenied: boolean;
    known?: { dealer?: Dealer | null; nics?: NicsCheck };
  },
): Promise<void> {
  const { before: s, updated, ev } = a;
  const transferOn = ev.decision.on;
  const nics = async () => a.known?.nics ?? getNicsCheck(q, s.id);
  if (ev.status === "authorized" || ev.status === "proceeded") {
    const dealer =
      a.known?.dealer !== undefined ? a.known.dealer : updated.dealerId ? await getDealer(q, updated.dealerId) : null;
    await writeRecordAndReports(q, updated, transferOn, dealer, await nics());
  }
  if (ev.status === "denied") await letterToBuyer(q, updated, ev.decision.findings, a.nicsDenied);
  if (a.webhook && (ev.status !== s.status || ev.delayReason !== s.delayReason))
    await enqueueSaleEvent(q, ctx, updated, await nics());
  await appendAudit(q, ctx, {
    action: `sale.${a.action}`,
    entityType: "sale",
    entityId: s.id,
    details: {
      status: ev.status,
      decisionId: a.decisionId,
      ...(ev.delayReason ? { delayReason: ev.delayReason } : {}),
    },
  });
  // Multiple handguns in five business days, repeated delays or denials: leads for investigators, in the same transaction.
  if (updated.buyer.personId)
    await detectAfterFirearmSale(ctx, q, { personId: updated.buyer.personId, on: transferOn });
}

// ---------------------------------------------------------------- requests

/** A dealer asks for a sale authorization (retail, or a private sale through the dealer). */
export async function requestSale(ctx: Ctx, input: SaleRequest): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  if (!salesPolicy.request(user)) throw forbidden("only a firearm dealer's staff request sale authorizations");
  if (KIND_INFO[input.kind]?.channel !== "dealer") throw badField("kind", "not a kind of sale a dealer requests");
  // Not awaited here: the acting dealer is read together with the buyer's record (see createSale).
  return createSale(ctx, input, getActingDealer(ctx, "firearm-dealer"));
}

/** Licensing staff process a private sale through the state's own route (no dealer). */
export async function requestStateAuthorization(
  ctx: Ctx,
  input: Omit<SaleRequest, "kind"> & { kind: "private-long-gun" | "private-handgun" },
): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  if (!salesPolicy.stateAuthorization(user))
    throw forbidden("only licensing staff process private sales through the state");
  const kind: SaleKind = input.kind === "private-long-gun" ? "private-long-gun-via-state" : "private-handgun-via-state";
  return createSale(ctx, { ...input, kind }, null);
}

/** NCIC codes are upper case; names and numbers are trimmed by the route. */
function normalizeRequest(input: SaleRequest): SaleRequest {
  const up = (v: string) => v.trim().toUpperCase();
  return {
    ...input,
    firearm: {
      ...input.firearm,
      make: up(input.firearm.make),
      caliber: up(input.firearm.caliber),
      type: up(input.firearm.type),
    },
  };
}

async function createSale(ctx: Ctx, raw: SaleRequest, actingDealer: Promise<Dealer> | null): Promise<SaleOutcome> {
  const input = normalizeRequest(raw);
  const validated = (async () => {
    const on = await validateRequest(ctx.db, ctx, input);
    // Issue 11 (registries): an assault weapon is sold only as the law allows (CGS § 53-202b, PA 13-3 § 25); 400 naming firearm.model otherwise.
    assertFirearmSaleAllowed(
      {
        make: makeName(input.firearm.make) ?? input.firearm.make,
        model: input.firearm.model,
        ncicType: input.firearm.type,
        semiautomatic: input.firearm.semiautomatic,
        centerfire: input.firearm.centerfire,
      },
      on,
    );
    return on;
  })();
  // The dealer's refusal (403) comes before any complaint about the request (400), as when read one after the other.
  actingDealer?.catch(() => {});
  const saleOn = await validated.catch(async (e: unknown) => {
    await actingDealer;
    throw e;
  });
  const subject = subjectOfRequest(input, saleOn);
  // The dealer and the buyer's record are independent reads: asked together, one round trip.
  const [dealer, buyer] = await Promise.all([actingDealer, findBuyerRecord(ctx.db, subject, saleOn)]);
  const info = KIND_INFO[input.kind];
  const request = nicsRequestOf({ kind: input.kind, buyer: input.buyer });
  const transactionType = nicsTransactionType(request).code;

  // Ask the law first: a sale the state already refuses needs no federal check.
  const pre = await evaluateSale(ctx.db, {
    subject,
    buyer,
    nics: { status: "queued", transactionNumber: null, initiatedOn: ctx.today },
    on: saleOn,
  });
  let answer: NicsResponse | undefined;
  let nicsError: string | undefined;
  if (pre.status !== "denied") {
    const r = await callNics(() => ctx.adapters.nics.check(request), NICS_TIMEOUT_MS);
    if (r.ok) answer = r.value;
    else nicsError = r.error;
  }

  // The sale's key is made here (UUIDv7: it appends to the index), so its decision is stored first and
  // the sale is written once, in its decided state, with its NICS check and first action in one statement.
  const saleId = uuidv7();
  return ctx.db.tx(async (q) => {
    let nics: NicsState;
    let reference: string | null = null;
    if (answer) nics = { status: answer.status, transactionNumber: answer.transactionNumber, initiatedOn: ctx.today };
    else if (nicsError !== undefined) {
      const ref = await q.query<{ n: number }>("SELECT nextval('stateline_nics_reference_seq') AS n");
      reference = `SL-${ctx.today.replace(/-/g, "")}-${String(ref[0]!.n).padStart(6, "0")}`;
      nics = { status: "queued", transactionNumber: null, initiatedOn: ctx.today };
    } else nics = { status: "skipped", transactionNumber: null, initiatedOn: ctx.today };
    const ev = answer || nicsError !== undefined ? await evaluateSale(q, { subject, buyer, nics, on: saleOn }) : pre;
    const decisionId = await storeDecision(q, ev.decision, ev.facts, { type: "sale", id: saleId });
    const transferOn = ev.decision.on;
    const now = ctx.clock.now().getTime();
    const nextAttemptAt = answer
      ? answer.status === "delayed"
        ? new Date(now + NICS_POLL_SECONDS * 1000).toISOString()
        : null
      : nicsError !== undefined
        ? new Date(now + 15_000).toISOString()
        : null;
    const details = { channel: info.channel, nics: nics.status, credentialVerified: buyer.verified };
    const rows = await q.query(
      `WITH sale AS (
         INSERT INTO sales AS s (id, number, kind, firearm_class, route, channel, dealer_id, status, delay_reason, sale_on,
           buyer_person_id, buyer_credential_id, buyer_credential_number, buyer_first_name, buyer_middle_name, buyer_last_name, buyer_birth_on, buyer_birth_place,
           buyer_street, buyer_town, buyer_state, buyer_zip, buyer_sex, buyer_race, buyer_officer, buyer_id_type, buyer_id_number, buyer_id_issuer,
           seller_name, seller_street, seller_town, seller_state, seller_zip, seller_credential_number,
           firearm_make, firearm_model, firearm_serial_number, firearm_caliber, firearm_type, firearm_description,
           firearm_semiautomatic, firearm_centerfire, firearm_magazine_over_five, firearm_antique, requested_by, requested_at,
           latest_decision_id, authorization_number, authorized_on, proceed_after, may_proceed_on)
         VALUES ($1, 'S-' || nextval('sale_number_seq'), $2,$3,$4,$5,$6,$44,$45,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,
                 $26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38,$39,$40,$41,$42,$43,
                 $46, $47, CASE WHEN $47::text IS NULL THEN NULL ELSE $48::date END, $49, $50)
         RETURNING ${SALE_COLS}
       ),
       nics AS (
         INSERT INTO sale_nics_checks (sale_id, purpose, transaction_type, stateline_reference, transaction_number, status, initiated_on,
           request, response, responded_at, attempts, next_attempt_at, last_error)
         VALUES ($1,$51,$52,$53,$54,$55,$56,$57,$58,$59,$60,$61,$62)
         RETURNING ${NICS_COLS}
       ),
       action AS (
         INSERT INTO sale_actions (sale_id, action, from_status, to_status, actor_id, decision_id, details)
         VALUES ($1,'request',NULL,$44,$42,$46,$63)
       )
       SELECT sale.*, ${NICS_COLS.split(", ")
         .map((c) => `nics.${c} AS nics_${c}`)
         .join(", ")} FROM sale, nics`,
      [
        saleId,
        input.kind,
        info.firearmClass,
        info.route,
        info.channel,
        dealer?.id ?? null,
        saleOn,
        buyer.personId,
        buyer.credentialId,
        normalizeCredentialNumber(input.buyer.credentialNumber),
        input.buyer.firstName,
        input.buyer.middleName ?? null,
        input.buyer.lastName,
        input.buyer.birthDate,
        input.buyer.birthPlace,
        input.buyer.street,
        input.buyer.town,
        input.buyer.state,
        input.buyer.zip ?? null,
        input.buyer.sex ?? null,
        input.buyer.race ?? null,
        input.buyer.officer ?? "none",
        input.buyer.idDocument.type,
        input.buyer.idDocument.number,
        input.buyer.idDocument.issuer,
        input.seller?.name ?? null,
        input.seller?.street ?? null,
        input.seller?.town ?? null,
        input.seller?.state ?? null,
        input.seller?.zip ?? null,
        input.seller?.credentialNumber ? normalizeCredentialNumber(input.seller.credentialNumber) : null,
        input.firearm.make,
        input.firearm.model,
        input.firearm.serialNumber,
        input.firearm.caliber,
        input.firearm.type,
        input.firearm.description ?? null,
        input.firearm.semiautomatic ?? null,
        input.firearm.centerfire ?? null,
        input.firearm.acceptsMagazineOverFiveRounds ?? null,
        input.firearm.antique ?? null,
        ctx.user?.id ?? null,
        // The request's time by the application's clock (the same clock that times the NICS polls and the serial-number warning).
        ctx.clock.now().toISOString(),
        ev.status,
        ev.delayReason,
        decisionId,
        ev.authorizationNumber,
        transferOn,
        ev.proceedAfter,
        ev.mayProceedOn,
        info.nicsPurpose,
        transactionType,
        reference,
        answer?.transactionNumber ?? null,
        nics.status,
        ctx.today,
        nics.status === "skipped" ? null : JSON.stringify(request),
        answer ? JSON.stringify(answer) : null,
        answer?.respondedAt ?? null,
        nics.status === "skipped" ? 0 : 1,
        nextAttemptAt,
        nicsError ?? null,
        JSON.stringify(actionDetails(ev, details)),
      ],
    );
    const row = rows[0]!;
    const sale = toSale(row);
    const check = toNicsCheck(Object.fromEntries(NICS_COLS.split(", ").map((c) => [c, row[`nics_${c}`]])));
    // The answer's serial-number warnings are read now, beside the record, audit entry and lead detectors
    // that follow (one round trip on the transaction's connection), instead of after them.
    const warnings = serialWarnings(q, sale);
    warnings.catch(() => {});
    await afterEvaluation(ctx, q, {
      before: { ...sale, status: "delayed", delayReason: null },
      updated: sale,
      ev,
      decisionId,
      action: "request",
      webhook: false,
      nicsDenied: nics.status === "denied",
      known: { dealer, nics: check },
    });
    return { sale, nics: check, buyer, decision: storedDecision(decisionId, ev), warnings: await warnings };
  });
}

/** The decision as findDecision would read it back (the answer needs it; no second read). */
function storedDecision(id: string, ev: Evaluation): SaleDecision {
  const d: SaleDecision = {
    id,
    outcome: ev.decision.outcome,
    findings: ev.decision.findings as SaleDecision["findings"],
    decidedOn: ev.decision.on,
    rulebookVersion: ev.decision.rulebookVersion,
    result: ev.decision.result,
  };
  // As stored: JSON (undefined fields dropped).
  return JSON.parse(JSON.stringify(d)) as SaleDecision;
}

// ---------------------------------------------------------------- later changes

/** The acting dealer's id for a dealer user (forbidden when not attached to an active firearm dealer). */
export async function actingDealerId(ctx: Ctx): Promise<string | null> {
  const u = requireUser(ctx);
  if (u.role !== "dealer") return null;
  return (await getActingDealer(ctx, "firearm-dealer")).id;
}

/**
 * The dealer proceeds with a sale NICS has left Delayed, once the federal
 * three business days have passed (or a waiting period has ended). NICS is
 * asked once more first: an answer that came in decides the sale as usual.
 * Refused before `mayProceedOn`, and on the private long gun route, whose check
 * must show the transferee eligible.
 */
export async function proceedSale(ctx: Ctx, saleId: string): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  const dealerId = await actingDealerId(ctx);
  const pre = await getSale(ctx.db, saleId);
  if (!salesPolicy.proceed(user, pre, dealerId)) throw forbidden();
  assertProceedable(ctx, pre);
  const check = await getNicsCheck(ctx.db, saleId);
  let fresh: NicsResponse | undefined;
  if (check.transactionNumber && check.status === "delayed") {
    const r = await callNics(() => ctx.adapters.nics.status(check.transactionNumber!), NICS_TIMEOUT_MS);
    if (r.ok) fresh = r.value;
  }
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, saleId, { forUpdate: true });
    assertProceedable(ctx, s);
    const c = await getNicsCheck(q, saleId, { forUpdate: true });
    if (fresh && fresh.status !== c.status) await storeNicsAnswer(q, saleId, fresh);
    const nics: NicsState = {
      status: fresh?.status ?? c.status,
      transactionNumber: c.transactionNumber,
      initiatedOn: c.initiatedOn,
    };
    const buyer = await findBuyerRecord(q, subjectOf(s), ctx.today);
    const ev = await evaluateSale(q, { subject: subjectOf(s), buyer, nics, on: ctx.today, defaultProceed: true });
    if (ev.status === "delayed") {
      throw new AppError(
        "conflict",
        ev.delayReason === "needs-review"
          ? "the state cannot authorize this sale yet: some facts are unknown and licensing staff must review it"
          : `you may not proceed yet: ${ev.decision.findings
              .filter((f) => f.status === "not-met")
              .map((f) => f.because)
              .join("; ")}`,
      );
    }
    const sale = await recordEvaluation(ctx, q, s, ev, {
      action: "proceed",
      webhook: false,
      nicsDenied: nics.status === "denied",
      details: { nics: nics.status, defaultProceed: ev.status === "proceeded" },
    });
    return { sale, nics: await getNicsCheck(q, saleId), buyer };
  });
}

function assertProceedable(ctx: Ctx, s: Sale): void {
  if (!NEXT[s.status].includes("proceed")) throw new AppError("conflict", `a sale that is ${s.status} cannot proceed`);
  if (s.route === "private-dealer-nics") {
    throw new AppError(
      "conflict",
      "a private long gun sale through a dealer needs a NICS check that shows the transferee eligible; the three-business-day rule does not apply to it (PA 13-3 § 1, CGS § 29-37a)",
    );
  }
  if (s.delayReason === "needs-review")
    throw new AppError(
      "conflict",
      "this sale waits for licensing staff to review facts the state does not know; it cannot proceed",
    );
  if (!s.mayProceedOn) throw new AppError("conflict", "this sale has no date from which it may proceed");
  if (ctx.today < s.mayProceedOn) {
    throw new AppError(
      "conflict",
      `you may proceed from ${s.mayProceedOn}, the day after ${s.proceedAfter} (three business days after the NICS check began, 18 U.S.C. § 922(t)(1)(B)(ii))`,
    );
  }
}

/** Cancels a sale that has not been delivered (delayed or authorized); the authorization number is void. */
export async function cancelSale(ctx: Ctx, saleId: string, reason: string): Promise<SaleOutcome> {
  const user = requireUser(ctx);
  const dealerId = await actingDealerId(ctx);
  if (!reason.trim()) throw badField("reason", "say why the sale is cancelled");
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, saleId, { forUpdate: true });
    if (!salesPolicy.cancel(user, s, dealerId)) throw forbidden();
    if (!NEXT[s.status].includes("cancel"))
      throw new AppError("conflict", `a sale that is ${s.status} cannot be cancelled`);
    await q.query(
      "UPDATE sales SET status = 'cancelled', delay_reason = NULL, cancelled_on = $2, proceed_after = NULL, may_proceed_on = NULL WHERE id = $1",
      [s.id, ctx.today],
    );
    await q.query(
      "UPDATE sale_nics_checks SET status = 'cancelled', next_attempt_at = NULL WHERE sale_id = $1 AND status = 'queued'",
      [s.id],
    );
    await q.query(
      "INSERT INTO sale_actions (sale_id, action, from_status, to_status, actor_id, note) VALUES ($1,'cancel',$2,'cancelled',$3,$4)",
      [s.id, s.status, user.id, reason],
    );
    await appendAudit(q, ctx, {
      action: "sale.cancel",
      entityType: "sale",
      entityId: s.id,
      details: { from: s.status, ...(s.authorizationNumber ? { voidedAuthorization: s.authorizationNumber } : {}) },
    });
    return {
      sale: await getSale(q, s.id),
      nics: await getNicsCheck(q, s.id),
      buyer: await findBuyerRecord(q, subjectOf(s), ctx.today),
    };
  });
}

async function storeNicsAnswer(q: Queryable, saleId: string, r: NicsResponse): Promise<void> {
  await q.query(
    `UPDATE sale_nics_checks SET status = $2, transaction_number = $3, response = CASE WHEN purged_at IS NULL THEN $4::jsonb ELSE NULL END, responded_at = $5,
       next_attempt_at = CASE WHEN $2 = 'delayed' THEN next_attempt_at ELSE NULL END, last_error = NULL WHERE sale_id = $1`,
    [saleId, r.status, r.transactionNumber, JSON.stringify(r), r.respondedAt],
  );
}

/**
 * Applies a NICS answer that came in after the sale was answered (a Delayed
 * check resolving, or a queued one submitted once NICS returned). The sale is
 * decided again on today's facts; the dealer hears through its webhook.
 */
export async function applyNicsAnswer(
  ctx: Ctx,
  saleId: string,
  r: NicsResponse,
  opts: { resubmitted: boolean },
): Promise<Sale> {
  return ctx.db.tx(async (q) => {
    const s = await getSale(q, saleId, { forUpdate: true });
    const c = await getNicsCheck(q, saleId, { forUpdate: true });
    if (c.status !== "queued" && c.status !== "delayed") return s;
    const nextPoll = new Date(ctx.clock.now().getTime() + NICS_POLL_SECONDS * 1000).toISOString();
    if (c.status === "delayed" && r.status === "delayed") {
      // Still waiting: ask again later; nothing changed.
      await q.query("UPDATE sale_nics_checks SET next_attempt_at = $2, attempts = attempts + 1 WHERE sale_id = $1", [
        saleId,
        nextPoll,
      ]);
      return s;
    }
    await storeNicsAnswer(q, saleId, r);
    if (r.status === "delayed")
      await q.query("UPDATE sale_nics_checks SET next_attempt_at = $2, attempts = attempts + 1 WHERE sale_id = $1", [
        saleId,
        nextPoll,
      ]);
    await appendAudit(q, ctx, {
      action: opts.resubmitted ? "sale.nics-resubmit" : "sale.nics-answer",
      entityType: "sale",
      entityId: s.id,
      details: { nics: r.status },
    });
    if (s.status === "proceeded" && r.status === "denied") {
      // NICS denied after the dealer proceeded on the three-business-day rule: the gun is with a prohibited person.
      await q.query("UPDATE sales SET status = 'denied-after-transfer' WHERE id = $1", [s.id]);
      await q.query(
        "INSERT INTO sale_actions (sale_id, action, from_status, to_status, note, details) VALUES ($1,'nics-denied-after-transfer','proceeded','denied-after-transfer',$2,$3)",
        [
          s.id,
          "NICS denied the transferee after the firearm was delivered on the three-business-day rule; referred for retrieval",
          JSON.stringify({ nics: r.transactionNumber }),
        ],
      );
      const updated = await getSale(q, s.id);
      await insertReports(q, updated, "denied-after-transfer", {
        saleNumber: s.number,
        authorizationNumber: s.authorizationNumber,
        firearm: s.firearm,
        nicsTransactionNumber: r.transactionNumber,
        retrieval: true,
      });
      await enqueueSaleEvent(q, ctx, updated, await getNicsCheck(q, s.id));
      await appendAudit(q, ctx, { action: "sale.nics-denied-after-transfer", entityType: "sale", entityId: s.id });
      return updated;
    }
    if (s.status !== "delayed") return s;
    const buyer = await findBuyerRecord(q, subjectOf(s), ctx.today);
    const nics: NicsState = { status: r.status, transactionNumber: r.transactionNumber, initiatedOn: c.initiatedOn };
    const ev = await evaluateSale(q, { subject: subjectOf(s), buyer, nics, on: ctx.today });
    if (ev.status === s.status && ev.delayReason === s.delayReason) return s;
    return recordEvaluation(ctx, q, s, ev, {
      action: opts.resubmitted ? "nics-resubmit" : "nics-answer",
      webhook: true,
      nicsDenied: r.status === "denied",
      details: { nics: r.status, transactionNumber: r.transactionNumber },
    });
  });
}

/**
 * Decides again every delayed sale of a person, on today's records: for the
 * module that records prohibiting events (or corrects a record) to call in the
 * same transaction, so a new prohibitor reaches a pending sale at once and a
 * corrected record releases one waiting for review. The dealer hears by webhook.
 */
export async function reassessPendingSales(
  ctx: Ctx,
  q: Queryable,
  personId: string,
  trigger: string,
): Promise<{ saleId: string; from: SaleStatus; to: SaleStatus }[]> {
  const rows = await q.query<{ id: string }>(
    "SELECT id::text FROM sales WHERE buyer_person_id = $1 AND status = 'delayed' ORDER BY requested_at FOR UPDATE",
    [personId],
  );
  const out: { saleId: string; from: SaleStatus; to: SaleStatus }[] = [];
  for (const { id } of rows) {
    const s = await getSale(q, id);
    const c = await getNicsCheck(q, id);
    const buyer = await findBuyerRecord(q, subjectOf(s), ctx.today);
    const ev = await evaluateSale(q, {
      subject: subjectOf(s),
      buyer,
      nics: { status: c.status, transactionNumber: c.transactionNumber, initiatedOn: c.initiatedOn },
      on: ctx.today,
    });
    if (ev.status === s.status && ev.delayReason === s.delayReason) continue;
    const updated = await recordEvaluation(ctx, q, s, ev, {
      action: "reassess",
      note: trigger,
      webhook: true,
      nicsDenied: c.status === "denied",
    });
    out.push({ saleId: id, from: s.status, to: updated.status });
  }
  return out;
}

/** Records a failed re-submission of a queued check, with exponential backoff (15 s doubling, at most an hour). */
export async function noteNicsStillDown(ctx: Ctx, saleId: string, error: string): Promise<void> {
  const rows = await ctx.db.query<{ attempts: number }>("SELECT attempts FROM sale_nics_checks WHERE sale_id = $1", [
    saleId,
  ]);
  const attempts = (rows[0]?.attempts ?? 0) + 1;
  const delay = Math.min(15 * 2 ** Math.min(attempts - 1, 12), 3600);
  await ctx.db.query(
    "UPDATE sale_nics_checks SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE sale_id = $1 AND status IN ('queued','delayed')",
    [saleId, attempts, new Date(ctx.clock.now().getTime() + delay * 1000).toISOString(), error],
  );
}

export { nicsRequestOf };
export type { DelayReason };
