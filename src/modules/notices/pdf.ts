/**
 * Letters as PDF (pdfkit): the same text the outbox holds, laid out as a letter from the
 * Department of Emergency Services and Public Protection, with the notice number and date.
 * The rendering is deterministic for a notice (fixed creation date), so a re-download is the
 * same document.
 */
import PDFDocument from "pdfkit";

export interface LetterInput {
  reference: string;
  date: string;
  recipient: string;
  subject: string;
  body: string;
}

export function renderLetterPdf(l: LetterInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "LETTER",
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      info: {
        Title: l.subject,
        Author: "Stateline (Connecticut DESPP)",
        Subject: `Notice ${l.reference}`,
        CreationDate: new Date(`${l.date.slice(0, 10)}T12:00:00Z`),
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(14).text("State of Connecticut");
    doc.font("Helvetica").fontSize(11).text("Department of Emergency Services and Public Protection");
    doc.text("Special Licensing and Firearms Unit");
    doc.moveDown(2);
    doc.text(l.date.slice(0, 10));
    doc.text(`Notice ${l.reference}`);
    doc.moveDown();
    doc.text(l.recipient);
    doc.moveDown(2);
    doc.font("Helvetica-Bold").text(l.subject);
    doc.moveDown();
    doc.font("Helvetica").text(l.body, { align: "left" });
    doc.moveDown(2);
    doc.fontSize(9).fillColor("#555").text("This notice was produced by Stateline. Keep it with your records.");
    doc.end();
  });
}
