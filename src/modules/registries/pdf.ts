/**
 * The certificate of possession as a PDF (pdfkit): the number, the description that identifies
 * the weapon uniquely, the holder's name, address and date of birth (§ 27), where it may be
 * possessed, and the transfer restrictions. The thumbprint is on file at DESPP (not printed).
 */
import PDFDocument from "pdfkit";
import type { Registration } from "./queries.ts";

export async function certificatePdf(r: Registration, issuedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 54,
    info: {
      Title: `Certificate of possession ${r.certificateNumber}`,
      Author: "DESPP Special Licensing and Firearms Unit",
      CreationDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.fontSize(10).text("State of Connecticut, Department of Emergency Services and Public Protection");
  doc.moveDown(0.5).fontSize(18).text("Assault weapon certificate of possession");
  doc.fontSize(12).text(`Certificate ${r.certificateNumber}   Issued ${r.issuedOn}   Application ${r.number}`);
  doc.moveDown();
  doc.fontSize(13).text("Holder");
  doc
    .fontSize(11)
    .text([r.holder.firstName, r.holder.middleName, r.holder.lastName].filter(Boolean).join(" "))
    .text(`${r.holder.street ?? ""}, ${r.holder.town ?? ""}, ${r.holder.state ?? ""} ${r.holder.zip ?? ""}`)
    .text(`Date of birth: ${r.holder.birthDate}`)
    .text(
      `Thumbprint: ${r.thumbprint.kind === "upload" ? "on file" : `taken at appointment on ${r.thumbprint.appointmentOn}`}`,
    );
  doc.moveDown();
  doc.fontSize(13).text("Firearm");
  doc
    .fontSize(11)
    .text(`${r.firearm.make} ${r.firearm.model}, ${r.firearm.type}, caliber ${r.firearm.caliber}`)
    .text(`Serial number: ${r.firearm.serialNumber}`)
    .text(`Identification marks: ${r.firearm.identificationMarks || "none recorded"}`);
  doc.moveDown();
  doc
    .fontSize(10)
    .text(
      "May be possessed only at the holder's residence, place of business or other property the holder owns, at a licensed target range or shooting club, at an exhibition or competition, and in transport between them as the law allows (CGS § 53-202d(f)).",
    )
    .moveDown(0.5)
    .text(
      "May be sold or transferred in Connecticut only to a licensed gun dealer, by bequest or intestate succession, or by prior arrangement to DESPP or a local police department (CGS § 53-202d, PA 13-3 § 28).",
    );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
