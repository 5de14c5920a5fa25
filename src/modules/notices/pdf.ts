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

/** A form or certificate: a title, a reference, and labelled rows in sections. */
export interface FormDocument {
  title: string;
  reference: string;
  date: string;
  /** A line under the title (who issued it, under which statute). */
  subtitle?: string;
  sections: { heading: string; rows: [string, string][] }[];
  /** Closing text: conditions, where to surrender, how to appeal. */
  notes?: string[];
}

/**
 * Renders a form (a dealer's receipt or transfer record, an issued credential) as a one-page
 * PDF. Deterministic for the same input (fixed creation date), like the letters.
 */
export function renderFormPdf(f: FormDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "LETTER",
      margins: { top: 60, bottom: 60, left: 60, right: 60 },
      info: {
        Title: `${f.title} ${f.reference}`,
        Author: "Stateline (Connecticut DESPP)",
        Subject: f.title,
        CreationDate: new Date(`${f.date.slice(0, 10)}T12:00:00Z`),
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor("#333")
      .text("State of Connecticut · Department of Emergency Services and Public Protection");
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").fontSize(16).fillColor("#000").text(f.title);
    if (f.subtitle) doc.font("Helvetica").fontSize(10).fillColor("#333").text(f.subtitle);
    doc.moveDown(0.5);
    doc
      .font("Helvetica")
      .fontSize(11)
      .fillColor("#000")
      .text(`${f.reference} · ${f.date.slice(0, 10)}`);
    for (const s of f.sections) {
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(12).text(s.heading);
      doc.moveDown(0.3);
      for (const [label, value] of s.rows) {
        doc.font("Helvetica-Bold").fontSize(10).text(`${label}: `, { continued: true });
        doc.font("Helvetica").text(value || "(none)");
      }
    }
    if (f.notes?.length) {
      doc.moveDown();
      for (const n of f.notes) doc.font("Helvetica").fontSize(9).fillColor("#333").text(n).moveDown(0.3);
    }
    doc.moveDown();
    doc.fontSize(8).fillColor("#555").text("Produced by Stateline. The record held by DESPP is authoritative.");
    doc.end();
  });
}
