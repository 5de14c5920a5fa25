/**
 * The holder's credential as a printable PDF (issue 9: "PDF for ... the issued credential").
 * Only the holder downloads it, and only while it is active; a revoked credential's PDF would be
 * a document to misuse, so the page says to surrender the credential instead.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../../context.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { idParam, signedIn } from "../../web/kit.ts";
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
}
