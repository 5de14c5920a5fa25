/**
 * Assault weapon certificates of possession and large capacity magazine declarations
 * (PA 13-3 §§ 23-31, 62): drafts, submissions, staff review and decisions, transfers and
 * disposals, the windows as stored obligations, and the enforcement link.
 *
 * A registration changes only by appended actions (registration_actions); `NEXT` says which
 * action each status allows. The service gathers the facts, asks the rulebook
 * (`firearm-classification`, `magazine-classification`, `declaration-deadline`), stores each
 * decision with its rulebook version, acts, and audits — in one transaction.
 */
import { certificateEligible } from "../../law/ct/weapons/certificate-eligibility.ts";
import { createHash } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { addDays, daysBetween, type PlainDate } from "../../law/core/dates.ts";
import { citationLabel, type Finding } from "../../law/core/rules.ts";
import type { DeclarationFacts } from "../../law/ct/clocks/declaration-facts.ts";
import { transferDeadlineOnIneligibility } from "../../law/ct/criminal-possession/transfer-deadline.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { type ReadPurpose, purposeLine } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import type { User } from "../auth/index.ts";
import { applicationsOfPerson, credentialsOfPerson } from "../credentials/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { getPerson, findPerson, type Person } from "../people/index.ts";
import { registriesPolicy as policy } from "./policy.ts";
import {
  type Obligation,
  type Registration,
  REG_COLS,
  appendAction,
  dueWithin,
  getRegistration,
  insertObligation,
  listObligations,
  listQueue,
  markMissed,
  meetObligations,
  obligationsOfPerson,
  registrationHistory,
  registrationsBySerial,
  registrationsOfPerson,
  toRegistration,
} from "./queries.ts";
import type {
  DraftInput,
  DraftUpdate,
  Disposal,
  RegistrationKind,
  RegistrationStatus,
  Review,
  Situation,
  SubmissionInput,
  Transfer,
} from "./schemas.ts";

export type RegistrationAction =
  | "save-draft"
  | "submit"
  | "review"
  | "issue"
  | "accept"
  | "refuse"
  | "answer-not-covered"
  | "withdraw"
  | "transfer"
  | "dispose"
  | "mark-prohibited"
  | "thumbprint";

/** Which actions each status allows. */
export const NEXT: Record<RegistrationStatus, readonly RegistrationAction[]> = {
  draft: ["save-draft", "thumbprint", "submit", "withdraw"],
  submitted: ["review", "thumbprint", "issue", "accept", "refuse", "answer-not-covered", "withdraw", "mark-prohibited"],
  "needs-review": [
    "review",
    "thumbprint",
    "issue",
    "accept",
    "refuse",
    "answer-not-covered",
    "withdraw",
    "mark-prohibited",
  ],
  issued: ["transfer", "dispose", "mark-prohibited"],
  declared: ["transfer", "dispose", "mark-prohibited"],
  "surrender-required": ["transfer", "dispose"],
  refused: [],
  "not-covered": [],
  withdrawn: [],
  transferred: [],
  disposed: [],
};

/** The item each kind registers, in the clocks' words. */
export const ITEM: Record<RegistrationKind, "assault-weapon" | "large-capacity-magazine"> = {
  "aw-certificate": "assault-weapon",
  "lcm-declaration": "large-capacity-magazine",
};

/** Where a refusal is appealed (CGS § 29-32b: the Board hears refusals of permits and certificates). */
export const APPEAL_ROUTE = {
  to: "Board of Firearms Permit Examiners",
  // QUESTION(legal): the analysis names no appeal from a refused certificate of possession; we point to the Board
  // (CGS § 29-32b) and to a new application with the missing facts, and to the Superior Court under the UAPA (CGS § 4-183).
  how: "appeal in writing within 90 days of this notice; or apply again with the facts that were missing",
  citation: "CGS § 29-32b; CGS § 4-183",
};

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

function assertNext(r: Registration, action: RegistrationAction): void {
  if (!NEXT[r.status].includes(action)) {
    throw new AppError(
      "conflict",
      `a registration that is ${r.status} cannot be ${action === "save-draft" ? "edited as a draft" : `given the action "${action}"`}`,
      {
        fields: [{ field: "status", message: `${r.status} allows: ${NEXT[r.status].join(", ") || "nothing further"}` }],
      },
    );
  }
}

/** Residents act on their own registrations, licensing staff on any; every other role is refused before any lookup. */
function holderOrStaff(ctx: Ctx): User {
  const u = requireUser(ctx);
  if (!policy.apply(u) && !policy.work(u)) throw forbidden("only the holder or licensing staff act on a registration");
  return u;
}

const nowIso = (ctx: Ctx) => ctx.clock.now().toISOString();

// ---------------------------------------------------------------- drafts and submissions

/** The columns a draft or submission sets (only those given). */
function columnsOf(input: Partial<DraftInput>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (input.route !== undefined) c.route = input.route;
  if (input.routeEventOn !== undefined) c.route_event_on = input.routeEventOn;
  if (input.credentialApplicationId !== undefined) c.credential_application_id = input.credentialApplicationId;
  const f = input.firearm;
  if (f) {
    if (f.make !== undefined) c.make = f.make;
    if (f.model !== undefined) c.model = f.model;
    if (f.serialNumber !== undefined) c.serial_number = f.serialNumber.toUpperCase();
    if (f.caliber !== undefined) c.caliber = f.caliber;
    if (f.type !== undefined) c.firearm_type = f.type;
    if (f.identificationMarks !== undefined) c.identification_marks = f.identificationMarks;
    if (f.facts !== undefined) c.firearm_facts = JSON.stringify(f.facts);
  }
  const m = input.magazine;
  if (m) {
    if (m.count !== undefined) c.magazine_count = m.count;
    if (m.capacity !== undefined) c.magazine_capacity = m.capacity;
    if (m.caliber !== undefined) c.magazine_caliber = m.caliber;
    if (m.description !== undefined) c.magazine_description = m.description;
    if (m.facts !== undefined) c.magazine_facts = JSON.stringify(m.facts);
  }
  if (input.thumbprint) {
    c.thumbprint = "appointment";
    c.thumbprint_appointment_on = input.thumbprint.on;
  }
  return c;
}

