/** The notice as it leaves the server: an allow-list of fields. */
export interface NoticeRow {
  id: string;
  channel: "letter" | "email";
  person_id: string | null;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  created_at: string | Date;
  sent_at: string | Date | null;
  status: "queued" | "sent" | "failed" | "dead";
  attempts: number;
  last_error: string | null;
  message_id: string | null;
}

export interface NoticeView {
  id: number;
  number: string;
  channel: "letter" | "email";
  personId: string | null;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  status: NoticeRow["status"];
  attempts: number;
  lastError: string | null;
}

const iso = (d: string | Date) => new Date(d).toISOString();

export function presentNotice(r: NoticeRow): NoticeView {
  return {
    id: Number(r.id),
    number: `N-${r.id}`,
    channel: r.channel,
    personId: r.person_id,
    recipient: r.recipient,
    template: r.template,
    subject: r.subject,
    body: r.body,
    createdAt: iso(r.created_at),
    sentAt: r.sent_at ? iso(r.sent_at) : null,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}
