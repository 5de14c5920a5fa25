/**
 * Ammunition: the seller's check of a buyer at the counter, the record of
 * every sale, reports, and the ammunition limit's settings.
 *
 * A check gathers the facts (the credential on file matched by number, last
 * name and date of birth; the holder's other credentials and prohibiting
 * events; the photo identification shown), asks the rulebook (`ammunition-sale`,
 * PA 13-3 §§ 14-17), applies the ammunition limit (policy, not statute), stores
 * both decisions, and answers approved, refused or needs-review. A mismatch or a
 * missing fact is needs-review, never a refusal. A sale is recorded against an
 * approved check of the same seller on the same day, within what the check
 * approved and the limit as it stands at that moment, in one transaction with
 * its audit entry and the lead detectors' targeted run.
 */
import type { Ctx } from "../../context.ts";
import { write, type Queryable } from "../../db/client.ts";
import { uuidv7 } from "../../db/ids.ts";
import { type PlainDate, addDays, fromParts, parts } from "../../law/core/dates.ts";
import { toDecision } from "../../law/core/questions.ts";
import { type Finding, allOf } from "../../law/core/rules.ts";
import type { PersonEvent } from "../../law/ct/criminal-possession/events.ts";
import { lawCredentials } from "../credentials/index.ts";
import type { AmmunitionSaleFacts } from "../../law/ct/sales/ammunition-sale.ts";
import {
  type AmmunitionLimitSettings,
  CLASS_LABELS,
  type PurchaseType,
  ammunitionLimit,
  ammunitionLimitQuestion,
} from "../../law/ct/policy/ammunition-limit.ts";
import { RULEBOOK_VERSION } from "../../law/ct/version.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { appendAudit, auditRefusedRead } from "../audit/index.ts";
import { type ReadPurpose, purposeLine } from "../../lib/purpose.ts";
import { type User } from "../auth/index.ts";
import { getActingDealer, type Dealer } from "../dealers/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { detectAfterSale } from "../leads/index.ts";
import { type BulletKind, type LcmExemption, type MagazineFeature, itemFindings } from "./items.ts";
import { matchRecord, normalizeCredentialNumber } from "./matching.ts";
import { ammunitionPolicy } from "./policy.ts";
import { effectiveCheck } from "./review-state.ts";
import { type PresentedCredential, presentFindingForSeller } from "./present.ts";
import {
  type Basis,
  type Check,
  type CheckLine,
  type CheckOutcome,
  type CredentialOnFile,
  type GroupBy,
  type ReportRow,
  type Sale,
  type SaleLine,
  type StoredSettings,
  CHECK_COLS,
  checkActions,
  credentialsOnFileOfPerson,
  findCheck,
  findCredentialOnFile,
  findSale,
  findSaleOfCheck,
  toCheck,
  limitSettingsHistory,
  limitSettingsOn,
  listSales,
  personEvents,
  purchaseLinesOf,
  salesReport,
} from "./queries.ts";

export const PHOTO_ID_TYPES = ["drivers-license", "passport", "state-id", "military-id", "other"] as const;
export type PhotoIdType = (typeof PHOTO_ID_TYPES)[number];

export interface BuyerInput {
  firstName: string;
  lastName: string;
  birthDate: PlainDate;
  credentialNumber: string;
  /** The identification shown; the clerk has inspected it and found it genuine (give `expiresOn` to let the system check the date). */
  photoId?:
    | {
        type: PhotoIdType;
        number: string;
        showsBirthDate: boolean;
        hasPhotograph?: boolean | undefined;
        expiresOn?: PlainDate | undefined;
      }
    | undefined;
  /** The address on the identification, when the clerk keys it in: a difference from the record is sent to review. */
  address?: { street?: string | undefined; town?: string | undefined; zip?: string | undefined } | undefined;
  /** The § 23 exemption the buyer showed proof of (for a large capacity magazine), if any. */
  exemption?: LcmExemption | undefined;
}

export interface CheckInput {
  buyer: BuyerInput;
  lines: {
    type: PurchaseType;
    caliber: string;
    brand?: string | undefined;
    quantity: number;
    /** Magazines: the rounds it holds (needed to decide § 23), and what makes it special. */
    capacity?: number | undefined;
    features?: MagazineFeature[] | undefined;
    /** Ammunition: armor-piercing or incendiary (§ 32); standard when absent. */
    bullet?: BulletKind | undefined;
  }[];
}