function checkKindFields(kind: RegistrationKind, input: Partial<DraftInput>): void {
  if (kind === "aw-certificate" && input.magazine)
    throw badField("magazine", "a certificate application describes a firearm, not magazines");
  if (kind === "lcm-declaration" && input.firearm)
    throw badField("firearm", "a magazine declaration describes magazines, not a firearm");
  if (kind === "lcm-declaration" && input.thumbprint)
    throw badField("thumbprint", "a magazine declaration needs no thumbprint");
  if (kind === "aw-certificate" && input.credentialApplicationId)
    throw badField("credentialApplicationId", "only a magazine declaration rides on a credential application (§ 24)");
  if (
    input.route &&
    ["service-member-return", "service-member-transferred", "heir"].includes(input.route) &&
    input.routeEventOn === undefined
  ) {
    throw badField("routeEventOn", "give the day you returned, arrived or inherited");
  }
}

async function checkCredentialApplication(q: Queryable, personId: string, id: string | undefined): Promise<void> {
  if (!id) return;
  const apps = await applicationsOfPerson(q, personId);
  if (!apps.some((a) => a.id === id))
    throw badField("credentialApplicationId", "not one of your credential applications");
}

/** The person a resident acts for (their own record). */
function ownPersonId(ctx: Ctx): string {
  const u = requireUser(ctx);
  if (!policy.apply(u)) throw forbidden("only residents apply for certificates and declare magazines, for themselves");
  return u.personId!;
}

/** Saves a new draft. */
export async function createDraft(ctx: Ctx, input: DraftInput): Promise<Registration> {
  const personId = ownPersonId(ctx);
  checkKindFields(input.kind, input);
  return ctx.db.tx(async (q) => {
    await checkCredentialApplication(q, personId, input.credentialApplicationId);
    const cols = {
      kind: input.kind,
      person_id: personId,
      status: "draft",
      created_by: ctx.user!.id,
      created_at: nowIso(ctx),
      updated_at: nowIso(ctx),
      ...columnsOf(input),
    };
    const names = Object.keys(cols);
    const rows = await q.query(
      `INSERT INTO registrations (${names.join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING ${REG_COLS}`,
      Object.values(cols),
    );
    const r = toRegistration(rows[0]!);
    await appendAction(q, {
      registrationId: r.id,
      action: "save-draft",
      from: null,
      to: "draft",
      actorId: ctx.user!.id,
      at: ctx.clock.now(),
    });
    await appendAudit(q, ctx, {
      action: "registration.save-draft",
      entityType: "registration",
      entityId: r.id,
      details: { kind: r.kind },
    });
    return r;
  });
}

/** Saves changes to a draft; a stale `draftVersion` is refused so two tabs never overwrite each other silently. */
export async function updateDraft(ctx: Ctx, id: string, input: DraftUpdate): Promise<Registration> {
  const personId = ownPersonId(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (r.personId !== personId) throw notFound("registration");
    assertNext(r, "save-draft");
    checkKindFields(r.kind, input);
    if (input.draftVersion !== r.draftVersion)
      throw new AppError("conflict", "this draft was saved elsewhere since you opened it; reload it", {
        fields: [{ field: "draftVersion", message: `current version is ${r.draftVersion}` }],
      });
    await checkCredentialApplication(q, personId, input.credentialApplicationId);
    const cols = { ...columnsOf(input), updated_at: nowIso(ctx) };
    const names = Object.keys(cols);
    const rows = await q.query(
      `UPDATE registrations SET ${names.map((n, i) => `${n} = $${i + 2}`).join(", ")}, draft_version = draft_version + 1 WHERE id = $1 RETURNING ${REG_COLS}`,
      [id, ...Object.values(cols)],
    );
    await appendAction(q, {
      registrationId: id,
      action: "save-draft",
      from: "draft",
      to: "draft",
      actorId: ctx.user!.id,
      at: ctx.clock.now(),
    });
    return toRegistration(rows[0]!);
  });
}

/** Uploads the thumbprint image (§ 27). The image is kept; only its digest is ever shown. */
export async function uploadThumbprint(
  ctx: Ctx,
  id: string,
  image: { contentType: "image/png" | "image/jpeg" | "image/tiff"; bytes: Buffer },
): Promise<Registration> {
  const u = holderOrStaff(ctx);
  if (image.bytes.length === 0) throw badField("thumbprint", "the file is empty");
  if (image.bytes.length > 2 * 1024 * 1024) throw badField("thumbprint", "at most 2 MB");
  if (!looksLike(image.contentType, image.bytes))
    throw badField("thumbprint", `the file is not a ${image.contentType.slice(6).toUpperCase()} image`);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (!(policy.own(u, r.personId) || policy.work(u))) throw notFound("registration");
    if (r.kind !== "aw-certificate")
      throw badField("thumbprint", "only a certificate application carries a thumbprint");
    assertNext(r, "thumbprint");
    const sha = createHash("sha256").update(image.bytes).digest("hex");
    await q.query(
      "INSERT INTO registration_thumbprints (registration_id, content_type, bytes, sha256, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6)",
      [id, image.contentType, image.bytes, sha, u.id, nowIso(ctx)],
    );
    const rows = await q.query(
      `UPDATE registrations SET thumbprint = 'upload', thumbprint_appointment_on = NULL, updated_at = $2 WHERE id = $1 RETURNING ${REG_COLS}`,
      [id, nowIso(ctx)],
    );
    await appendAction(q, {
      registrationId: id,
      action: "thumbprint",
      from: r.status,
      to: r.status,
      actorId: u.id,
      details: { sha256: sha, contentType: image.contentType },
      at: ctx.clock.now(),
    });
    return toRegistration(rows[0]!);
  });
}

