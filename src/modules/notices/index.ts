/** What other modules use of the notices module: queueing a letter or e-mail (delivery follows by job), and the PDF layouts. */
export { queueNotice, type NewNotice } from "./service.ts";
export { renderFormPdf, renderLetterPdf, type FormDocument } from "./pdf.ts";