/** `findings` in full (for the stored decisions and staff); sellers get them through `presentFindingForSeller` with `presented`. */
export interface CheckAnswer {
  check: Check;
  findings: Finding[];
  presented: PresentedCredential | null;
  nextSteps: string[];
}

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

const LAW_PHOTO_KIND: Record<PhotoIdType, "drivers-license" | "passport" | "other-government-id" | "other"> = {
  "drivers-license": "drivers-license",
  passport: "passport",
  "state-id": "other-government-id",
  "military-id": "other-government-id",
  other: "other",
};

/** The facts of `ammunition-sale` for this buyer, from the records (when the credential matched) and what was shown. */
export function saleFacts(opts: {
  seller: Dealer;
  lines: readonly { type: PurchaseType }[];
  buyer: BuyerInput;
  today: PlainDate;
  matched: { credential: CredentialOnFile; all: CredentialOnFile[]; events: PersonEvent[] } | null;
}): AmmunitionSaleFacts {
  const { seller, lines, buyer, today, matched } = opts;
  const id = buyer.photoId;
  const photoId =
    id === undefined
      ? undefined
      : {
          kind: LAW_PHOTO_KIND[id.type],
          presented: true,
          hasPhotograph: id.hasPhotograph ?? true,
          showsDateOfBirth: id.showsBirthDate,
          valid: id.expiresOn === undefined ? true : id.expiresOn >= today,
        };
  const credentials = matched ? lawCredentials(matched.all, matched.credential.id) : undefined;
  return {
    item: lines.some((l) => l.type !== "magazine") ? "ammunition" : "magazine",
    seller: { federalLicence: seller.kind === "firearm-dealer" || seller.fflNumber ? "dealer" : "none" },
    buyer: {
      federalLicence: "none",
      // QUESTION(legal): when the record does not match, the age rule reads the date of birth the
      // buyer's own identification shows: a buyer it shows to be under 18 is refused; otherwise the
      // mismatch goes to review.
      birthDate: matched ? matched.credential.person.birthDate : buyer.birthDate,
      ...(credentials ? { credentials } : {}),
      ...(photoId ? { photoId } : {}),
      ...(matched ? { events: matched.events } : {}),
    },
  };
}

/** First day of the longest window the limit looks at (rolling 30 days or the calendar month). */
export function limitHistoryFrom(on: PlainDate): PlainDate {
  const p = parts(on);
  const month = fromParts(p.year, p.month, 1);
  const rolling = addDays(on, -29);
  return month < rolling ? month : rolling;
}

export function limitFacts(
  s: StoredSettings,
  prior: { on: PlainDate; type: PurchaseType; quantity: number }[] | undefined,
  requested: readonly { type: PurchaseType; quantity: number }[],
) {
  return {
    settings: { ...s.settings, ...(s.version > 0 ? { version: s.version } : {}), effectiveOn: s.effectiveOn },
    ...(prior ? { prior } : {}),
    requested: requested.map((l) => ({ type: l.type, quantity: l.quantity })),
  };
}

const totals = (lines: readonly { type: PurchaseType; quantity: number }[]) => ({
  rounds: lines.reduce((n, l) => (l.type === "magazine" ? n : n + l.quantity), 0),
  magazines: lines.reduce((n, l) => (l.type === "magazine" ? n + l.quantity : n), 0),
});

/** What the seller does next, from the findings as the seller sees them (present.ts): never a record's detail. */
export function nextSteps(
  outcome: CheckOutcome,
  findings: readonly { status: string; basis: string; because: string; remedy?: string }[],
): string[] {
  if (outcome === "approved")
    return [
      "Record the sale against this check today (POST /api/v1/ammunition/sales with its checkId), within the lines it approved.",
    ];
  const open = findings.filter((f) => f.status === (outcome === "refused" ? "not-met" : "unknown"));
  const steps = [
    ...new Set(open.map((f) => `${f.basis === "policy" ? "[policy, not statute] " : ""}${f.remedy ?? f.because}`)),
  ];
  if (outcome === "needs-review")
    steps.push("Nothing has been refused. Once the record or the input is put right, run the check again.");
  else {
    if (open.some((f) => f.basis === "statute"))
      steps.push(
        "A buyer who believes a record is wrong may ask the Department of Emergency Services and Public Protection to correct it.",
      );
    if (open.some((f) => f.basis === "policy"))
      steps.push(
        "The ammunition limit is the Department's policy, not a statute; the refusal says when the quantity could be bought.",
      );
  }
  return steps;
}

