/**
 * The Deadly Weapon Offender Registry (PA 13-3 §§ 18-22, CGS §§ 54-280 to 54-280a): who must
 * register (decided by the rulebook's `offender-registration` question), the registration with
 * its five-year term, the annual updates with their notices and police reports, name and
 * address changes with their five-business-day grace, suspension and reinstatement, and the
 * non-compliance lists (each failure a class D felony, each with a case).
 *
 * A registrant's status is the result of its latest appended action (offender_actions); which
 * action may follow which status is the NEXT table. Every read of registry data is audited with
 * its purpose; a refused read is audited too. Clocks run as jobs (jobs.ts).
 */
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type PlainDate, addDays, isPlainDate } from "../../law/core/dates.ts";
import { citationLabel } from "../../law/core/rules.ts";
import { annualUpdateWindow, ANNUAL_UPDATE, updateWindows } from "../../law/ct/offenders/annual-update.ts";
import {
  addressChangeDueOn,
  CHANGE_GRACE_BUSINESS_DAYS,
  nameChangeDueOn,
} from "../../law/ct/offenders/name-address-change.ts";
import { INITIAL_REGISTRATION } from "../../law/ct/offenders/registration-due.ts";
import { registrationEndsOn } from "../../law/ct/offenders/registration-term.ts";
import { SUSPENSION, suspensionPermitted } from "../../law/ct/offenders/suspension.ts";
import { AppError, badField, forbidden, notFound } from "../../lib/errors.ts";
import { type ReadPurpose, purposeLine } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import type { User } from "../auth/index.ts";
import { decide, storeDecision } from "../decisions/index.ts";
import { openCaseForPerson } from "../leads/index.ts";
import { assertTown, createPerson, getPerson } from "../people/index.ts";
import { offenderPolicy } from "./policy.ts";
import {
  type Change,
  type Noncompliance,
  type Registrant,
  type RegistrantStatus,
  type Verification,
  changesOf,
  findRegistrant,
  historyOf,
  NONCOMPLIANCE_SELECT,
  registrantsOfPerson,
  SELECT,
  toNoncompliance,
  toVerification,
  VERIFICATION_COLS,
  verificationsOf,
} from "./queries.ts";
import type {
  ChangeInput,
  CourtRecord,
  LookupInput,
  RegistrationInput,
  SuspendInput,
  VerificationReport,
} from "./schemas.ts";

export type RegistrantAction =
  "register" | "report-verification" | "record-change" | "suspend" | "reinstate" | "photo" | "end-term";

/** Which actions each status allows. */
export const NEXT: Record<RegistrantStatus, readonly RegistrantAction[]> = {
  "awaiting-registration": ["register", "photo", "suspend"],
  registered: ["report-verification", "record-change", "suspend", "photo", "end-term"],
  suspended: ["reinstate", "record-change", "photo", "end-term"],
  ended: [],
};

function assertNext(r: Registrant, a: RegistrantAction): void {
  if (!NEXT[r.status].includes(a))
    throw new AppError("conflict", `a registrant whose registration is ${r.status} cannot ${a.replaceAll("-", " ")}`);
}

/**
 * Operational choice, not law: DESPP mails the annual notice 45 days before the anniversary, so
 * it leaves well before the last day the Act allows (30 calendar days before, § 54-280a).
 */
export const NOTICE_SENT_DAYS_BEFORE = 45;

const FELONY_TEXT = "class D felony (CGS § 54-280a)";
const REGISTRATION_CITE = citationLabel(INITIAL_REGISTRATION[0]!.source);
const UPDATE_CITE = citationLabel(ANNUAL_UPDATE[0]!.source);
const CHANGE_CITE = citationLabel(CHANGE_GRACE_BUSINESS_DAYS[0]!.source);

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}

/** Refuses with an audited "denied" entry (a refused read of confidential data is audited too). */
async function refuse(
  ctx: Ctx,
  action: string,
  entityId?: string,
  why = "the offender registry is open only to law enforcement, DESPP's registry staff and the registrant",
): Promise<never> {
  await appendAudit(ctx.db, ctx, {
    action,
    entityType: "offender-registrant",
    ...(entityId ? { entityId } : {}),
    outcome: "denied",
    details: { role: ctx.user?.role ?? null },
  });
  throw forbidden(why);
}

async function act(
  q: Queryable,
  ctx: Ctx,
  r: Pick<Registrant, "id" | "status">,
  action: string,
  toStatus: RegistrantStatus | null,
  details: Record<string, unknown> = {},
  onDate: PlainDate = ctx.today,
) {
  await q.query(
    "INSERT INTO offender_actions (registrant_id, action, from_status, to_status, on_date, actor_id, details) VALUES ($1,$2,$3,$4,$5,$6,$7)",
    [r.id, action, r.status, toStatus ?? r.status, onDate, ctx.user?.id ?? null, JSON.stringify(details)],
  );
}

// ---------------------------------------------------------------- notices (one function per notice)

/** Where a notice to the police goes: the department or troop with jurisdiction in a town. */
export const policeOf = (town: string | null, state = "CT") =>
  state === "CT"
    ? `Police department or state police troop with jurisdiction in ${town ?? "(town not known)"}`
    : `State police or registry agency of ${state}`;