function looksLike(type: string, b: Buffer): boolean {
  if (type === "image/png")
    return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (type === "image/jpeg") return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return (
    b.length > 4 &&
    ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a))
  );
}

/** What a submission lacks, by field (a submission is refused with each named). */
function missingForSubmission(r: Registration): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (r.kind === "aw-certificate") {
    for (const [k, v] of [
      ["make", r.firearm.make],
      ["model", r.firearm.model],
      ["serialNumber", r.firearm.serialNumber],
      ["caliber", r.firearm.caliber],
      ["type", r.firearm.type],
    ] as const) {
      if (!v) out.push({ field: `firearm.${k}`, message: "required to identify the weapon uniquely (§ 27)" });
    }
    if (!r.thumbprint.kind)
      out.push({ field: "thumbprint", message: "upload a thumbprint or book a fingerprinting appointment (§ 27)" });
  } else {
    if (r.magazine.count === null) out.push({ field: "magazine.count", message: "required (§ 24)" });
    if (r.magazine.capacity === null) out.push({ field: "magazine.capacity", message: "required (§ 24)" });
    if (!r.magazine.caliber && !r.magazine.description)
      out.push({ field: "magazine.caliber", message: "give the caliber or a description (§ 24)" });
  }
  if (["service-member-return", "service-member-transferred", "heir"].includes(r.route) && !r.routeEventOn)
    out.push({ field: "routeEventOn", message: "give the day you returned, arrived or inherited" });
  return out;
}

/** Submits a draft: copies the holder's identity from their record, numbers it, asks the law, meets the windows. */
export async function submitDraft(ctx: Ctx, id: string): Promise<{ registration: Registration; findings: Finding[] }> {
  const personId = ownPersonId(ctx);
  if (ctx.today < "2013-04-04") throw badField("submittedOn", "registrations exist from PA 13-3's passage, 2013-04-04");
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (r.personId !== personId) throw notFound("registration");
    assertNext(r, "submit");
    const missing = missingForSubmission(r);
    if (missing.length)
      throw new AppError("validation", `the application is not complete: ${missing.map((m) => m.field).join(", ")}`, {
        fields: missing,
      });
    const person = await getPerson(q, personId);
    const seq = (await q.query<{ n: string }>("SELECT nextval('registration_number_seq')::text AS n"))[0]!.n;
    const number = `${r.kind === "aw-certificate" ? "AWA" : "LCM"}-${seq.padStart(6, "0")}`;
    await q.query(
      `UPDATE registrations SET number = $2, status = 'submitted', submitted_on = $3, holder_first_name = $4, holder_middle_name = $5, holder_last_name = $6,
         holder_birth_on = $7, holder_street = $8, holder_town = $9, holder_state = $10, holder_zip = $11, updated_at = $12 WHERE id = $1`,
      [
        id,
        number,
        ctx.today,
        person.firstName,
        person.middleName,
        person.lastName,
        person.birthDate,
        person.street,
        person.town,
        person.state,
        person.zip,
        nowIso(ctx),
      ],
    );
    await appendAction(q, {
      registrationId: id,
      action: "submit",
      from: "draft",
      to: "submitted",
      actorId: ctx.user!.id,
      at: ctx.clock.now(),
      details: { number },
    });
    const submitted = await getRegistration(q, id);
    const out = await evaluateAndStore(ctx, q, submitted, {}, "rulebook-on-submit");
    await appendAudit(q, ctx, {
      action: "registration.submit",
      entityType: "registration",
      entityId: id,
      details: { number, kind: r.kind, status: out.registration.status },
    });
    return out;
  });
}

/** Creates and submits in one step (the API's single-call submission; the benchmark's surge). */
export async function submitNew(
  ctx: Ctx,
  input: SubmissionInput,
): Promise<{ registration: Registration; findings: Finding[] }> {
  const draft = await createDraft(ctx, input);
  return submitDraft(ctx, draft.id);
}

/** Withdraws a draft or a pending submission. */
export async function withdrawRegistration(ctx: Ctx, id: string): Promise<Registration> {
  const u = holderOrStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (!policy.own(u, r.personId) && !policy.work(u)) throw notFound("registration");
    assertNext(r, "withdraw");
    return setStatus(ctx, q, r, "withdraw", "withdrawn", {});
  });
}