/**
 * A seller whose checks keep failing to match is probing the records (issue 8, finding 8: 40 checks
 * recovered a holder's date of birth). Each time a seller's non-matching checks in the last hour
 * reach a multiple of `config.rateLimit.failedChecksAlert`, an alert entry goes into the audit trail
 * (action `security.alert`) for the firearms unit and the auditors.
 */
export async function alertOnFailedChecks(q: Queryable, ctx: Ctx, dealerId: string): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - 3_600_000).toISOString();
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ammunition_checks WHERE dealer_id = $1 AND checked_at > $2 AND person_id IS NULL`,
    [dealerId, since],
  );
  const n = r[0]?.n ?? 0;
  const every = ctx.config.rateLimit.failedChecksAlert;
  if (n > 0 && n % every === 0) {
    await appendAudit(q, ctx, {
      action: "security.alert",
      entityType: "dealer",
      entityId: dealerId,
      outcome: "denied",
      details: { reason: "failed ammunition checks are piling up", failedChecksLastHour: n, threshold: every },
    });
  }
}

/** The credential the buyer presented, once name and date of birth matched: its kind, number and whether it is valid today. */
export function presentedCredential(
  record: CredentialOnFile | undefined,
  matched: boolean,
  today: PlainDate,
): PresentedCredential | null {
  if (!record || !matched) return null;
  return {
    kind: record.kind,
    number: record.number,
    valid:
      record.status === "active" &&
      record.kind !== "temporary-state-permit" &&
      record.issuedOn <= today &&
      today < record.expiresOn,
  };
}

/**
 * A seller's check of a buyer before an ammunition or magazine sale. Answers
 * approved (the sale may be recorded today), refused (the findings say why,
 * with their citations) or needs-review (a fact is missing or a record does
 * not match: never refused for that). Stores both decisions and audits.
 */
export async function runCheck(ctx: Ctx, input: CheckInput): Promise<CheckAnswer> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.check(user)) throw forbidden();
  // Not awaited here: the acting seller is read together with the buyer's record (see runCheckIn).
  const dealer = getActingDealer(ctx);
  dealer.catch(() => {});
  return ctx.db.tx((q) => runCheckIn(ctx, q, user, dealer, input));
}

/** The check itself, inside the caller's transaction (a correction after review runs one in its own). */
export async function runCheckIn(
  ctx: Ctx,
  q: Queryable,
  user: User,
  seller: Dealer | Promise<Dealer>,
  input: CheckInput,
): Promise<CheckAnswer> {
  const today = ctx.today;
  const number = normalizeCredentialNumber(input.buyer.credentialNumber);
  const lines: CheckLine[] = input.lines.map((l) => ({
    type: l.type,
    caliber: l.caliber,
    brand: l.brand ?? null,
    quantity: l.quantity,
    ...(l.type === "magazine"
      ? { capacity: l.capacity ?? null, ...(l.features?.length ? { features: [...new Set(l.features)] } : {}) }
      : l.bullet && l.bullet !== "standard"
        ? { bullet: l.bullet }
        : {}),
  }));
  const t = totals(lines);
  const checkId = uuidv7();
  // Independent reads, asked together (one round trip on a pipelined connection): the seller, the
  // credential shown, the limit in force, and the check's number.
  const [dealer, record, settings, seq] = await Promise.all([
    seller,
    findCredentialOnFile(q, number),
    limitSettingsOn(q, today),
    q.query<{ n: number }>("SELECT nextval('ammunition_check_number_seq') AS n"),
  ]);
  const match = matchRecord(
    {
      credentialNumber: number,
      lastName: input.buyer.lastName,
      birthDate: input.buyer.birthDate,
      address: input.buyer.address,
    },
    record && {
      credentialNumber: record.number,
      lastName: record.person.lastName,
      birthDate: record.person.birthDate,
      street: record.person.street,
      town: record.person.town,
      zip: record.person.zip,
    },
  );
  // The holder's credentials, events and recent purchases, together.
  const [all, events, prior] =
    match.matched && record
      ? await Promise.all([
          credentialsOnFileOfPerson(q, record.person.id),
          personEvents(q, record.person.id),
          purchaseLinesOf(q, record.person.id, limitHistoryFrom(today), today),
        ])
      : [undefined, undefined, undefined];
  const matched = match.matched && record && all && events ? { credential: record, all, events } : null;
  const facts = saleFacts({ seller: dealer, lines, buyer: input.buyer, today, matched });
  const law = decide("ammunition-sale", today, facts);
  const lawDecisionId = await storeDecision(q, law, facts, { type: "ammunition-check", id: checkId });

  const lf = limitFacts(settings, matched ? prior : undefined, lines);
  const limit = toDecision(ammunitionLimitQuestion, ammunitionLimit(lf, today), today, RULEBOOK_VERSION);
  const limitDecisionId = await storeDecision(q, limit, lf, { type: "ammunition-check", id: checkId });

  // The items themselves: a large capacity magazine (§ 23), an armor-piercing or incendiary bullet (§ 32).
  const items = itemFindings(lines, input.buyer.exemption, today);
  const findings = [...match.findings, ...law.findings, ...limit.findings, ...items];
  const verdict = allOf(findings);
  const outcome: CheckOutcome = verdict === "yes" ? "approved" : verdict === "no" ? "refused" : "needs-review";
  const basis = (law.result as { basis?: Basis | null }).basis ?? null;
  const photo = input.buyer.photoId;
  const inserted = await q.query(
    `INSERT INTO ammunition_checks (id, number, dealer_id, clerk_id, checked_on, checked_at, outcome, person_id, credential_id, credential_number, credential_kind, basis,
         buyer_first_name, buyer_last_name, buyer_birth_date, photo_id_type, photo_id_last4, photo_id_shows_birth_date, lines, total_rounds, total_magazines,
         match_findings, law_decision_id, limit_decision_id, item_findings, buyer_exemption)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
       RETURNING ${CHECK_COLS}`,
    [
      checkId,
      `AMC-${seq[0]!.n}`,
      dealer.id,
      user.id,
      today,
      ctx.clock.now().toISOString(),
      outcome,
      matched?.credential.person.id ?? null,
      matched?.credential.id ?? null,
      number,
      matched?.credential.kind ?? null,
      basis,
      input.buyer.firstName,
      input.buyer.lastName,
      input.buyer.birthDate,
      photo?.type ?? null,
      photo
        ? photo.number
            .replace(/[^A-Za-z0-9]/g, "")
            .toUpperCase()
            .slice(-4)
        : null,
      photo?.showsBirthDate ?? null,
      JSON.stringify(lines),
      t.rounds,
      t.magazines,
      JSON.stringify(match.findings),
      lawDecisionId,
      limitDecisionId,
      JSON.stringify(items),
      input.buyer.exemption ?? null,
    ],
  );
  await appendAudit(q, ctx, {
    action: "ammunition.check",
    entityType: "ammunition-check",
    entityId: checkId,
    details: { dealerId: dealer.id, outcome, lawDecisionId, limitDecisionId },
  });
  if (!match.matched) await alertOnFailedChecks(q, ctx, dealer.id);
  const check = toCheck(inserted[0]!);
  const presented = presentedCredential(record, match.matched, today);
  return {
    check,
    findings,
    presented,
    nextSteps: nextSteps(
      outcome,
      findings.map((f) => presentFindingForSeller(f, presented)),
    ),
  };
}

export interface SaleInput {
  checkId: string;
  lines: SaleLine[];
}

const conflict = (field: string, message: string) =>
  new AppError("conflict", `${field}: ${message}`, { fields: [{ field, message }] });

/**
 * Records a sale against an approved check of this seller, made today. Refused
 * (409, naming the field) when the check is not approved, not today's, already
 * used, when the lines exceed what it approved, when the credential has been
 * revoked since, or when the limit (applied again now, with any sale made
 * elsewhere in the meantime) would be exceeded. Sale, lines, decision, audit
 * entry and leads commit together.
 */
export async function recordSale(ctx: Ctx, input: SaleInput): Promise<Sale> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.recordSale(user)) throw forbidden();
  const seller = getActingDealer(ctx);
  seller.catch(() => {});
  const today = ctx.today;
  return ctx.db.tx(async (q) => {
    // The seller, the check (locked), its review actions and any sale already made against it, asked
    // together; nothing of the check is used before it is known to be this seller's.
    const [dealer, check, actions, done] = await Promise.all([
      seller,
      findCheck(q, input.checkId, { forUpdate: true }),
      checkActions(q, input.checkId),
      findSaleOfCheck(q, input.checkId),
    ]);
    // Another seller's check is not found, so that ids reveal nothing across shops.
    if (!check || check.dealerId !== dealer.id) throw badField("checkId", "no check of yours has this id");
    // After review, the check stands as staff left it (review-state.ts).
    const eff = effectiveCheck(check, actions);
    if (eff.outcome !== "approved")
      throw conflict(
        "checkId",
        `the check was ${eff.state === "not-in-review" ? check.outcome : `${check.outcome} (${eff.state} on review)`}; only an approved check allows a sale`,
      );
    if (eff.validOn !== today)
      throw conflict(
        "checkId",
        `the check allowed a sale on ${eff.validOn}; a check is good for that day only: run a new one`,
      );
    if (done) throw conflict("checkId", `sale ${done.number} was already recorded against this check`);
    const personId = eff.personId!;
    // One buyer's sales are recorded one at a time, so two counters cannot both use the same headroom.
    // The reads behind the lock are sent with it and run in order after it is granted.
    const [, cred, settings, prior, seq] = await Promise.all([
      q.query("SELECT pg_advisory_xact_lock(727010, hashtext($1))", [personId]),
      q.query<{ status: string; expires_on: PlainDate }>("SELECT status, expires_on FROM credentials WHERE id = $1", [
        eff.credentialId,
      ]),
      limitSettingsOn(q, today),
      purchaseLinesOf(q, personId, limitHistoryFrom(today), today),
      q.query<{ n: number }>("SELECT nextval('ammunition_sale_number_seq') AS n"),
    ]);

    // Per type; magazines per capacity as well, so a sale cannot swap in a larger magazine than the check approved.
    const key = (l: { type: PurchaseType; capacity?: number | null | undefined }) =>
      l.type === "magazine" ? `magazine|${l.capacity ?? ""}` : l.type;
    const approved = new Map<string, number>();
    for (const l of check.lines) approved.set(key(l), (approved.get(key(l)) ?? 0) + l.quantity);
    const asked = new Map<string, number>();
    for (const [i, l] of input.lines.entries()) {
      asked.set(key(l), (asked.get(key(l)) ?? 0) + l.quantity);
      const ok = approved.get(key(l)) ?? 0;
      if (asked.get(key(l))! > ok)
        throw conflict(
          `lines.${i}.quantity`,
          l.type === "magazine" && l.capacity
            ? `more ${l.capacity}-round magazines than the check approved (${ok})`
            : `more ${CLASS_LABELS[l.type]} than the check approved (${ok})`,
        );
    }
    if (cred[0]?.status !== "active" || cred[0].expires_on <= today)
      throw conflict(
        "checkId",
        "the buyer's credential is no longer valid (revoked or expired since the check): run a new check",
      );

    const saleId = uuidv7();
    const lf = limitFacts(settings, prior, input.lines);
    const limit = toDecision(ammunitionLimitQuestion, ammunitionLimit(lf, today), today, RULEBOOK_VERSION);
    if (limit.outcome !== "yes") {
      const why = limit.findings
        .filter((f) => f.status !== "met" && f.status !== "not-applicable")
        .map((f) => `${f.because}. ${f.remedy ?? ""}`.trim())
        .join(" ");
      throw conflict("lines", `refused by the ammunition limit (policy, not statute): ${why}`);
    }
    const limitDecisionId = await storeDecision(q, limit, lf, { type: "ammunition-sale", id: saleId });
    const t = totals(input.lines);
    // The sale, its lines and its audit entry need no answer: they travel with the detectors' reads.
    await write(
      q,
      `INSERT INTO ammunition_sales (id, number, check_id, dealer_id, town, person_id, credential_id, basis, sold_on, recorded_at, clerk_id, total_rounds, total_magazines, limit_decision_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        saleId,
        `AMS-${seq[0]!.n}`,
        check.id,
        dealer.id,
        dealer.town,
        personId,
        eff.credentialId,
        eff.basis,
        today,
        ctx.clock.now().toISOString(),
        user.id,
        t.rounds,
        t.magazines,
        limitDecisionId,
      ],
    );
    await write(
      q,
      `INSERT INTO ammunition_sale_lines (sale_id, line_no, type, caliber, brand, quantity, capacity)
       SELECT $1, n, type, caliber, brand, quantity, capacity FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS t(n, type, caliber, brand, quantity, capacity)`,
      [
        saleId,
        input.lines.map((_, i) => i + 1),
        input.lines.map((l) => l.type),
        input.lines.map((l) => l.caliber),
        input.lines.map((l) => l.brand),
        input.lines.map((l) => l.quantity),
        input.lines.map((l) => (l.type === "magazine" ? (l.capacity ?? null) : null)),
      ],
    );
    await appendAudit(q, ctx, {
      action: "ammunition.sale.record",
      entityType: "ammunition-sale",
      entityId: saleId,
      details: { checkId: check.id, dealerId: dealer.id, totalRounds: t.rounds, totalMagazines: t.magazines },
    });
    // The sale as the answer shows it is read back behind its own insert, together with the detectors' reads.
    const stored = findSale(q, saleId);
    stored.catch(() => {});
    await detectAfterSale(ctx, q, { personId, saleId, on: today });
    return (await stored)!;
  });
}