export const notices = {
  duty: (r: Registrant) => ({
    subject: "You must register with the Deadly Weapon Offender Registry",
    body:
      `You were ${r.disposition === "convicted" ? "convicted" : "found not guilty by reason of mental disease or defect"} of a deadly weapon offense (${r.offenseDescription}, CGS § ${r.offenseStatute}). ` +
      (r.fromDocCustody
        ? `You must register before your release (${r.releasedOn}) as the Commissioner of Correction directs.`
        : `You must register with DESPP by ${r.registrationDueOn} (14 calendar days after your release on ${r.releasedOn}).`) +
      ` Failure to register is a ${FELONY_TEXT}. ${REGISTRATION_CITE}.`,
  }),
  registeredToPolice: (r: Registrant) => ({
    subject: `Deadly weapon offender registered in your jurisdiction: ${r.number}`,
    body: `${r.firstName} ${r.lastName} (born ${r.birthDate}) registered on ${r.registeredOn}, home address ${r.homeStreet ?? ""}, ${r.homeTown ?? ""}. Registration ${r.number} runs through ${r.endsOn}. Confidential: not a public record (CGS § 54-280a).`,
  }),
  obligations: (r: Registrant, windows: { anniversary: PlainDate; closesOn: PlainDate }[]) => ({
    subject: `Your registration ${r.number} and what you must do`,
    body: [
      `You registered on ${r.registeredOn}. Your registration runs through ${r.endsOn}.`,
      "Each year, appear at the police department or state police troop where you live to verify your registration:",
      ...windows.map((w) => `- between ${w.anniversary} and ${w.closesOn}`),
      `Report any change of name or address in writing without undue delay; not reporting within five business days is a ${FELONY_TEXT}.`,
    ].join("\n"),
  }),
  annualToRegistrant: (r: Registrant, v: Verification) => ({
    subject: `Annual registration update due between ${v.anniversaryOn} and ${v.closesOn}`,
    body: `Registration ${r.number}: appear at the police department or state police troop where you live between ${v.anniversaryOn} and ${v.closesOn} to verify and update your registration. Failure is a ${FELONY_TEXT}. ${UPDATE_CITE}.`,
  }),
  annualToPolice: (r: Registrant, v: Verification) => ({
    subject: `Annual update due: registrant ${r.number}`,
    body: `${r.firstName} ${r.lastName} (born ${r.birthDate}), ${r.homeStreet ?? ""}, ${r.homeTown ?? ""}, must appear between ${v.anniversaryOn} and ${v.closesOn}. Report to DESPP by ${v.reportDueBy} whether they appeared, or the deferral with its new date and good cause. ${UPDATE_CITE}.`,
  }),
  addressChange: (r: Registrant, from: string, to: string) => ({
    subject: `Registrant ${r.number} changed address`,
    body: `${r.firstName} ${r.lastName} (born ${r.birthDate}) moved from ${from} to ${to}. Confidential registry information (CGS § 54-280a).`,
  }),
  nameChange: (r: Registrant, from: string, to: string) => ({
    subject: `Registrant ${r.number} changed name`,
    body: `Registrant ${r.number} (born ${r.birthDate}), formerly ${from}, is now ${to}. Notice under DESPP's name-change protocol (PA 13-3 §§ 18-22).`,
  }),
  reinstated: (r: Registrant) => ({
    subject: `Registration ${r.number} reinstated`,
    body: `The registration of ${r.firstName} ${r.lastName} (born ${r.birthDate}), ${r.homeStreet ?? ""}, ${r.homeTown ?? ""}, is reinstated; it still ends on ${r.endsOn}. ${citationLabel(SUSPENSION)}.`,
  }),
  policeReportOverdue: (r: Registrant, v: Verification) => ({
    subject: `Overdue: annual update report for registrant ${r.number}`,
    body: `The report on whether ${r.firstName} ${r.lastName} appeared for the update due ${v.anniversaryOn} to ${v.closesOn} was due by ${v.reportDueBy}. ${UPDATE_CITE}.`,
  }),
};

async function mailPerson(
  q: Queryable,
  personId: string,
  template: string,
  n: { subject: string; body: string },
  dedupeKey: string,
  to?: { email?: string | null; address?: string },
) {
  const p = await getPerson(q, personId);
  const email = to?.email ?? p.email;
  // The annual notice is "mailed": a letter to the home address; other notices go by e-mail when known.
  const channel = template === "offender-annual-notice" || !email ? "letter" : "email";
  const recipient =
    channel === "email"
      ? email!
      : (to?.address ??
        [`${p.firstName} ${p.lastName}`, p.street, `${p.town ?? ""}, ${p.state} ${p.zip ?? ""}`]
          .filter(Boolean)
          .join("\n"));
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedupe_key) DO NOTHING",
    [channel, personId, recipient, template, n.subject, n.body, dedupeKey],
  );
}

async function mailAgency(
  q: Queryable,
  recipient: string,
  template: string,
  n: { subject: string; body: string },
  dedupeKey: string,
) {
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ('letter',NULL,$1,$2,$3,$4,$5) ON CONFLICT (dedupe_key) DO NOTHING",
    [recipient, template, n.subject, n.body, dedupeKey],
  );
}

const addressLine = (r: Pick<Registrant, "homeStreet" | "homeTown" | "homeState" | "homeZip">) =>
  [r.homeStreet, r.homeTown, `${r.homeState}${r.homeZip ? ` ${r.homeZip}` : ""}`].filter(Boolean).join(", ");

// ---------------------------------------------------------------- who must register

export interface DutyResult {
  /** yes: a registrant record exists (new or already there); no: no duty; unknown: facts missing, a person must review. */
  outcome: "yes" | "no" | "unknown";
  decisionId: string;
  registrant: Registrant | null;
  created: boolean;
  missing: string[];
  findings: { id: string; status: string; because: string; citation: string }[];
}

/**
 * Decides, from a court record (conviction or not-guilty-by-reason finding), whether the person
 * must register, and if so enters them as awaiting registration with the due date (14 calendar
 * days after release, or before release from DOC custody). For the court feed: call it in the
 * feed's transaction with a context whose user may be a feed account. The same record twice
 * (person, statute, disposition date) gives the existing registrant. "Unknown" creates nothing:
 * it answers the missing facts for a person to resolve, never a refusal.
 */