async function setStatus(
  ctx: Ctx,
  q: Queryable,
  r: Registration,
  action: RegistrationAction,
  to: RegistrationStatus,
  extra: {
    decisionId?: string | null;
    note?: string | null;
    details?: Record<string, unknown>;
    set?: Record<string, unknown>;
  },
): Promise<Registration> {
  const set = { status: to, updated_at: nowIso(ctx), ...(extra.set ?? {}) };
  const names = Object.keys(set);
  const rows = await q.query(
    `UPDATE registrations SET ${names.map((n, i) => `${n} = $${i + 2}`).join(", ")} WHERE id = $1 RETURNING ${REG_COLS}`,
    [r.id, ...Object.values(set)],
  );
  await appendAction(q, {
    registrationId: r.id,
    action,
    from: r.status,
    to,
    actorId: ctx.user?.id ?? null,
    decisionId: extra.decisionId ?? null,
    note: extra.note ?? null,
    details: extra.details ?? {},
    at: ctx.clock.now(),
  });
  await appendAudit(q, ctx, {
    action: `registration.${action}`,
    entityType: "registration",
    entityId: r.id,
    details: { from: r.status, to, ...(extra.details ?? {}) },
  });
  return toRegistration(rows[0]!);
}

// ---------------------------------------------------------------- the law

/** The facts of the clocks for this registration's route. */
export function deadlineFacts(
  r: Pick<Registration, "kind" | "route" | "routeEventOn">,
  eligible: boolean | undefined,
): DeclarationFacts {
  const item = ITEM[r.kind];
  const base: DeclarationFacts = {
    item,
    lawfullyPossessedBeforeCutoff: true,
    outOfStateServiceMember: false,
    transferredServiceMember: false,
    movedIntoState: false,
    inherited: false,
    ...(item === "assault-weapon" ? { eligibleForCertificate: eligible, heldCertificateBeforeApril2013: false } : {}),
  };
  switch (r.route) {
    case "service-member-return":
      return {
        ...base,
        outOfStateServiceMember: true,
        stillOnOutOfStateDuty: false,
        ...(r.routeEventOn ? { returnedToStateOn: r.routeEventOn } : {}),
      };
    case "service-member-transferred":
      return {
        ...base,
        lawfullyPossessedBeforeCutoff: false,
        transferredServiceMember: true,
        ...(r.routeEventOn ? { transferredInOn: r.routeEventOn } : {}),
      };
    case "heir":
      return {
        ...base,
        lawfullyPossessedBeforeCutoff: false,
        inherited: true,
        ...(r.routeEventOn ? { inheritedOn: r.routeEventOn } : {}),
      };
    case "earlier-certificate":
      return { ...base, heldCertificateBeforeApril2013: true };
    default:
      return base;
  }
}

/** Is the holder eligible for a certificate of possession? The rule `weapons.certificate-eligibility` reads the evidence. */
async function eligibility(q: Queryable, r: Registration, examiner: boolean | undefined): Promise<boolean | undefined> {
  const creds = examiner === undefined && !r.prohibitedEventId ? await credentialsOfPerson(q, r.personId) : [];
  return certificateEligible({
    examinerFinding: examiner,
    prohibitingEventRecorded: Boolean(r.prohibitedEventId),
    activeCredentialKinds: creds.filter((c) => c.status === "active").map((c) => c.kind),
  });
}

/*
 * QUESTION(legal): a declaration or an application is the person's statement that they hold a
 * working firearm, or working magazines of the capacity given. We read the exclusions that would
 * make the item not covered (permanently inoperable; a magazine permanently altered to ten or
 * fewer, a .22 tube or a lever-action tube, or one that cannot be readily converted beyond its
 * capacity) as not applying unless the person or the examiner says they do.
 */
const STATED_FIREARM = { permanentlyInoperable: false } as const;
const STATED_MAGAZINE = {
  device: "magazine",
  readilyRestoredOrConverted: false,
  permanentlyAlteredToTenOrFewer: false,
  caliber22TubeFeedingDevice: false,
  tubularInLeverAction: false,
  permanentlyInoperable: false,
} as const;

function classificationFacts(r: Registration, extra: Review): { question: string; facts: Record<string, unknown> } {
  if (r.kind === "aw-certificate") {
    const stored = (r.firearm.facts ?? {}) as Record<string, unknown>;
    return {
      question: "firearm-classification",
      facts: {
        item: "firearm",
        firearm: {
          ...STATED_FIREARM,
          ...stored,
          ...(extra.firearm ?? {}),
          model: `${r.firearm.make ?? ""} ${r.firearm.model ?? ""}`.trim(),
          ...(r.firearm.type ? { type: r.firearm.type } : {}),
        },
      },
    };
  }
  const stored = (r.magazine.facts ?? {}) as Record<string, unknown>;
  return {
    question: "magazine-classification",
    facts: {
      ...STATED_MAGAZINE,
      ...stored,
      ...(extra.magazine ?? {}),
      ...(r.magazine.capacity !== null ? { capacity: r.magazine.capacity } : {}),
    },
  };
}

/**
 * Asks the rulebook about a submitted registration (on the day it was submitted) and stores
 * both decisions. Not covered (not an assault weapon / not a large capacity magazine) is
 * answered so, with the rule; a closed window or a missing fact goes to a person.
 */