// ---------------------------------------------------------------- reading

export interface SalesQuery {
  from?: PlainDate | undefined;
  to?: PlainDate | undefined;
  dealerId?: string | undefined;
  personId?: string | undefined;
  limit: number;
  offset: number;
  purpose?: ReadPurpose | undefined;
}

function range(
  query: { from?: PlainDate | undefined; to?: PlainDate | undefined },
  today: PlainDate,
): { from: PlainDate; to: PlainDate } {
  const to = query.to ?? today;
  // A year back by default (never before the first day of the calendar).
  const from = query.from ?? (to >= "0002-01-01" ? addDays(to, -364) : ("0001-01-01" as PlainDate));
  if (from > to) throw badField("query.from", "must be on or before `to`");
  return { from, to };
}

/** The stated purpose (from the Stateline-Purpose header or the body; never the URL), as its audit line. */
const requirePurpose = (purpose: ReadPurpose | undefined): string => {
  if (!purpose)
    throw badField(
      "header.stateline-purpose",
      "say why you need these records: `Stateline-Purpose: <code>; <why, at least 10 characters>` (required for your role; it is audited)",
    );
  return purposeLine(purpose);
};

/**
 * Sales, as the caller may see them: a seller sees only its own, without buyers'
 * names; licensing staff and law enforcement see all with buyers' identities,
 * giving a purpose that is audited with the people whose records were shown.
 */