export async function registrationDutyFromCourtRecord(
  ctx: Ctx,
  q: Queryable,
  record: CourtRecord,
): Promise<DutyResult> {
  if (record.dispositionOn > ctx.today) throw badField("dispositionOn", "cannot be in the future");
  if (record.releasedOn < record.dispositionOn && !record.fromDocCustody)
    throw badField("releasedOn", "cannot be before the disposition");
  let personId = record.personId;
  if (personId)
    await getPerson(q, personId).catch(() => {
      throw badField("personId", "no such person");
    });
  else {
    const p = record.person!;
    if (p.town && (p.state ?? "CT") === "CT") await assertTown(q, p.town, "person.town");
    personId = (await createPerson(q, p)).id;
  }
  const facts = {
    offense: {
      statute: record.statute,
      subsection: record.subsection,
      secondOrSubsequent: record.secondOrSubsequent,
      isFelony: record.isFelony,
      courtFoundFirearm: record.courtFoundFirearm,
    },
    disposition: record.disposition,
    releasedIntoCommunityOn: record.releasedOn,
    fromDocCustody: record.fromDocCustody,
    registered: false,
  };
  const decision = decide("offender-registration", ctx.today, facts);
  const offenseAnswer = decide("deadly-weapon-offense", ctx.today, facts.offense);
  const findings = decision.findings.map((f) => ({
    id: f.id,
    status: f.status,
    because: f.because,
    citation: citationLabel(f.source),
  }));
  if (decision.outcome !== "yes") {
    const decisionId = await storeDecision(q, decision, facts, { type: "person", id: personId });
    await appendAudit(q, ctx, {
      action: "offender.duty-decided",
      entityType: "person",
      entityId: personId,
      details: { outcome: decision.outcome, decisionId, statute: record.statute },
    });
    return {
      outcome: decision.outcome,
      decisionId,
      registrant: null,
      created: false,
      missing: decision.missing,
      findings,
    };
  }
  const result = decision.result as { registrationDueOn: PlainDate };
  const basis = (offenseAnswer.result as { basis: "table-1" | "felony-with-firearm-finding" }).basis;
  const matched = (offenseAnswer.result as { matched: string[] }).matched;
  const description =
    record.offenseDescription ??
    (matched.length ? matched.join("; ") : "Felony committed with a firearm (court finding)");
  const existing = await q.query<{ id: string }>(
    "SELECT id::text FROM offender_registrants WHERE person_id = $1 AND offense_statute = $2 AND disposition_on = $3",
    [personId, record.statute, record.dispositionOn],
  );
  if (existing[0]) {
    const decisionId = await storeDecision(q, decision, facts, { type: "offender-registrant", id: existing[0].id });
    return {
      outcome: "yes",
      decisionId,
      registrant: (await findRegistrant(q, existing[0].id))!,
      created: false,
      missing: [],
      findings,
    };
  }
  const seq = await q.query<{ n: number }>("SELECT nextval('offender_number_seq') AS n");
  const person = await getPerson(q, personId);
  const ins = await q.query<{ id: string }>(
    `INSERT INTO offender_registrants (number, person_id, source, source_reference, offense_statute, offense_description, basis, disposition, disposition_on, court_docket,
       released_on, from_doc_custody, registration_due_on, status, home_street, home_town, home_state, home_zip, email, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,'awaiting-registration',$14,$15,$16,$17,$18,$19) RETURNING id::text`,
    [
      `DWO-${seq[0]!.n}`,
      personId,
      record.source,
      record.sourceReference ?? null,
      record.statute,
      description.slice(0, 1000),
      basis,
      record.disposition,
      record.dispositionOn,
      record.courtDocket ?? null,
      record.releasedOn,
      record.fromDocCustody,
      result.registrationDueOn,
      person.street,
      person.town,
      person.state,
      person.zip,
      person.email,
      ctx.user?.id ?? null,
    ],
  );
  const id = ins[0]!.id;
  const decisionId = await storeDecision(q, decision, facts, { type: "offender-registrant", id });
  await q.query("UPDATE offender_registrants SET decision_id = $2 WHERE id = $1", [id, decisionId]);
  const r = (await findRegistrant(q, id))!;
  await q.query(
    "INSERT INTO offender_actions (registrant_id, action, from_status, to_status, on_date, actor_id, details) VALUES ($1,'entered',NULL,'awaiting-registration',$2,$3,$4)",
    [
      id,
      ctx.today,
      ctx.user?.id ?? null,
      JSON.stringify({
        source: record.source,
        decisionId,
        registrationDueOn: result.registrationDueOn,
        citation: REGISTRATION_CITE,
      }),
    ],
  );
  await mailPerson(q, personId, "offender-duty", notices.duty(r), `offender-duty:${id}`);
  await appendAudit(q, ctx, {
    action: "offender.enter",
    entityType: "offender-registrant",
    entityId: id,
    details: { source: record.source, decisionId },
  });
  return { outcome: "yes", decisionId, registrant: r, created: true, missing: [], findings };
}

/** Staff key a court record (from paper or from corrections) until the court feed lands. */
export async function keyCourtRecord(ctx: Ctx, record: CourtRecord): Promise<DutyResult> {
  const user = requireUser(ctx);
  if (!offenderPolicy.maintain(user)) return refuse(ctx, "offender.enter");
  return ctx.db.tx((q) => registrationDutyFromCourtRecord(ctx, q, record));
}

// ---------------------------------------------------------------- registration

/** The registration itself: the information § 54-280a lists, the five-year term, the four annual updates. */
export async function completeRegistration(ctx: Ctx, id: string, input: RegistrationInput): Promise<Registrant> {
  const user = requireUser(ctx);
  if (!offenderPolicy.maintain(user)) return refuse(ctx, "offender.register", id);
  const on = input.registeredOn ?? ctx.today;
  if (on > ctx.today) throw badField("registeredOn", "cannot be in the future");
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r) throw notFound("registrant");
    assertNext(r, "register");
    if (on < r.dispositionOn) throw badField("registeredOn", "cannot be before the conviction or finding");
    if (input.homeState === "CT") await assertTown(q, input.homeTown, "homeTown");
    const endsOn = registrationEndsOn({ initialRegistrationOn: on });
    await q.query(
      `UPDATE offender_registrants SET status = 'registered', registered_on = $2, ends_on = $3, aliases = $4, physical_description = $5, home_street = $6, home_town = $7,
         home_state = $8, home_zip = $9, email = coalesce($10, email), fingerprint_appointment_on = $11, fingerprint_reference = $12, criminal_history_reference = $13,
         photo_reference = coalesce($14, photo_reference), dna_status = $15, signed_on = $2 WHERE id = $1`,
      [
        id,
        on,
        endsOn,
        JSON.stringify(input.aliases),
        input.physicalDescription,
        input.homeStreet,
        input.homeTown,
        input.homeState,
        input.homeZip ?? null,
        input.email ?? null,
        input.fingerprintAppointmentOn ?? null,
        input.fingerprintReference ?? null,
        input.criminalHistoryReference,
        input.photoReference ?? null,
        input.dnaStatus,
      ],
    );
    const windows = updateWindows({ initialRegistrationOn: on });
    for (const w of windows) {
      await q.query(
        "INSERT INTO offender_verifications (registrant_id, year, anniversary_on, closes_on, notice_mail_by, report_due_by) VALUES ($1,$2,$3,$4,$5,$6)",
        [id, w.year, w.anniversary, w.closesOn, w.noticeMailBy, w.appearanceReportDueBy],
      );
    }
    await q.query(
      "UPDATE offender_noncompliance SET resolved_on = $2 WHERE registrant_id = $1 AND kind = 'missed-registration' AND resolved_on IS NULL",
      [id, on],
    );
    await act(
      q,
      ctx,
      r,
      "registered",
      "registered",
      { registeredOn: on, endsOn, late: on > r.registrationDueOn, citation: REGISTRATION_CITE },
      on,
    );
    const done = (await findRegistrant(q, id))!;
    await mailAgency(
      q,
      policeOf(done.homeTown, done.homeState),
      "offender-registered",
      notices.registeredToPolice(done),
      `offender-registered:${id}`,
    );
    await mailPerson(
      q,
      done.personId,
      "offender-obligations",
      notices.obligations(done, windows),
      `offender-obligations:${id}`,
      { email: done.email },
    );
    await appendAudit(q, ctx, {
      action: "offender.register",
      entityType: "offender-registrant",
      entityId: id,
      details: { registeredOn: on, endsOn },
    });
    return done;
  });
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Stores a photograph (the most recent one, by the day taken, is the registry's photograph). */
export async function addPhoto(
  ctx: Ctx,
  id: string,
  photo: {
    contentType: "image/jpeg" | "image/png";
    bytes: Uint8Array;
    takenBy: "DESPP" | "DOC" | "law-enforcement" | "CSSD";
    takenOn: PlainDate;
  },
): Promise<Registrant> {
  const user = requireUser(ctx);
  if (!offenderPolicy.maintain(user) && user.role !== "law_enforcement") return refuse(ctx, "offender.photo", id);
  if (photo.takenOn > ctx.today) throw badField("takenOn", "cannot be in the future");
  if (photo.bytes.length === 0 || photo.bytes.length > 2 * 1024 * 1024)
    throw badField("photo", "must be between 1 byte and 2 MB");
  const ok = photo.contentType === "image/jpeg" ? startsWith(photo.bytes, JPEG) : startsWith(photo.bytes, PNG);
  if (!ok) throw badField("photo", `the file is not a ${photo.contentType === "image/jpeg" ? "JPEG" : "PNG"} image`);
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r) throw notFound("registrant");
    assertNext(r, "photo");
    const ins = await q.query<{ id: string }>(
      "INSERT INTO offender_photos (registrant_id, content_type, bytes, taken_by, taken_on, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id::text",
      [id, photo.contentType, photo.bytes, photo.takenBy, photo.takenOn, user.id],
    );
    const ref = `photo:${ins[0]!.id}`;
    if (!r.photoTakenOn || photo.takenOn >= r.photoTakenOn) {
      await q.query(
        "UPDATE offender_registrants SET photo_reference = $2, photo_taken_by = $3, photo_taken_on = $4 WHERE id = $1",
        [id, ref, photo.takenBy, photo.takenOn],
      );
    }
    await act(q, ctx, r, "photo", null, { reference: ref, takenBy: photo.takenBy, takenOn: photo.takenOn });
    await appendAudit(q, ctx, {
      action: "offender.photo",
      entityType: "offender-registrant",
      entityId: id,
      details: { reference: ref },
    });
    return (await findRegistrant(q, id))!;
  });
}

