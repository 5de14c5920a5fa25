/**
 * The person record in the rulebook's shape: one place that reads a person's prohibiting events
 * and credentials from the database and maps them to the facts the law's questions take. Every
 * module that decides something about a person (credentials, sales, ammunition, enforcement,
 * registries) calls these through `src/modules/credentials/index.ts`.
 */
import type { Queryable } from "../../db/client.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import type { PersonEvent } from "../../law/ct/criminal-possession/events.ts";
import type {
  Credential as LawCredential,
  CredentialKind as LawCredentialKind,
} from "../../law/ct/sales/credentials.ts";

/** A person's prohibiting events in force (not lifted), oldest first, in the law's `PersonEvent` shape. */
export async function prohibitingEventsOf(q: Queryable, personId: string): Promise<PersonEvent[]> {
  const rows = await q.query(
    `SELECT kind, event_on, statute, felony, offense_on, solely_alcohol_or_drug, expires_on, active, category
     FROM prohibiting_events WHERE person_id = $1 AND lifted_at IS NULL ORDER BY event_on, id`,
    [personId],
  );
  return rows.map(toPersonEvent);
}

/**
 * The same events as a JSON array inside another statement that reads the person (a sale reads
 * them with the buyer's credential, in one round trip); `personId` is an SQL expression. Read
 * each element with `toPersonEvent`.
 */
export const prohibitingEventsJson = (personId: string): string =>
  `(SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'event_on', e.event_on, 'statute', e.statute, 'felony', e.felony,
      'offense_on', e.offense_on, 'solely_alcohol_or_drug', e.solely_alcohol_or_drug, 'expires_on', e.expires_on,
      'active', e.active, 'category', e.category) ORDER BY e.event_on, e.id), '[]'::json)
     FROM prohibiting_events e WHERE e.person_id = ${personId} AND e.lifted_at IS NULL)`;

const opt = <K extends string, V>(k: K, v: V | null | undefined) =>
  (v === null || v === undefined ? {} : { [k]: v }) as Partial<Record<K, V>>;

/** One stored event as the law reads it. */
export function toPersonEvent(e: Record<string, any>): PersonEvent {
  switch (e.kind) {
    case "conviction":
      return {
        kind: "conviction",
        ...opt("statute", e.statute as string),
        ...opt("felony", e.felony as boolean),
        ...opt("offenseDate", e.offense_on as PlainDate),
        convictionDate: e.event_on,
      };
    case "voluntary-admission":
      return {
        kind: "voluntary-admission",
        date: e.event_on,
        ...opt("solelyAlcoholOrDrug", e.solely_alcohol_or_drug as boolean),
      };
    case "probate-commitment":
      return { kind: "probate-commitment", date: e.event_on };
    case "ngri-discharge":
      return { kind: "ngri-discharge", date: e.event_on };
    case "firearms-seizure-order":
      return { kind: "firearms-seizure-order", date: e.event_on, ...opt("active", e.active as boolean) };
    case "federal-prohibitor":
      return { kind: "federal-prohibitor", date: e.event_on, ...opt("category", e.category as string) };
    default:
      return {
        kind: e.kind,
        issuedOn: e.event_on,
        ...opt("expiresOn", e.expires_on as PlainDate),
        ...opt("active", e.active as boolean),
      } as PersonEvent;
  }
}

/**
 * Stateline's credential kinds as the sale rules name them.
 * QUESTION(legal): the temporary state permit is read as valid for no purchase
 * (law/ct/credentials/purchase-validity.ts), so it is not offered to the sale rules.
 */
export const LAW_CREDENTIAL_KIND: Readonly<Record<string, LawCredentialKind | undefined>> = {
  "state-handgun-permit": "permit-to-carry",
  "handgun-eligibility-certificate": "handgun-eligibility-certificate",
  "long-gun-eligibility-certificate": "long-gun-eligibility-certificate",
  "ammunition-certificate": "ammunition-certificate",
};

/** A superseded credential (replaced by its renewal) is no longer valid: the law reads it as expired. */
export const LAW_CREDENTIAL_STATUS: Readonly<Record<string, LawCredential["status"] | undefined>> = {
  active: "valid",
  revoked: "revoked",
  expired: "expired",
  superseded: "expired",
};

/** Credentials on file as the sale rules read them; `presentedId` marks the one the buyer showed. */
export function lawCredentials(
  rows: readonly {
    id: string;
    number: string;
    kind: string;
    status: string;
    issuedOn: PlainDate;
    expiresOn: PlainDate;
  }[],
  presentedId: string | null,
): LawCredential[] {
  return rows.flatMap((c) => {
    const kind = LAW_CREDENTIAL_KIND[c.kind];
    const status = LAW_CREDENTIAL_STATUS[c.status];
    if (!kind || !status) return [];
    // Stateline's expires_on is the first day a credential is no longer valid; the rules take the last valid day.
    return [
      {
        kind,
        number: c.number,
        status,
        issuedOn: c.issuedOn,
        expiresOn: addDays(c.expiresOn, -1),
        presented: c.id === presentedId,
      },
    ];
  });
}