export async function listSalesFor(
  ctx: Ctx,
  query: SalesQuery,
): Promise<{ scope: "own" | "all"; total: number; items: Sale[] }> {
  const user = requireUser(ctx);
  const { from, to } = range(query, ctx.today);
  if (ammunitionPolicy.listOwnSales(user)) {
    const dealer = await getActingDealer(ctx);
    if (query.dealerId && query.dealerId !== dealer.id) throw forbidden("a seller sees only its own sales");
    if (query.personId) throw forbidden("a seller cannot search sales by person");
    const r = await listSales(ctx.db, { from, to, dealerId: dealer.id, limit: query.limit, offset: query.offset });
    return { scope: "own", ...r };
  }
  if (!ammunitionPolicy.listAllSales(user))
    throw await auditRefusedRead(ctx, { action: "ammunition.sales.read", entityType: "ammunition-sales" });
  const purpose = requirePurpose(query.purpose);
  const r = await listSales(ctx.db, {
    from,
    to,
    dealerId: query.dealerId,
    personId: query.personId,
    limit: query.limit,
    offset: query.offset,
  });
  const people = [...new Set(r.items.map((s) => s.personId))];
  const certificateHolders = [
    ...new Set(
      r.items
        .filter((s) => s.basis === "ammunition-certificate" || s.credentialKind === "ammunition-certificate")
        .map((s) => s.personId),
    ),
  ];
  await appendAudit(ctx.db, ctx, {
    action: "ammunition.sales.read",
    entityType: "ammunition-sales",
    purpose,
    details: {
      from,
      to,
      dealerId: query.dealerId ?? null,
      personId: query.personId ?? null,
      shown: r.items.length,
      people,
      personIds: people,
      ammunitionCertificateHolders: certificateHolders,
    },
  });
  return { scope: "all", ...r };
}