/** The registry's current photograph (an audited read with its purpose). */
export async function getPhoto(
  ctx: Ctx,
  id: string,
  purpose: ReadPurpose,
): Promise<{ contentType: string; bytes: Uint8Array }> {
  const user = requireUser(ctx);
  const own = offenderPolicy.own(user) && (await registrantsOfPerson(ctx.db, user.personId!)).some((r) => r.id === id);
  if (!offenderPolicy.read(user) && !own) return refuse(ctx, "offender.photo-read", id);
  const r = await findRegistrant(ctx.db, id);
  if (!r || !visibleTo(user, r, own)) throw notFound("registrant");
  const ref = r.photoReference?.startsWith("photo:") ? Number(r.photoReference.slice(6)) : NaN;
  if (!Number.isInteger(ref)) throw notFound("photograph");
  const rows = await ctx.db.query(
    "SELECT content_type, bytes FROM offender_photos WHERE id = $1 AND registrant_id = $2",
    [ref, id],
  );
  if (!rows[0]) throw notFound("photograph");
  await appendAudit(ctx.db, ctx, {
    action: "offender.photo-read",
    entityType: "offender-registrant",
    entityId: id,
    purpose: purposeLine(purpose),
  });
  return { contentType: rows[0].content_type, bytes: rows[0].bytes };
}

// ---------------------------------------------------------------- reads

/** Suspended registrations are withdrawn from law enforcement's view (§ 54-280a); ended ones are kept for the keepers only. */
function visibleTo(user: User, r: Registrant, own = false): boolean {
  if (own) return true;
  if (offenderPolicy.maintain(user)) return true;
  return r.status === "registered" || r.status === "awaiting-registration";
}

export interface LookupHit {
  id: string;
  number: string;
  firstName: string;
  lastName: string;
  birthDate: PlainDate;
  homeTown: string | null;
  status: RegistrantStatus;
  photoReference: string | null;
}

/** COLLECT-style look-up by name, date of birth and town; one audited entry with the purpose and the criteria. */
export async function lookup(ctx: Ctx, input: LookupInput): Promise<LookupHit[]> {
  const user = requireUser(ctx);
  if (!offenderPolicy.read(user)) return refuse(ctx, "offender.lookup");
  const keepers = offenderPolicy.maintain(user);
  const rows = await ctx.db.query(
    `${SELECT} WHERE ($1::text IS NULL OR lower(coalesce(r.current_last_name, p.last_name)) = lower($1) OR r.aliases @> to_jsonb(ARRAY[$1::text]) OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.aliases) a WHERE lower(a) LIKE '%' || lower($1)))
       AND ($2::text IS NULL OR lower(coalesce(r.current_first_name, p.first_name)) LIKE lower($2) || '%')
       AND ($3::date IS NULL OR p.birth_date = $3::date)
       AND ($4::text IS NULL OR lower(r.home_town) = lower($4))
       AND ($5::boolean OR r.status IN ('registered','awaiting-registration'))
     ORDER BY 4, 5 LIMIT 100`,
    [input.lastName ?? null, input.firstName ?? null, input.birthDate ?? null, input.town ?? null, keepers],
  );
  const hits = rows.map((x) => ({
    id: x.id,
    number: x.number,
    firstName: x.first_name,
    lastName: x.last_name,
    birthDate: x.birth_date,
    homeTown: x.home_town,
    status: x.status,
    photoReference: x.photo_reference,
  }));
  await appendAudit(ctx.db, ctx, {
    action: "offender.lookup",
    entityType: "offender-registry",
    purpose: purposeLine(input.purpose),
    details: {
      criteria: { lastName: input.lastName, firstName: input.firstName, birthDate: input.birthDate, town: input.town },
      results: hits.length,
      ids: hits.map((h) => h.id),
    },
  });
  return hits;
}

export interface RegistrantDetail {
  registrant: Registrant;
  verifications: Verification[];
  changes: Change[];
  noncompliance: Noncompliance[];
  history: Awaited<ReturnType<typeof historyOf>>;
  next: readonly RegistrantAction[];
}