async function evaluateAndStore(
  ctx: Ctx,
  q: Queryable,
  r: Registration,
  extra: Review,
  by: "rulebook-on-submit" | "examiner",
): Promise<{ registration: Registration; findings: Finding[] }> {
  const on = r.submittedOn!;
  const cls = classificationFacts(r, extra);
  const c = decide(cls.question, on, cls.facts);
  const cId = await storeDecision(q, c, cls.facts, { type: "registration", id: r.id });
  const eligible = r.kind === "aw-certificate" ? await eligibility(q, r, extra.eligibleForCertificate) : undefined;
  const dFacts = deadlineFacts(r, eligible);
  const d = decide("declaration-deadline", on, dFacts);
  const dId = await storeDecision(q, d, dFacts, { type: "registration", id: r.id });
  const findings = [...c.findings, ...d.findings];
  const what = r.kind === "aw-certificate" ? "an assault weapon" : "a large capacity magazine";
  let to: RegistrationStatus;
  let reasons: string[];
  if (c.outcome === "no") {
    to = "not-covered";
    reasons = [
      `not ${what}, so no ${r.kind === "aw-certificate" ? "certificate" : "declaration"} is needed: ${((c.result as { reasons?: string[] }).reasons ?? []).join("; ")}`,
      ...c.findings
        .filter((f) => f.status === "not-met")
        .slice(0, 3)
        .map((f) => `${f.because} (${citationLabel(f.source)})`),
    ];
  } else if (c.outcome === "yes" && d.outcome === "yes") {
    to = "submitted";
    reasons = [];
  } else {
    to = "needs-review";
    reasons = [
      ...(c.outcome === "unknown"
        ? [`whether it is ${what} is not known yet: ${c.missing.join(", ") || "see findings"}`]
        : []),
      ...(d.outcome === "no"
        ? d.findings.filter((f) => f.status === "not-met").map((f) => `${f.because} (${citationLabel(f.source)})`)
        : []),
      ...(d.outcome === "unknown" ? [`the window is not settled: ${d.missing.join(", ") || "see findings"}`] : []),
    ];
  }
  const updated = await setStatus(ctx, q, r, "review", to, {
    decisionId: cId,
    note: extra.note ?? null,
    details: {
      by,
      classification: c.outcome,
      deadline: d.outcome,
      ...(extra.eligibleForCertificate !== undefined ? { eligibleForCertificate: extra.eligibleForCertificate } : {}),
    },
    set: {
      classification_decision_id: cId,
      deadline_decision_id: dId,
      reasons: JSON.stringify(reasons),
      decided_on: to === "not-covered" ? ctx.today : null,
    },
  });
  if (d.outcome === "yes")
    await meetObligations(q, r.personId, ITEM[r.kind], on, `${updated.number} submitted`, [
      "declare-possession",
      "apply-for-certificate",
    ]);
  return { registration: updated, findings };
}

function requireStaff(ctx: Ctx): User {
  const u = requireUser(ctx);
  if (!policy.work(u)) throw forbidden("only licensing staff work the registry queues");
  return u;
}

/** Staff add facts (features, exclusions, the eligibility finding) and ask the law again. */
export async function reviewRegistration(
  ctx: Ctx,
  id: string,
  review: Review,
): Promise<{ registration: Registration; findings: Finding[] }> {
  requireStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    assertNext(r, "review");
    if (r.kind === "aw-certificate" && review.magazine)
      throw badField("magazine", "a certificate application is classified as a firearm");
    if (r.kind === "lcm-declaration" && (review.firearm || review.eligibleForCertificate !== undefined))
      throw badField("firearm", "a magazine declaration is classified as a magazine");
    if (review.firearm)
      await q.query(
        "UPDATE registrations SET firearm_facts = coalesce(firearm_facts, '{}'::jsonb) || $2::jsonb WHERE id = $1",
        [id, JSON.stringify(review.firearm)],
      );
    if (review.magazine)
      await q.query(
        "UPDATE registrations SET magazine_facts = coalesce(magazine_facts, '{}'::jsonb) || $2::jsonb WHERE id = $1",
        [id, JSON.stringify(review.magazine)],
      );
    return evaluateAndStore(ctx, q, await getRegistration(q, id), review, "examiner");
  });
}

async function latestOutcome(q: Queryable, decisionId: string | null): Promise<string | null> {
  if (!decisionId) return null;
  const rows = await q.query<{ outcome: string }>("SELECT outcome FROM decisions WHERE id = $1", [decisionId]);
  return rows[0]?.outcome ?? null;
}

/**
 * Issues a certificate of possession (numbered AWC-) or accepts a declaration. Both decisions
 * must say yes: the item is covered, and the window (which, for weapons, includes the holder's
 * eligibility) is open on the day it was submitted.
 */
export async function issueRegistration(ctx: Ctx, id: string, note?: string): Promise<Registration> {
  requireStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    const action = r.kind === "aw-certificate" ? "issue" : "accept";
    assertNext(r, action);
    const c = await latestOutcome(q, r.classificationDecisionId);
    const d = await latestOutcome(q, r.deadlineDecisionId);
    if (c !== "yes" || d !== "yes") {
      throw new AppError(
        "conflict",
        `the rulebook has not answered yes to both questions (classification: ${c ?? "not asked"}, window: ${d ?? "not asked"}); review with the missing facts, or refuse with reasons`,
        { fields: [{ field: "status", message: "review first" }] },
      );
    }
    if (r.kind === "aw-certificate") {
      const n = (await q.query<{ n: string }>("SELECT nextval('registration_number_seq')::text AS n"))[0]!.n;
      const certificateNumber = `AWC-${n.padStart(6, "0")}`;
      return setStatus(ctx, q, r, "issue", "issued", {
        note: note ?? null,
        details: { certificateNumber },
        set: { certificate_number: certificateNumber, issued_on: ctx.today, decided_on: ctx.today },
      });
    }
    return setStatus(ctx, q, r, "accept", "declared", {
      note: note ?? null,
      set: { issued_on: ctx.today, decided_on: ctx.today },
    });
  });
}

