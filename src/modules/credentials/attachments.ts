/**
 * What an application carries beyond its form: the safety course certificate the applicant uploads,
 * and the items licensing staff confirm before issuing (the course and, for permits, suitability:
 * rule `credentials.staff-confirmations`, src/law/ct/credentials/staff-confirmations.ts). Both are
 * appended records (migration 022), never edited.
 */
import { createHash } from "node:crypto";
import type { Ctx } from "../../context.ts";
import type { Queryable } from "../../db/client.ts";
import { type ConfirmationItem, type CredentialKind, confirmationsRequired } from "../../law/ct/credentials/index.ts";
import { AppError, badField, forbidden } from "../../lib/errors.ts";
import { type ReadPurpose, purposeLine } from "../../lib/purpose.ts";
import { appendAudit } from "../audit/index.ts";
import type { User } from "../auth/index.ts";
import { policy } from "./policy.ts";

/** The few facts of an application this file needs (read here, so that service.ts can call this file). */
interface AppFacts {
  id: string;
  number: string;
  personId: string;
  status: string;
  credentialKind: CredentialKind;
  kind: "new" | "renewal";
}

async function getApplication(q: Queryable, id: string): Promise<AppFacts> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", "application not found");
  const r = await q.query<Record<string, string>>(
    "SELECT id::text, number, person_id::text, status, credential_kind, kind FROM applications WHERE id = $1",
    [id],
  );
  if (!r[0]) throw new AppError("not_found", "application not found");
  return {
    id: r[0].id!,
    number: r[0].number!,
    personId: r[0].person_id!,
    status: r[0].status!,
    credentialKind: r[0].credential_kind as CredentialKind,
    kind: r[0].kind as "new" | "renewal",
  };
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface ApplicationDocument {
  id: string;
  kind: "safety-course-certificate";
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface Confirmation {
  item: ConfirmationItem;
  confirmed: boolean;
  basis: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** The content type of an upload, read from its first bytes (never from the name the browser sends). */
export function sniffDocumentType(b: Buffer): "application/pdf" | "image/png" | "image/jpeg" | null {
  if (b.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  return null;
}

const safeName = (n: string) =>
  n
    .replace(/[^\w.\- ]+/g, "_")
    .trim()
    .slice(0, 200) || "certificate";

/** The applicant (or staff keying in a paper application) attaches the safety course certificate. */
export async function uploadCourseCertificate(
  ctx: Ctx,
  applicationId: string,
  file: { filename: string; bytes: Buffer },
): Promise<ApplicationDocument> {
  const u = requireUser(ctx);
  return ctx.db.tx(async (q) => {
    const app = await getApplication(q, applicationId);
    if (!(policy.viewApplication(u, app) && (u.role === "resident" || policy.decideApplication(u))))
      throw forbidden("only the applicant or licensing staff attach documents to an application");
    if (!["submitted", "approvable", "needs-review", "ineligible"].includes(app.status))
      throw new AppError(
        "conflict",
        `application ${app.number} is ${app.status}; documents go with an open application`,
      );
    if (file.bytes.length === 0) throw badField("file", "choose a file");
    if (file.bytes.length > MAX_UPLOAD_BYTES) throw badField("file", "at most 5 MB");
    const type = sniffDocumentType(file.bytes);
    if (!type) throw badField("file", "a PDF, PNG or JPEG file");
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const r = await q.query<{ id: string; uploaded_at: string }>(
      `INSERT INTO application_documents (application_id, kind, filename, content_type, bytes, sha256, uploaded_by)
       VALUES ($1, 'safety-course-certificate', $2, $3, $4, $5, $6) RETURNING id::text, uploaded_at::text`,
      [app.id, safeName(file.filename), type, file.bytes, sha256, u.id],
    );
    await appendAudit(q, ctx, {
      action: "application.document-upload",
      entityType: "application",
      entityId: app.id,
      details: { kind: "safety-course-certificate", sha256, size: file.bytes.length },
    });
    return {
      id: r[0]!.id,
      kind: "safety-course-certificate",
      filename: safeName(file.filename),
      contentType: type,
      size: file.bytes.length,
      sha256,
      uploadedAt: r[0]!.uploaded_at,
    };
  });
}

/** The documents of an application (without their bytes). */
export async function documentsOf(q: Queryable, applicationId: string): Promise<ApplicationDocument[]> {
  const rows = await q.query<Record<string, string | number>>(
    `SELECT id::text, kind, filename, content_type, octet_length(bytes) AS size, sha256, uploaded_at::text
       FROM application_documents WHERE application_id = $1 ORDER BY id`,
    [applicationId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: "safety-course-certificate",
    filename: String(r.filename),
    contentType: String(r.content_type),
    size: Number(r.size),
    sha256: String(r.sha256),
    uploadedAt: String(r.uploaded_at),
  }));
}

/**
 * One document's bytes: the applicant reads their own; licensing staff state a purpose, and the read
 * is audited (a course certificate names the person and their training).
 */
export async function readDocument(
  ctx: Ctx,
  applicationId: string,
  documentId: string,
  purpose: ReadPurpose | undefined,
): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  const u = requireUser(ctx);
  const app = await getApplication(ctx.db, applicationId);
  if (!policy.viewApplication(u, app)) throw forbidden("this is not your application");
  const own = u.role === "resident";
  if (!own && !purpose) throw badField("purpose", "state why you need this document");
  if (!/^\d{1,18}$/.test(documentId)) throw badField("document", "not a document of this application");
  const r = await ctx.db.query<{ filename: string; content_type: string; bytes: Uint8Array }>(
    "SELECT filename, content_type, bytes FROM application_documents WHERE id = $1 AND application_id = $2",
    [documentId, app.id],
  );
  if (!r[0]) throw new AppError("not_found", "no such document on this application");
  await appendAudit(ctx.db, ctx, {
    action: "application.document-read",
    entityType: "application",
    entityId: app.id,
    ...(purpose ? { purpose: purposeLine(purpose) } : {}),
    details: { document: documentId },
  });
  return { filename: r[0].filename, contentType: r[0].content_type, bytes: Buffer.from(r[0].bytes) };
}

/** The latest confirmation of each item. */
export async function confirmationsOf(q: Queryable, applicationId: string): Promise<Confirmation[]> {
  const rows = await q.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (c.item) c.item, c.confirmed, c.basis, u.username, c.confirmed_at::text
       FROM application_confirmations c JOIN users u ON u.id = c.confirmed_by
      WHERE c.application_id = $1 ORDER BY c.item, c.id DESC`,
    [applicationId],
  );
  return rows.map((r) => ({
    item: r.item as ConfirmationItem,
    confirmed: Boolean(r.confirmed),
    basis: String(r.basis),
    confirmedBy: String(r.username),
    confirmedAt: String(r.confirmed_at),
  }));
}

export type ConfirmationInput = Partial<Record<"safetyCourse" | "suitability", boolean>>;
const FIELD: Record<ConfirmationItem, "safetyCourse" | "suitability"> = {
  "safety-course": "safetyCourse",
  suitability: "suitability",
};

/**
 * Records the issuing person's confirmations, in the issuing transaction, and refuses the issue
 * (400 naming `confirmations.<item>`) when an item the law requires is not confirmed.
 */
export async function recordConfirmations(
  q: Queryable,
  user: User,
  app: { id: string; credentialKind: CredentialKind; kind: "new" | "renewal" },
  input: ConfirmationInput | undefined,
  basis: string,
): Promise<void> {
  const required = confirmationsRequired(app.credentialKind, app.kind);
  for (const item of required)
    if (input?.[FIELD[item]] !== true)
      throw badField(
        `confirmations.${FIELD[item]}`,
        item === "safety-course"
          ? "confirm the applicant completed an approved firearms safety course (CGS §§ 29-28(b), 29-36f, 29-37p) before issuing"
          : "confirm the applicant is a suitable person (CGS § 29-28(b)) before issuing a permit",
      );
  for (const item of required)
    await q.query(
      "INSERT INTO application_confirmations (application_id, item, confirmed, basis, confirmed_by) VALUES ($1,$2,true,$3,$4)",
      [app.id, item, basis, user.id],
    );
}

function requireUser(ctx: Ctx): User {
  if (!ctx.user) throw new AppError("unauthenticated", "sign in first");
  return ctx.user;
}