async function detail(ctx: Ctx, r: Registrant): Promise<RegistrantDetail> {
  const nc = await ctx.db.query(`${NONCOMPLIANCE_SELECT} WHERE n.registrant_id = $1 ORDER BY n.id`, [r.id]);
  return {
    registrant: r,
    verifications: await verificationsOf(ctx.db, r.id),
    changes: await changesOf(ctx.db, r.id),
    noncompliance: nc.map(toNoncompliance),
    history: await historyOf(ctx.db, r.id),
    next: NEXT[r.status],
  };
}

/** One registrant's record (law enforcement and the keepers), an audited read with its purpose. */
export async function getRegistrant(ctx: Ctx, id: string, purpose: ReadPurpose): Promise<RegistrantDetail> {
  const user = requireUser(ctx);
  if (!offenderPolicy.read(user)) return refuse(ctx, "offender.read", id);
  const r = await findRegistrant(ctx.db, id);
  if (!r || !visibleTo(user, r)) throw notFound("registrant");
  await appendAudit(ctx.db, ctx, {
    action: "offender.read",
    entityType: "offender-registrant",
    entityId: id,
    purpose: purposeLine(purpose),
  });
  return detail(ctx, r);
}

export interface Obligation {
  what: string;
  dueOn: PlainDate | null;
  status: "due" | "done" | "missed" | "deferred" | "info";
  citation: string;
}

/** What a registrant must do next, in words, with dates and citations. */
export function obligationsOf(d: RegistrantDetail, today: PlainDate): Obligation[] {
  const r = d.registrant;
  const out: Obligation[] = [];
  if (r.status === "awaiting-registration") {
    out.push({
      what: r.fromDocCustody
        ? "Register with DESPP before your release, as the Commissioner of Correction directs"
        : "Register with DESPP (14 calendar days after release)",
      dueOn: r.registrationDueOn,
      status: today > r.registrationDueOn ? "missed" : "due",
      citation: REGISTRATION_CITE,
    });
  }
  for (const v of d.verifications) {
    if (r.endsOn && v.anniversaryOn > r.endsOn) continue;
    const done = v.outcome === "appeared";
    out.push({
      what: `Annual update ${v.year}: appear at the police department or troop where you live, from ${v.anniversaryOn}`,
      dueOn: v.closesOn,
      status: done
        ? "done"
        : v.missedFlaggedOn || today > v.closesOn
          ? "missed"
          : v.outcome === "deferred"
            ? "deferred"
            : "due",
      citation: UPDATE_CITE,
    });
  }
  for (const c of d.changes.filter((x) => x.reportedOn === null)) {
    out.push({
      what: `Report your ${c.kind} change of ${c.changedOn} in writing`,
      dueOn: c.dueOn,
      status: today > c.dueOn ? "missed" : "due",
      citation: CHANGE_CITE,
    });
  }
  if (r.status === "suspended")
    out.push({
      what: `Registration suspended (${r.suspensionGround}); it is reinstated when that ends, and still ends on ${r.endsOn}`,
      dueOn: null,
      status: "info",
      citation: citationLabel(SUSPENSION),
    });
  out.push({
    what: "Report any change of name or address in writing without undue delay (a felony after five business days)",
    dueOn: null,
    status: "info",
    citation: CHANGE_CITE,
  });
  return out;
}

/** A registrant's own records and obligations (audited as a read of their own record). */
export async function myRegistrations(ctx: Ctx): Promise<(RegistrantDetail & { obligations: Obligation[] })[]> {
  const user = requireUser(ctx);
  if (!offenderPolicy.own(user)) return refuse(ctx, "offender.read-own");
  const mine = await registrantsOfPerson(ctx.db, user.personId!);
  const out = [];
  for (const r of mine) {
    const d = await detail(ctx, r);
    out.push({ ...d, obligations: obligationsOf(d, ctx.today) });
  }
  if (mine.length)
    await appendAudit(ctx.db, ctx, {
      action: "offender.read-own",
      entityType: "person",
      entityId: user.personId!,
      purpose: "own-record: a registrant reads their own registration",
    });
  return out;
}

// ---------------------------------------------------------------- annual update

/**
 * The police department's or troop's report (§ 54-280a): appeared, did not appear, or deferred
 * for good cause with a new date. A deferral moves the last day to appear; a later report of
 * the appearance completes the year.
 */
export async function reportVerification(ctx: Ctx, id: string, input: VerificationReport): Promise<Verification> {
  const user = requireUser(ctx);
  if (!offenderPolicy.reportVerification(user)) return refuse(ctx, "offender.verification-report", id);
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r || !visibleTo(user, r)) throw notFound("registrant");
    assertNext(r, "report-verification");
    const rows = await q.query(
      `SELECT ${VERIFICATION_COLS} FROM offender_verifications WHERE registrant_id = $1 AND year = $2 FOR UPDATE`,
      [id, input.year],
    );
    if (!rows[0]) throw badField("year", "no such annual update for this registration");
    const v = toVerification(rows[0]);
    if (v.outcome === "appeared")
      throw new AppError("conflict", `the appearance for year ${v.year} was already reported`);
    if (ctx.today < v.anniversaryOn) throw badField("year", `the update window opens on ${v.anniversaryOn}`);
    let closesOn = v.closesOn;
    if (input.outcome === "appeared") {
      if (input.appearedOn! < v.anniversaryOn)
        throw badField("appearedOn", `cannot be before the anniversary (${v.anniversaryOn})`);
      if (input.appearedOn! > ctx.today) throw badField("appearedOn", "cannot be in the future");
    }
    if (input.outcome === "deferred") {
      const w = annualUpdateWindow({
        initialRegistrationOn: r.registeredOn!,
        year: v.year,
        deferredTo: input.deferredTo!,
      });
      if (!w.deferred)
        throw badField(
          "deferredTo",
          `a deferral moves the appearance past ${addDays(v.anniversaryOn, 20)}; give a later date`,
        );
      if (input.deferredTo! <= ctx.today) throw badField("deferredTo", "must be after today");
      closesOn = w.closesOn;
    }
    await q.query(
      `UPDATE offender_verifications SET outcome = $2, appeared_on = $3, deferred_to = coalesce($4, deferred_to), deferral_cause = coalesce($5, deferral_cause),
        closes_on = $6, reported_on = $7, reported_by_agency = $8 WHERE id = $1`,
      [
        v.id,
        input.outcome,
        input.appearedOn ?? null,
        input.deferredTo ?? null,
        input.deferralCause ?? null,
        closesOn,
        ctx.today,
        input.agency,
      ],
    );
    if (input.outcome === "appeared") {
      await q.query(
        "UPDATE offender_noncompliance SET resolved_on = $3 WHERE registrant_id = $1 AND kind = 'missed-verification' AND ref = $2 AND resolved_on IS NULL",
        [id, `year-${v.year}`, input.appearedOn],
      );
    }
    const reportLate = ctx.today > v.reportDueBy;
    await act(q, ctx, r, "verification-report", null, {
      year: v.year,
      outcome: input.outcome,
      appearedOn: input.appearedOn,
      deferredTo: input.deferredTo,
      deferralCause: input.deferralCause,
      agency: input.agency,
      reportLate,
      citation: UPDATE_CITE,
    });
    await appendAudit(q, ctx, {
      action: "offender.verification-report",
      entityType: "offender-registrant",
      entityId: id,
      details: { year: v.year, outcome: input.outcome },
    });
    return toVerification(
      (await q.query(`SELECT ${VERIFICATION_COLS} FROM offender_verifications WHERE id = $1`, [v.id]))[0]!,
    );
  });
}