/** Totals by vendor, town of sale or month, for licensing staff and law enforcement (purpose audited). No names. */
export async function report(
  ctx: Ctx,
  query: {
    groupBy: GroupBy;
    from?: PlainDate | undefined;
    to?: PlainDate | undefined;
    purpose?: ReadPurpose | undefined;
  },
): Promise<{
  groupBy: GroupBy;
  from: PlainDate;
  to: PlainDate;
  rows: ReportRow[];
  totals: Omit<ReportRow, "key" | "label">;
}> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.reports(user))
    throw await auditRefusedRead(ctx, { action: "ammunition.report.read", entityType: "ammunition-sales" });
  const purpose = requirePurpose(query.purpose);
  const { from, to } = range(query, ctx.today);
  const rows = await salesReport(ctx.db, query.groupBy, from, to);
  await appendAudit(ctx.db, ctx, {
    action: "ammunition.report.read",
    entityType: "ammunition-sales",
    purpose,
    details: { groupBy: query.groupBy, from, to },
  });
  const buyers = await ctx.db.query<{ n: number }>(
    "SELECT count(DISTINCT person_id)::int AS n FROM ammunition_sales WHERE sold_on BETWEEN $1 AND $2",
    [from, to],
  );
  return {
    groupBy: query.groupBy,
    from,
    to,
    rows,
    totals: {
      sales: rows.reduce((n, r) => n + r.sales, 0),
      rounds: rows.reduce((n, r) => n + r.rounds, 0),
      magazines: rows.reduce((n, r) => n + r.magazines, 0),
      buyers: buyers[0]?.n ?? 0,
    },
  };
}

