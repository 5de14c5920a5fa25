/**
 * The enforcement module's notices, one function per notice; the notices module delivers them
 * (e-mail through SMTP, PDF letters).
 */
import type { Queryable } from "../../db/client.ts";
import { queueNotice as queue } from "../notices/index.ts";
import type { Application } from "../credentials/index.ts";
import type { Person } from "../people/index.ts";
import type { Obligation } from "./queries.ts";

/** Where §§ 8, 10-11 status reports go: the DMHAS commissioner's office (an address configured per deployment; this is the demo's). */
export const DMHAS_STATUS_ADDRESS = "credential-status@dmhas.example.ct.gov";

export interface Notice {
  template: string;
  subject: string;
  body: string;
  dedupeKey: string;
}

const itemsText = (o: Obligation) => {
  const lines = o.holdings.firearms.map(
    (f) => `- ${f.description}${f.serialNumber ? `, serial ${f.serialNumber}` : ""} (${f.source} ${f.reference})`,
  );
  if (o.holdings.ammunition.purchases)
    lines.push(
      `- ammunition: ${o.holdings.ammunition.rounds} rounds bought in ${o.holdings.ammunition.purchases} purchases (last on ${o.holdings.ammunition.lastOn})`,
    );
  if (o.holdings.indicated)
    lines.push(
      `- ${[o.holdings.indicated.firearms ? "firearms" : "", o.holdings.indicated.ammunition ? "ammunition" : ""].filter(Boolean).join(" and ")} the ${o.holdings.indicated.by} says you possess`,
    );
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
      "Our records show:",
      ...itemsText(o),
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
    body: [
      `We have not yet received proof that you transferred or surrendered the following by ${o.dueOn}:`,
      ...itemsText(o),
      "If the deadline passes without proof, the matter is referred to the police.",
    ].join("\n"),
    dedupeKey: `obligation:${o.id}:reminder`,
  };
}

/**
 * §§ 8, 10-11: DESPP reports to DMHAS the status of the gun credential applications of a person
 * it finds was voluntarily admitted; DMHAS and the hospital keep it confidential. Addressed to
 * DMHAS, not to the person (no person id on the notice, so it is not shown among the person's own).
 */
export function dmhasStatusReport(
  recordNumber: string,
  person: Person,
  admittedOn: string,
  apps: readonly Application[],
): Notice {
  return {
    template: "enforcement-dmhas-status-report",
    subject: `Confidential: status of gun credential applications (PA 13-3 §§ 8, 10-11), record ${recordNumber}`,
    body: [
      "CONFIDENTIAL. DMHAS and the hospital must keep this information confidential (PA 13-3 §§ 8, 10-11).",
      `Person: ${person.firstName} ${person.lastName}, born ${person.birthDate}. Voluntary admission reported on ${admittedOn} (record ${recordNumber}).`,
      "Status of the person's gun credential applications:",
      ...apps.map((a) => `- application ${a.number} (${a.credentialKind}), submitted ${a.submittedOn}: ${a.status}`),
    ].join("\n"),
    dedupeKey: `dmhas-status:${recordNumber}:${apps.map((a) => `${a.number}=${a.status}`).join(",")}`,
  };
}

/** Queues a notice to the person (e-mail when we have an address, a letter otherwise). */
export async function queueNotice(q: Queryable, person: Person, n: Notice): Promise<void> {
  const channel = person.email ? "email" : "letter";
  const recipient =
    person.email ??
    [
      `${person.firstName} ${person.lastName}`,
      person.street,
      `${person.town ?? ""}, ${person.state} ${person.zip ?? ""}`,
    ]
      .filter(Boolean)
      .join("\n");
  await queue(q, {
    channel,
    personId: person.id,
    recipient,
    template: n.template,
    subject: n.subject,
    body: n.body,
    dedupeKey: n.dedupeKey,
  });
}

/** Queues the status report to DMHAS. */
export async function queueDmhasReport(q: Queryable, n: Notice): Promise<void> {
  await queue(q, {
    channel: "email",
    personId: null,
    recipient: DMHAS_STATUS_ADDRESS,
    template: n.template,
    subject: n.subject,
    body: n.body,
    dedupeKey: n.dedupeKey,
  });
}