// ---------------------------------------------------------------- name and address changes

/**
 * Records a change of name or address. The registrant's own written notice (or a court's
 * name-change order) counts as reported today; a change the police or staff learn of otherwise
 * waits for the registrant's notice, and the change-grace job flags it five business days after
 * the change. A registrant's notice later than the grace is flagged as non-compliance now.
 *
 * QUESTION(legal): a court's name-change order is taken as notice of the name change (DESPP
 * "must revise a registrant's information whenever the court notifies"); the registrant is not
 * flagged for not writing separately.
 */
export async function recordChange(ctx: Ctx, id: string, input: ChangeInput): Promise<Change> {
  const user = requireUser(ctx);
  const own = offenderPolicy.own(user) && (await registrantsOfPerson(ctx.db, user.personId!)).some((r) => r.id === id);
  if (!own && !offenderPolicy.recordChange(user)) return refuse(ctx, "offender.change", id);
  if (input.changedOn > ctx.today) throw badField("changedOn", "cannot be in the future");
  const source = own ? "registrant" : (input.source ?? (user.role === "law_enforcement" ? "law-enforcement" : "staff"));
  if (source === "court-order" && (input.kind !== "name" || !offenderPolicy.maintain(user)))
    throw badField("source", "a court order is recorded by registry staff, for a name change");
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r || !visibleTo(user, r, own)) throw notFound("registrant");
    assertNext(r, "record-change");
    if (input.changedOn < r.dispositionOn) throw badField("changedOn", "cannot be before the conviction or finding");
    if (input.kind === "address" && input.state === "CT") await assertTown(q, input.town!, "town");
    const dueOn =
      input.kind === "address"
        ? addressChangeDueOn({ changedOn: input.changedOn })
        : nameChangeDueOn({ changedOn: input.changedOn });
    const reported = source === "registrant" || source === "court-order";
    const previous =
      input.kind === "address"
        ? { street: r.homeStreet, town: r.homeTown, state: r.homeState, zip: r.homeZip }
        : { firstName: r.firstName, lastName: r.lastName };
    const current =
      input.kind === "address"
        ? { street: input.street, town: input.town ?? null, state: input.state, zip: input.zip ?? null }
        : { firstName: input.firstName ?? r.firstName, lastName: input.lastName ?? r.lastName };
    let changeId: number;
    // A registrant's notice of a change the police already recorded completes that change.
    const pending = reported
      ? await q.query(
          "SELECT id FROM offender_changes WHERE registrant_id = $1 AND kind = $2 AND reported_on IS NULL ORDER BY id DESC LIMIT 1",
          [id, input.kind],
        )
      : [];
    let due = dueOn;
    if (pending[0]) {
      changeId = Number(pending[0].id);
      const pd = await q.query("SELECT due_on FROM offender_changes WHERE id = $1", [changeId]);
      due = pd[0]!.due_on;
      await q.query("UPDATE offender_changes SET reported_on = $2, late = $3 WHERE id = $1", [
        changeId,
        ctx.today,
        ctx.today > due,
      ]);
      await q.query(
        "UPDATE offender_noncompliance SET resolved_on = $2 WHERE registrant_id = $1 AND kind = 'unreported-change' AND ref = $3 AND resolved_on IS NULL",
        [id, ctx.today, `change-${changeId}`],
      );
    } else {
      const ins = await q.query<{ id: string }>(
        "INSERT INTO offender_changes (registrant_id, kind, changed_on, due_on, source, reported_on, late, previous, current, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id::text",
        [
          id,
          input.kind,
          input.changedOn,
          dueOn,
          source,
          reported ? ctx.today : null,
          reported ? ctx.today > dueOn : null,
          JSON.stringify(previous),
          JSON.stringify(current),
          user.id,
        ],
      );
      changeId = Number(ins[0]!.id);
    }
    if (input.kind === "address") {
      await q.query(
        "UPDATE offender_registrants SET home_street = $2, home_town = $3, home_state = $4, home_zip = $5 WHERE id = $1",
        [id, input.street, input.town ?? null, input.state, input.zip ?? null],
      );
    } else {
      const aliases = [...new Set([...r.aliases, `${r.firstName} ${r.lastName}`])];
      await q.query(
        "UPDATE offender_registrants SET current_first_name = $2, current_last_name = $3, aliases = $4 WHERE id = $1",
        [id, current.firstName, current.lastName, JSON.stringify(aliases)],
      );
    }
    const late = source === "registrant" && ctx.today > due;
    if (late)
      await flag(
        q,
        ctx,
        r,
        "late-change-report",
        `change-${changeId}`,
        due,
        `Failure to notify DESPP of a ${input.kind} change for more than five business days`,
        CHANGE_CITE,
      );
    await act(q, ctx, r, "change", null, {
      changeId,
      kind: input.kind,
      changedOn: input.changedOn,
      dueOn: due,
      source,
      reported,
      late,
      citation: CHANGE_CITE,
    });
    const after = (await findRegistrant(q, id))!;
    if (input.kind === "address") {
      const from = addressLine(r);
      const to = addressLine(after);
      const n = notices.addressChange(after, from, to);
      await mailAgency(
        q,
        policeOf(r.homeTown, r.homeState),
        "offender-change-notice",
        n,
        `offender-move-old:${changeId}`,
      );
      await mailAgency(
        q,
        policeOf(after.homeTown, after.homeState),
        "offender-change-notice",
        n,
        `offender-move-new:${changeId}`,
      );
    } else {
      const n = notices.nameChange(after, `${r.firstName} ${r.lastName}`, `${after.firstName} ${after.lastName}`);
      for (const to of ["Judicial Department", "Department of Correction", policeOf(after.homeTown, after.homeState)]) {
        await mailAgency(q, to, "offender-name-change-protocol", n, `offender-name:${changeId}:${to}`);
      }
    }
    await appendAudit(q, ctx, {
      action: "offender.change",
      entityType: "offender-registrant",
      entityId: id,
      details: { changeId, kind: input.kind, source, late },
    });
    return (await changesOf(q, id)).find((c) => c.id === changeId)!;
  });
}