/** Refuses with reasons and the appeal route; the holder is written to. */
export async function refuseRegistration(ctx: Ctx, id: string, reasons: string[]): Promise<Registration> {
  requireStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    assertNext(r, "refuse");
    const updated = await setStatus(ctx, q, r, "refuse", "refused", {
      note: reasons.join("; "),
      details: { appeal: APPEAL_ROUTE },
      set: { reasons: JSON.stringify(reasons), decided_on: ctx.today },
    });
    const person = await findPerson(q, r.personId);
    if (person)
      await notify(q, person, `registration-refused:${r.id}`, "registration-refused", refusalNotice(updated, reasons));
    return updated;
  });
}

/** Staff answer "not covered" themselves (e.g. after an examination), with the rule. */
export async function answerNotCovered(ctx: Ctx, id: string, reason: string): Promise<Registration> {
  requireStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    assertNext(r, "answer-not-covered");
    return setStatus(ctx, q, r, "answer-not-covered", "not-covered", {
      note: reason,
      set: { reasons: JSON.stringify([reason]), decided_on: ctx.today },
    });
  });
}

/**
 * Records a transfer: to a dealer (sale), to DESPP or a police department (by prior
 * arrangement), or by bequest or intestate succession (§§ 24, 28). A bequest of a certified
 * weapon starts the heir's 90-day window (`heir-certificate`).
 */
export async function transferRegistration(ctx: Ctx, id: string, t: Transfer): Promise<Registration> {
  const u = holderOrStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (!policy.own(u, r.personId) && !policy.work(u)) throw notFound("registration");
    assertNext(r, "transfer");
    if (t.on > ctx.today) throw badField("on", "cannot be in the future");
    if (r.issuedOn && t.on < r.issuedOn) throw badField("on", "cannot be before the registration");
    if (t.to === "bequest" && !policy.work(u))
      throw forbidden("a bequest is recorded by licensing staff from the estate's papers");
    if (t.transferCertificateNumber) {
      const tc = await q.query<{ id: string }>(
        "UPDATE transfer_certificates SET registration_id = $2 WHERE number = $1 AND registration_id IS NULL RETURNING id::text",
        [t.transferCertificateNumber, id],
      );
      if (!tc.length)
        throw badField("transferCertificateNumber", "no such certificate of transfer, or it is already linked");
    }
    if (t.heirPersonId) {
      if (t.to !== "bequest") throw badField("heirPersonId", "only a bequest names an heir");
      if (!(await findPerson(q, t.heirPersonId))) throw badField("heirPersonId", "no such person");
    }
    const updated = await setStatus(ctx, q, r, "transfer", "transferred", {
      details: {
        to: t.to,
        on: t.on,
        recipient: t.recipient,
        ...(t.transferCertificateNumber ? { transferCertificateNumber: t.transferCertificateNumber } : {}),
      },
    });
    if (t.to === "dealer")
      await meetObligations(q, r.personId, ITEM[r.kind], t.on, `${r.number} sold to a dealer`, ["sell-to-dealer"]);
    await meetObligations(q, r.personId, ITEM[r.kind], t.on, `${r.number} transferred`, ["transfer-or-surrender"]);
    if (t.to === "bequest" && t.heirPersonId && r.kind === "aw-certificate") {
      const facts: DeclarationFacts = {
        item: "assault-weapon",
        inherited: true,
        inheritedOn: t.on,
        lawfullyPossessedBeforeCutoff: false,
        outOfStateServiceMember: false,
        transferredServiceMember: false,
        movedIntoState: false,
      };
      await storeWindows(q, t.heirPersonId, facts, t.on, null);
    }
    return updated;
  });
}

/** Records a disposal: rendered permanently inoperable, removed from the state, or surrendered. */
export async function disposeRegistration(ctx: Ctx, id: string, d: Disposal): Promise<Registration> {
  const u = holderOrStaff(ctx);
  return ctx.db.tx(async (q) => {
    const r = await getRegistration(q, id, true);
    if (!policy.own(u, r.personId) && !policy.work(u)) throw notFound("registration");
    assertNext(r, "dispose");
    if (d.on > ctx.today) throw badField("on", "cannot be in the future");
    const updated = await setStatus(ctx, q, r, "dispose", "disposed", {
      note: d.note ?? null,
      details: { how: d.how, on: d.on },
    });
    const action =
      d.how === "rendered-inoperable"
        ? "render-permanently-inoperable"
        : d.how === "removed-from-state"
          ? "remove-from-state"
          : "transfer-or-surrender";
    await meetObligations(q, r.personId, ITEM[r.kind], d.on, `${r.number} ${d.how}`, [action, "transfer-or-surrender"]);
    return updated;
  });
}

// ---------------------------------------------------------------- reading

export interface RegistrationView {
  registration: Registration;
  history: Awaited<ReturnType<typeof registrationHistory>>;
  decisions: { id: string; question: string; outcome: string; findings: Finding[] }[];
}

async function viewOf(q: Queryable, r: Registration): Promise<RegistrationView> {
  const ids = [r.classificationDecisionId, r.deadlineDecisionId].filter((x): x is string => !!x);
  const decisions = ids.length
    ? await q.query<{ id: string; question: string; outcome: string; findings: Finding[] }>(
        "SELECT id::text, question, outcome, findings FROM decisions WHERE id = ANY($1::uuid[])",
        [ids],
      )
    : [];
  return { registration: r, history: await registrationHistory(q, r.id), decisions };
}

/**
 * One registration. The holder reads their own; anyone else must be a role § 24 allows and
 * state a purpose it allows; the read (and a refusal) is audited with the purpose.
 */
