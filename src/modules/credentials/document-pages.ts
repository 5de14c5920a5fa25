/**
 * The holder's credential as a printable PDF (issue 9: "PDF for ... the issued credential").
 * Only the holder downloads it, and only while it is active; a revoked credential's PDF would be
 * a document to misuse, so the page says to surrender the credential instead.
 *
 * Also the application's documents: the applicant uploads the safety course certificate
 * (multipart, parsed only in this file's own context, as the registries' thumbprint is) and reads
 * it back; licensing staff read it under the purpose they gave for the application (audited).
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { html, idParam, recallPurpose, sendPage, errorSummary, signedIn } from "../../web/kit.ts";
import { MAX_UPLOAD_BYTES, readDocument, uploadCourseCertificate } from "./attachments.ts";
import { renderFormPdf } from "../notices/index.ts";
import { getPerson } from "../people/index.ts";
import { CREDENTIAL_NAMES, getCredential } from "./service.ts";

/** The statute under which each credential is issued (printed on it). */
const ISSUED_UNDER: Record<string, string> = {
  "temporary-state-permit": "CGS § 29-28(b); issued by the local issuing authority",
  "state-handgun-permit": "CGS §§ 29-28 to 29-32 (PA 13-3)",
  "handgun-eligibility-certificate": "CGS § 29-36f (PA 13-3)",
  "long-gun-eligibility-certificate": "CGS § 29-37p (PA 13-3 §§ 2-7)",
  "ammunition-certificate": "CGS § 29-38n (PA 13-3 § 15)",
};

export function registerCredentialDocuments(app: FastifyInstance, makeCtx: (req: FastifyRequest) => Ctx): void {
  app.get(
    "/me/credentials/:id/credential.pdf",
    signedIn(async (req, reply, user) => {
      const ctx = makeCtx(req);
      const c = await getCredential(ctx.db, idParam(req, "credential"));
      if (user.role !== "resident" || c.personId !== user.personId) throw forbidden("this is not your credential");
      if (c.status !== "active")
        throw new AppError("conflict", `credential ${c.number} is ${c.status}; only an active credential is printed`);
      const p = await getPerson(ctx.db, c.personId);
      const pdf = await renderFormPdf({
        title: CREDENTIAL_NAMES[c.kind],
        reference: c.number,
        date: c.issuedOn,
        subtitle: `Issued under ${ISSUED_UNDER[c.kind] ?? "Connecticut law"}`,
        sections: [
          {
            heading: "Holder",
            rows: [
              ["Name", [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ")],
              ["Date of birth", p.birthDate],
              ["Address", [p.street, p.town, `${p.state} ${p.zip ?? ""}`.trim()].filter(Boolean).join(", ")],
            ],
          },
          {
            heading: "Credential",
            rows: [
              ["Number", c.number],
              ["Issued", c.issuedOn],
              ["Expires", c.expiresOn],
            ],
          },
        ],
        notes: [
          "Sellers verify this credential with the state before every sale; the state's record, not this paper, decides.",
          "Tell DESPP when you move (your address on /me). A revoked credential must be surrendered as the revocation notice says.",
        ],
      });
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${c.number}.pdf"`)
        .header("Cache-Control", "no-store")
        .send(pdf);
    }),
  );

  app.get(
    "/me/applications/:id/documents/:doc",
    signedIn(async (req, reply) => {
      const d = await readDocument(makeCtx(req), idParam(req, "application"), docParam(req), undefined);
      return sendDocument(reply, d);
    }),
  );

  app.get(
    "/staff/applications/:id/documents/:doc",
    signedIn(async (req, reply) => {
      const id = idParam(req, "application");
      // The purpose stated when the application was opened (the page asks for it first).
      const purpose = recallPurpose(req, `application:${id}`);
      if (!purpose) return reply.redirect(`/staff/applications/${id}`, 303);
      return sendDocument(reply, await readDocument(makeCtx(req), id, docParam(req), purpose));
    }),
  );

  void app.register(async (child) => {
    if (!child.hasContentTypeParser("multipart/form-data"))
      await child.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 5 } });
    child.addHook("preValidation", async (req) => {
      if (req.body !== undefined && req.body !== null) return;
      if (!req.isMultipart()) return;
      const body: Record<string, unknown> = {};
      for await (const part of req.parts()) {
        if (part.type === "file") body[part.fieldname] = { filename: part.filename, data: await part.toBuffer() };
        else if (typeof part.value === "string") body[part.fieldname] = part.value;
      }
      req.body = body;
    });
    child.post(
      "/me/applications/:id/documents",
      signedIn(async (req, reply) => {
        const id = idParam(req, "application");
        const f = (req.body as Record<string, unknown> | undefined)?.file as
          { filename?: string; data?: Buffer } | Buffer | undefined;
        const data = Buffer.isBuffer(f) ? f : f && Buffer.isBuffer(f.data) ? f.data : null;
        const filename = f && !Buffer.isBuffer(f) && typeof f.filename === "string" ? f.filename : "certificate";
        try {
          if (!data || data.length === 0)
            throw new AppError("validation", "choose a file", {
              fields: [{ field: "file", message: "Choose your certificate file" }],
            });
          await uploadCourseCertificate(makeCtx(req), id, { filename, bytes: data });
        } catch (e) {
          if (e instanceof AppError && e.code === "validation")
            return sendPage(
              reply,
              req,
              "Safety course certificate",
              html`<h1>Safety course certificate</h1>${errorSummary({ file: e.fields[0]?.message ?? e.message })}<p><a href="/me/applications/${id}">Back to the application</a></p>`,
              { status: 400 },
            );
          throw e;
        }
        return reply.redirect(`/me/applications/${id}?done=uploaded`, 303);
      }),
    );
  });
}

function docParam(req: FastifyRequest): string {
  const v = (req.params as Record<string, string>).doc ?? "";
  if (!/^\d{1,18}$/.test(v)) throw new AppError("not_found", "no such document");
  return v;
}

function sendDocument(
  reply: import("fastify").FastifyReply,
  d: { filename: string; contentType: string; bytes: Buffer },
) {
  return reply
    .type(d.contentType)
    .header("Content-Disposition", `attachment; filename="${d.filename.replace(/"/g, "")}"`)
    .header("Cache-Control", "no-store")
    .header("X-Content-Type-Options", "nosniff")
    .send(d.bytes);
}