// ---------------------------------------------------------------- suspension

/** Suspends a registration (incarcerated, civil commitment, out of state): withdrawn from police view, same expiry. */
export async function suspend(ctx: Ctx, id: string, input: SuspendInput): Promise<Registrant> {
  const user = requireUser(ctx);
  if (!offenderPolicy.maintain(user)) return refuse(ctx, "offender.suspend", id);
  const facts = {
    incarcerated: input.ground === "incarcerated",
    underCivilCommitment: input.ground === "civil-commitment",
    livingOutOfState: input.ground === "out-of-state",
  };
  const finding = suspensionPermitted(facts);
  if (finding.status !== "met") throw badField("ground", finding.because);
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r) throw notFound("registrant");
    assertNext(r, "suspend");
    if (r.status === "awaiting-registration")
      throw new AppError("conflict", "only a registration that was made can be suspended");
    await q.query("UPDATE offender_registrants SET status = 'suspended', suspension_ground = $2 WHERE id = $1", [
      id,
      input.ground,
    ]);
    await act(q, ctx, r, "suspended", "suspended", {
      ground: input.ground,
      note: input.note,
      because: finding.because,
      citation: citationLabel(SUSPENSION),
    });
    await appendAudit(q, ctx, {
      action: "offender.suspend",
      entityType: "offender-registrant",
      entityId: id,
      details: { ground: input.ground },
    });
    return (await findRegistrant(q, id))!;
  });
}

/** Reinstates a suspended registration and redistributes it to the police where the registrant lives. */
export async function reinstate(ctx: Ctx, id: string, input: { note?: string | undefined }): Promise<Registrant> {
  const user = requireUser(ctx);
  if (!offenderPolicy.maintain(user)) return refuse(ctx, "offender.reinstate", id);
  return ctx.db.tx(async (q) => {
    const r = await findRegistrant(q, id, true);
    if (!r) throw notFound("registrant");
    assertNext(r, "reinstate");
    await q.query("UPDATE offender_registrants SET status = 'registered', suspension_ground = NULL WHERE id = $1", [
      id,
    ]);
    await act(q, ctx, r, "reinstated", "registered", {
      note: input.note,
      endsOn: r.endsOn,
      citation: citationLabel(SUSPENSION),
    });
    const after = (await findRegistrant(q, id))!;
    const seq = await q.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM offender_actions WHERE registrant_id = $1 AND action = 'reinstated'",
      [id],
    );
    await mailAgency(
      q,
      policeOf(after.homeTown, after.homeState),
      "offender-reinstated",
      notices.reinstated(after),
      `offender-reinstated:${id}:${seq[0]!.n}`,
    );
    await appendAudit(q, ctx, { action: "offender.reinstate", entityType: "offender-registrant", entityId: id });
    return after;
  });
}

// ---------------------------------------------------------------- non-compliance

/** Records one failure (once per registrant, kind and reference) and opens a case for it. */
async function flag(
  q: Queryable,
  ctx: Ctx,
  r: Registrant,
  kind: Noncompliance["kind"],
  ref: string,
  dueOn: PlainDate,
  offense: string,
  citation: string,
): Promise<boolean> {
  const ins = await q.query<{ id: string }>(
    `INSERT INTO offender_noncompliance (registrant_id, kind, ref, town, due_on, detected_on, offense, citation) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (registrant_id, kind, ref) DO NOTHING RETURNING id::text`,
    [r.id, kind, ref, r.homeTown, dueOn, ctx.today, `${offense}: ${FELONY_TEXT}`, citation],
  );
  if (!ins[0]) return false;
  const c = await openCaseForPerson(q, ctx, {
    personId: r.personId,
    title: `Offender registry: ${kind.replaceAll("-", " ")} (${r.number})`,
    note: `${offense}, due ${dueOn}. ${FELONY_TEXT}. ${citation}.`,
    details: { source: "offenders", registrantId: r.id, kind, ref, dueOn },
  });
  await q.query("UPDATE offender_noncompliance SET case_id = $2 WHERE id = $1", [ins[0].id, c.id]);
  await act(q, ctx, r, "noncompliance", null, { kind, ref, dueOn, caseNumber: c.number, citation });
  return true;
}

/** The non-compliance list for one town (or all), open items first; an audited read. */
export async function listNoncompliance(
  ctx: Ctx,
  opts: { town?: string | undefined; includeResolved?: boolean; purpose: ReadPurpose },
): Promise<Noncompliance[]> {
  const user = requireUser(ctx);
  if (!offenderPolicy.noncompliance(user)) return refuse(ctx, "offender.noncompliance");
  const rows = await ctx.db.query(
    `${NONCOMPLIANCE_SELECT} WHERE ($1::text IS NULL OR lower(n.town) = lower($1)) AND ($2::boolean OR n.resolved_on IS NULL)
     AND ($3::boolean OR r.status IN ('registered','awaiting-registration')) ORDER BY n.town NULLS LAST, n.detected_on, n.id LIMIT 1000`,
    [opts.town ?? null, opts.includeResolved ?? false, offenderPolicy.maintain(user)],
  );
  await appendAudit(ctx.db, ctx, {
    action: "offender.noncompliance-list",
    entityType: "offender-registry",
    purpose: purposeLine(opts.purpose),
    details: { town: opts.town ?? null, results: rows.length },
  });
  return rows.map(toNoncompliance);
}

// ---------------------------------------------------------------- clocks (jobs)

async function eachRegistrant<T>(
  ctx: Ctx,
  sql: string,
  params: unknown[],
  fn: (q: Queryable, row: Record<string, any>) => Promise<T>,
): Promise<number> {
  const rows = await ctx.db.query(sql, params);
  let n = 0;
  for (const row of rows) {
    await ctx.db.tx(async (q) => {
      if (await fn(q, row)) n += 1;
    });
  }
  return n;
}