export async function readRegistration(
  ctx: Ctx,
  id: string,
  purpose: ReadPurpose | undefined,
): Promise<RegistrationView & { access: "own" | "identity" }> {
  const u = requireUser(ctx);
  const r = await getRegistration(ctx.db, id);
  if (policy.own(u, r.personId)) return { ...(await viewOf(ctx.db, r)), access: "own" };
  await assertIdentityRead(ctx, purpose, { entityType: "registration", entityId: id });
  return { ...(await viewOf(ctx.db, r)), access: "identity" };
}

/** Refuses (and audits the refusal of) an identity read by a role or for a purpose § 24 does not allow; audits an allowed one. */
export async function assertIdentityRead(
  ctx: Ctx,
  purpose: ReadPurpose | undefined,
  entity: { entityType: string; entityId?: string; details?: Record<string, unknown> },
): Promise<void> {
  const u = requireUser(ctx);
  const deny = async (why: string, field?: string) => {
    await appendAudit(ctx.db, ctx, {
      action: "registry.read-identity",
      ...entity,
      outcome: "denied",
      ...(purpose ? { purpose: purposeLine(purpose) } : {}),
      details: { ...(entity.details ?? {}), why },
    });
    throw field ? badField(field, why) : forbidden(why);
  };
  if (!policy.identityRole(u))
    await deny(
      "the names and addresses of registrants reach only law enforcement, probation officers and DMHAS, and licensing staff who keep the registry (§ 24)",
    );
  if (!purpose)
    await deny("state why you need this record (Stateline-Purpose header or purpose in the body)", "purpose");
  if (!policy.readIdentity(u, purpose!.code))
    await deny(`${purpose!.code} is not a purpose your role may read registrants for (§ 24)`);
  await appendAudit(ctx.db, ctx, {
    action: "registry.read-identity",
    ...entity,
    purpose: purposeLine(purpose!),
    details: entity.details ?? {},
  });
}

/** Search by serial number or person, for the roles § 24 allows, audited with the purpose. */
export async function searchRegistrations(
  ctx: Ctx,
  f: { serialNumber?: string | undefined; personId?: string | undefined },
  purpose: ReadPurpose | undefined,
): Promise<Registration[]> {
  if (!f.serialNumber && !f.personId) throw badField("serialNumber", "give a serial number or a person");
  await assertIdentityRead(ctx, purpose, { entityType: "registration-search", details: { ...f } });
  if (f.serialNumber) return registrationsBySerial(ctx.db, f.serialNumber);
  return (await registrationsOfPerson(ctx.db, f.personId!)).filter((r) => r.status !== "draft");
}

/** A resident's own registrations, drafts included, and their windows. */
export async function myRegistrations(ctx: Ctx): Promise<{ registrations: Registration[]; obligations: Obligation[] }> {
  const u = requireUser(ctx);
  if (!u.personId) throw forbidden("your login is not linked to a person's record");
  return {
    registrations: await registrationsOfPerson(ctx.db, u.personId),
    obligations: await obligationsOfPerson(ctx.db, u.personId),
  };
}

/** The staff queue (no identities: a name is read through `readRegistration` with a purpose). */
export async function registryQueue(
  ctx: Ctx,
  f: { kind?: RegistrationKind | undefined; status?: RegistrationStatus | undefined; limit: number; offset: number },
) {
  requireStaff(ctx);
  return listQueue(ctx.db, f);
}

// ---------------------------------------------------------------- windows

/** Stores an obligation for each open, dated route the law finds for these facts. */
async function storeWindows(
  q: Queryable,
  personId: string,
  facts: DeclarationFacts,
  on: PlainDate,
  registrationId: string | null,
): Promise<Obligation[]> {
  const d = decide("declaration-deadline", on, facts);
  const decisionId = await storeDecision(q, d, facts, { type: "person", id: personId });
  const routes = (
    d.result as { routes: { rule: string; actions: string[]; deadline: PlainDate | null; open: boolean }[] }
  ).routes;
  const out: Obligation[] = [];
  for (const rt of routes) {
    if (!rt.open || !rt.deadline || !facts.item) continue;
    const o = await insertObligation(q, {
      personId,
      registrationId,
      item: facts.item,
      rule: rt.rule,
      actions: rt.actions,
      dueOn: rt.deadline,
      decisionId,
    });
    if (o) out.push(o);
  }
  return out;
}

/**
 * Records a person's situation (service member away, moved in, inherited, ...) and stores each
 * window the clocks give as an obligation with its due date. Residents record their own; staff
 * name the person.
 */
export async function recordSituation(ctx: Ctx, s: Situation): Promise<{ obligations: Obligation[] }> {
  const u = requireUser(ctx);
  let personId: string;
  if (policy.work(u)) {
    if (!s.personId) throw badField("personId", "name the person");
    personId = s.personId;
  } else if (policy.apply(u)) {
    if (s.personId && s.personId !== u.personId) throw forbidden("residents record their own situation");
    personId = u.personId!;
  } else throw forbidden("only the resident or licensing staff record a situation");
  if (!s.item) throw badField("item", "large-capacity-magazine or assault-weapon");
  const { personId: _drop, ...facts } = s;
  return ctx.db.tx(async (q) => {
    if (!(await findPerson(q, personId))) throw badField("personId", "no such person");
    const obligations = await storeWindows(q, personId, facts, ctx.today, null);
    await appendAudit(q, ctx, {
      action: "registry.record-situation",
      entityType: "person",
      entityId: personId,
      details: { item: s.item, obligations: obligations.length },
    });
    return { obligations };
  });
}

/** Staff list of windows (missed by default). */
export async function listWindows(ctx: Ctx, f: { status?: string | undefined; limit: number; offset: number }) {
  const u = requireUser(ctx);
  if (!policy.obligations(u)) throw forbidden("only licensing staff list the windows");
  return listObligations(ctx.db, f);
}

