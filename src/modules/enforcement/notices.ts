/**
 * The enforcement module's notices, one function per notice, so they can move to the notices
 * module (SMTP and PDF) unchanged. For now they are queued in the `outbox` table, like the
 * credentials module's letters.
 */
import type { Queryable } from "../../db/client.ts";
import type { Person } from "../people/index.ts";
import type { Obligation } from "./queries.ts";

export interface Notice { template: string; subject: string; body: string; dedupeKey: string }

const itemsText = (o: Obligation) => {
  const lines = o.holdings.firearms.map((f) => `- ${f.description}${f.serialNumber ? `, serial ${f.serialNumber}` : ""} (${f.source} ${f.reference})`);
  if (o.holdings.ammunition.purchases) lines.push(`- ammunition: ${o.holdings.ammunition.rounds} rounds bought in ${o.holdings.ammunition.purchases} purchases (last on ${o.holdings.ammunition.lastOn})`);
  return lines.length ? lines : ["- any firearms and ammunition you possess"];
};

/** § 34: the notice that opens the obligation. */
export function obligationNotice(o: Obligation, citation: string): Notice {
  return {
    template: "enforcement-obligation",
    subject: `You must transfer or surrender firearms and ammunition by ${o.dueOn} (obligation ${o.number})`,
    body: [
      `Our records show an event on ${o.eventOn} that makes you ineligible to possess firearms and ammunition.`,
      `Not later than ${o.dueOn} (two business days after the event, ${citation}) you must transfer them to a person eligible to possess them, or surrender them to the Commissioner of Emergency Services and Public Protection.`,
      "Our records show:", ...itemsText(o),
      "Send proof of the transfer (the transferee's name and credential number) or the surrender receipt to the State Police Special Licensing and Firearms Unit.",
      "Possessing firearms or ammunition while ineligible is a class C felony (CGS § 53a-217, § 53a-217c).",
    ].join("\n"),
    dedupeKey: `obligation:${o.id}:notice`,
  };
}

/** The reminder before the deadline. */
export function obligationReminder(o: Obligation): Notice {
  return {
    template: "enforcement-obligation-reminder",
    subject: `Reminder: transfer or surrender by ${o.dueOn} (obligation ${o.number})`,
    body: [`We have not yet received proof that you transferred or surrendered the following by ${o.dueOn}:`, ...itemsText(o),
      "If the deadline passes without proof, the matter is referred to the police."].join("\n"),
    dedupeKey: `obligation:${o.id}:reminder`,
  };
}

/** Queues a notice to the person (e-mail when we have an address, a letter otherwise). */
export async function queueNotice(q: Queryable, person: Person, n: Notice): Promise<void> {
  const channel = person.email ? "email" : "letter";
  const recipient = person.email ?? [`${person.firstName} ${person.lastName}`, person.street, `${person.town ?? ""}, ${person.state} ${person.zip ?? ""}`].filter(Boolean).join("\n");
  await q.query(
    "INSERT INTO outbox (channel, person_id, recipient, template, subject, body, dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedupe_key) DO NOTHING",
    [channel, person.id, recipient, n.template, n.subject, n.body, n.dedupeKey]);
}