/** Registration not made by its due date (14 days after release, or before release from DOC custody). */
export async function flagMissedRegistrations(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    `${SELECT} WHERE r.status = 'awaiting-registration' AND r.registration_due_on < $1
      AND NOT EXISTS (SELECT 1 FROM offender_noncompliance n WHERE n.registrant_id = r.id AND n.kind = 'missed-registration')`,
    [ctx.today],
    async (q, row) => {
      const r = (await findRegistrant(q, row.id, true))!;
      if (r.status !== "awaiting-registration") return false;
      return flag(
        q,
        ctx,
        r,
        "missed-registration",
        "registration",
        r.registrationDueOn,
        "Failure to register",
        REGISTRATION_CITE,
      );
    },
  );
}

/** Annual notices: mailed from 45 days before each anniversary (late if after the 30-day mark). */
export async function sendVerificationNotices(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    `SELECT ${VERIFICATION_COLS} FROM offender_verifications v WHERE notice_sent_on IS NULL AND anniversary_on - $2::int <= $1::date AND closes_on >= $1::date
      AND EXISTS (SELECT 1 FROM offender_registrants r WHERE r.id = v.registrant_id AND r.status = 'registered')`,
    [ctx.today, NOTICE_SENT_DAYS_BEFORE],
    async (q, row) => {
      const v = toVerification(row);
      const r = (await findRegistrant(q, v.registrantId, true))!;
      const upd = await q.query(
        "UPDATE offender_verifications SET notice_sent_on = $2, notice_late = $3 WHERE id = $1 AND notice_sent_on IS NULL RETURNING id",
        [v.id, ctx.today, ctx.today > v.noticeMailBy],
      );
      if (!upd[0]) return false;
      await mailPerson(
        q,
        r.personId,
        "offender-annual-notice",
        notices.annualToRegistrant(r, v),
        `offender-annual:${v.id}`,
        { address: [`${r.firstName} ${r.lastName}`, addressLine(r)].join("\n") },
      );
      await mailAgency(
        q,
        policeOf(r.homeTown, r.homeState),
        "offender-annual-notice-police",
        notices.annualToPolice(r, v),
        `offender-annual-police:${v.id}`,
      );
      await act(q, ctx, r, "annual-notice", null, {
        year: v.year,
        mailBy: v.noticeMailBy,
        late: ctx.today > v.noticeMailBy,
        citation: UPDATE_CITE,
      });
      return true;
    },
  );
}

/** The 20-day window (or the deferred date) closed without an appearance. */
export async function flagMissedVerifications(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    `SELECT ${VERIFICATION_COLS} FROM offender_verifications v WHERE closes_on < $1 AND appeared_on IS NULL AND missed_flagged_on IS NULL
      AND EXISTS (SELECT 1 FROM offender_registrants r WHERE r.id = v.registrant_id AND r.status = 'registered')`,
    [ctx.today],
    async (q, row) => {
      const v = toVerification(row);
      const r = (await findRegistrant(q, v.registrantId, true))!;
      await q.query("UPDATE offender_verifications SET missed_flagged_on = $2 WHERE id = $1", [v.id, ctx.today]);
      return flag(
        q,
        ctx,
        r,
        "missed-verification",
        `year-${v.year}`,
        v.closesOn,
        `Failure to appear for the annual update ${v.year}${v.deferredTo ? " (deferred)" : ""}`,
        UPDATE_CITE,
      );
    },
  );
}

/** The police report (30 days after the anniversary) not received: flagged for DESPP, not held against the registrant. */
export async function flagOverduePoliceReports(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    `SELECT ${VERIFICATION_COLS} FROM offender_verifications v WHERE report_due_by < $1 AND reported_on IS NULL AND report_overdue_flagged_on IS NULL
      AND EXISTS (SELECT 1 FROM offender_registrants r WHERE r.id = v.registrant_id AND r.status = 'registered')`,
    [ctx.today],
    async (q, row) => {
      const v = toVerification(row);
      const r = (await findRegistrant(q, v.registrantId, true))!;
      await q.query("UPDATE offender_verifications SET report_overdue_flagged_on = $2 WHERE id = $1", [
        v.id,
        ctx.today,
      ]);
      await mailAgency(
        q,
        policeOf(r.homeTown, r.homeState),
        "offender-report-overdue",
        notices.policeReportOverdue(r, v),
        `offender-report-overdue:${v.id}`,
      );
      await act(q, ctx, r, "police-report-overdue", null, {
        year: v.year,
        dueBy: v.reportDueBy,
        citation: UPDATE_CITE,
      });
      return true;
    },
  );
}

/** A change the registrant has not reported within five business days (CT legal holidays skipped). */
export async function flagUnreportedChanges(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    "SELECT id, registrant_id::text, kind, due_on FROM offender_changes WHERE reported_on IS NULL AND flagged_on IS NULL AND due_on < $1",
    [ctx.today],
    async (q, row) => {
      const r = (await findRegistrant(q, row.registrant_id, true))!;
      if (r.status === "ended") return false;
      await q.query("UPDATE offender_changes SET flagged_on = $2 WHERE id = $1", [row.id, ctx.today]);
      return flag(
        q,
        ctx,
        r,
        "unreported-change",
        `change-${row.id}`,
        row.due_on,
        `Failure to notify DESPP of a ${row.kind} change for more than five business days`,
        CHANGE_CITE,
      );
    },
  );
}

/** Registrations past their five-year term end (a suspension does not move the date). */
export async function endTerms(ctx: Ctx): Promise<number> {
  return eachRegistrant(
    ctx,
    `${SELECT} WHERE r.status IN ('registered','suspended') AND r.ends_on < $1`,
    [ctx.today],
    async (q, row) => {
      const r = (await findRegistrant(q, row.id, true))!;
      await q.query("UPDATE offender_registrants SET status = 'ended', suspension_ground = NULL WHERE id = $1", [r.id]);
      await act(q, ctx, r, "term-ended", "ended", { endsOn: r.endsOn });
      return true;
    },
  );
}

/** Every registry clock, in order (the CLI and tests). */
export async function runClocks(ctx: Ctx) {
  return {
    missedRegistrations: await flagMissedRegistrations(ctx),
    notices: await sendVerificationNotices(ctx),
    missedVerifications: await flagMissedVerifications(ctx),
    overduePoliceReports: await flagOverduePoliceReports(ctx),
    unreportedChanges: await flagUnreportedChanges(ctx),
    ended: await endTerms(ctx),
  };
}

/** A date from a form or query, or a 400 naming the field. */
export function parseDate(v: string, field: string): PlainDate {
  if (!isPlainDate(v)) throw badField(field, "must be a calendar date written YYYY-MM-DD");
  return v;
}