/** Days before the end of a window on which a notice goes out. */
export const NOTICE_DAYS = [30, 7] as const;

/** The notice before a window ends (one function per notice, so the notices module can take it over). */
export function windowNotice(o: Obligation, today: PlainDate): { subject: string; body: string } {
  const what = o.item === "assault-weapon" ? "assault weapon" : "large capacity magazine";
  const acts = o.actions.map((a) => a.replace(/-/g, " ")).join(", or ");
  return {
    subject: `Your ${what}: ${daysBetween(today, o.dueOn)} days left (until ${o.dueOn})`,
    body: [
      `Under PA 13-3 you must ${acts} by ${o.dueOn} (rule ${o.rule}).`,
      "Apply or declare online in Stateline, or contact the DESPP Special Licensing and Firearms Unit.",
    ].join("\n"),
  };
}

/** The notice when a certificate or declaration is refused, with reasons and the appeal route. */
export function refusalNotice(r: Registration, reasons: string[]): { subject: string; body: string } {
  return {
    subject: `${r.kind === "aw-certificate" ? "Certificate of possession" : "Magazine declaration"} ${r.number} was refused`,
    body: [
      "Reasons:",
      ...reasons.map((x) => `- ${x}`),
      `Appeal: ${APPEAL_ROUTE.to}: ${APPEAL_ROUTE.how} (${APPEAL_ROUTE.citation})`,
    ].join("\n"),
  };
}

/** The notice when a prohibiting event requires transfer or surrender. */
export function surrenderNotice(r: Registration, dueOn: PlainDate): { subject: string; body: string } {
  return {
    subject: `Transfer or surrender required: ${r.certificateNumber ?? r.number}`,
    body: `A recorded event makes you ineligible to possess this item. Transfer it to an eligible person or a dealer, or surrender it to DESPP, by ${dueOn} (CGS § 29-36k). You may appeal the event's record through DESPP.`,
  };
}

async function notify(
  q: Queryable,
  person: Person,
  dedupeKey: string,
  template: string,
  n: { subject: string; body: string },
): Promise<void> {
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
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedupe_key) DO NOTHING",
    [channel, person.id, recipient, template, n.subject, n.body, dedupeKey],
  );
}

/** The daily sweep: notices 30 and 7 days before each window ends; windows past their end marked missed. */
export async function sweepWindows(ctx: Ctx): Promise<{ notices: number; missed: number }> {
  return ctx.db.tx(async (q) => {
    let notices = 0;
    for (const days of NOTICE_DAYS) {
      for (const o of await dueWithin(q, ctx.today, addDays(ctx.today, days))) {
        const person = await findPerson(q, o.personId);
        if (!person) continue;
        const before = (
          await q.query("SELECT 1 FROM outbox WHERE dedupe_key = $1", [`registry-window:${o.id}:${days}`])
        ).length;
        if (before) continue;
        await notify(q, person, `registry-window:${o.id}:${days}`, "registry-window", windowNotice(o, ctx.today));
        notices++;
      }
    }
    const missed = await markMissed(q, ctx.today);
    for (const o of missed)
      await appendAudit(q, ctx, {
        action: "registry.window-missed",
        entityType: "registry-obligation",
        entityId: o.id,
        details: { rule: o.rule, dueOn: o.dueOn },
      });
    return { notices, missed: missed.length };
  });
}

// ---------------------------------------------------------------- enforcement link

/**
 * Marks every live registration of a person a prohibiting event reached, and starts the
 * obligation to transfer or surrender (due by `transferDeadlineOnIneligibility`). Call it in the
 * enforcement module's transaction (`q`). Returns the registrations marked.
 * QUESTION(legal): CGS § 29-36k's two business days are written for handguns (and, from
 * 2013-10-01, ammunition); we apply the same clock to certified assault weapons and declared
 * magazines, whose possession the event also ends.
 */
export async function markRegistrationsOfPerson(
  ctx: Ctx,
  q: Queryable,
  personId: string,
  eventId: string,
): Promise<{ registrationId: string; number: string | null; obligationId: string | null; dueOn: PlainDate }[]> {
  const rows = await q.query(
    `SELECT ${REG_COLS} FROM registrations WHERE person_id = $1 AND status IN ('submitted','needs-review','issued','declared') FOR UPDATE`,
    [personId],
  );
  const dueOn = transferDeadlineOnIneligibility(ctx.today).deadline;
  const person = await findPerson(q, personId);
  const out: { registrationId: string; number: string | null; obligationId: string | null; dueOn: PlainDate }[] = [];
  for (const row of rows) {
    const r = toRegistration(row);
    const live = r.status === "issued" || r.status === "declared";
    const updated = await setStatus(ctx, q, r, "mark-prohibited", live ? "surrender-required" : r.status, {
      details: { eventId },
      set: { prohibited_event_id: eventId },
    });
    let obligationId: string | null = null;
    if (live) {
      const o = await insertObligation(q, {
        personId,
        registrationId: r.id,
        item: ITEM[r.kind],
        rule: "criminal-possession.transfer-deadline",
        actions: ["transfer-or-surrender"],
        dueOn,
        eventId,
      });
      obligationId = o?.id ?? null;
      if (person)
        await notify(
          q,
          person,
          `registry-surrender:${r.id}:${eventId}`,
          "registry-surrender",
          surrenderNotice(updated, dueOn),
        );
    }
    out.push({ registrationId: r.id, number: r.certificateNumber ?? r.number, obligationId, dueOn });
  }
  return out;
}