// ---------------------------------------------------------------- the limit's settings

/** The ammunition limit in force today, and every version before it. Public: the limit is public policy. */
export async function getLimitSettings(ctx: Ctx): Promise<{ current: StoredSettings; history: StoredSettings[] }> {
  return { current: await limitSettingsOn(ctx.db, ctx.today), history: await limitSettingsHistory(ctx.db) };
}

/** Appends a new version of the ammunition limit (administrators). It applies from `effectiveOn` (today by default; never in the past). */
export async function setLimitSettings(
  ctx: Ctx,
  input: { settings: AmmunitionLimitSettings; note: string; effectiveOn?: PlainDate | undefined },
): Promise<StoredSettings> {
  const user = requireUser(ctx);
  if (!ammunitionPolicy.setLimit(user)) throw forbidden();
  const effectiveOn = input.effectiveOn ?? ctx.today;
  if (effectiveOn < ctx.today) throw badField("effectiveOn", "a setting cannot take effect in the past");
  return ctx.db.tx(async (q: Queryable) => {
    await q.query("SELECT pg_advisory_xact_lock(727011)");
    const v = await q.query<{ v: number }>(
      "SELECT coalesce(max(version), 0)::int AS v FROM policy_settings WHERE key = 'ammunition-limit'",
    );
    const version = v[0]!.v + 1;
    await q.query(
      "INSERT INTO policy_settings (key, version, value, effective_on, set_at, set_by, note) VALUES ('ammunition-limit',$1,$2,$3,$4,$5,$6)",
      [version, JSON.stringify(input.settings), effectiveOn, ctx.clock.now().toISOString(), user.id, input.note],
    );
    await appendAudit(q, ctx, {
      action: "policy.ammunition-limit.set",
      entityType: "policy-setting",
      entityId: `ammunition-limit:${version}`,
      details: { version, effectiveOn, settings: input.settings },
    });
    const all = await limitSettingsHistory(q);
    return all.find((s) => s.version === version)!;
  });
}
