/**
 * The state's answer to a sale: gather the buyer's facts from Stateline's
 * records, ask the rulebook (`long-gun-sale` or `handgun-sale`), and turn the
 * decision and the NICS answer into authorized, denied or delayed.
 *
 * Stateline is the state's own authorizing system (DESPP), so the law's
 * "DESPP authorized the transfer" requirement is the one thing the law cannot
 * be told in advance: the rulebook is asked first with the authorization
 * pending, and the state authorizes only when every other requirement is met
 * and NICS (the check DESPP's authorization rests on) answered Proceed. The
 * decision then stored is the one asked again with the authorization issued,
 * so it can be replayed: every finding met, and its number in the facts.
 *
 * QUESTION(legal): when NICS stays Delayed past the federal three-business-day
 * rule (18 U.S.C. § 922(t)(1)(B)(ii)), may DESPP authorize a retail sale (or a
 * handgun transfer) on the licensee's default proceed? The analysis of PA 13-3
 * § 1 says DESPP "must authorize or deny" and ties delivery to its
 * authorization number; it is silent on Delayed checks. Reading chosen: the
 * dealer may proceed after the three business days, and the state then issues
 * the authorization if every state requirement is met (records, credential,
 * age). The private long gun route through a dealer's check never proceeds on
 * a Delayed check (see long-gun-private-transfer.ts).
 *
 * QUESTION(legal): the three business days count from the first attempt to
 * reach NICS, even when NICS was down and the check waited in Stateline's queue
 * (the licensee "contacted the system" and could not get an answer). Stateline
 * issues its own reference for such a check, and re-submits it when NICS returns.
 */
import type { Queryable } from "../../db/client.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import type { Decision } from "../../law/core/questions.ts";
import type { Finding } from "../../law/core/rules.ts";
import { validForPurpose, type CredentialKind as StateCredentialKind } from "../../law/ct/credentials/index.ts";
import { nicsProceedDate } from "../../law/ct/sales/nics-proceed-date.ts";
import type { Credential as LawCredential } from "../../law/ct/sales/credentials.ts";
import { lawCredentials, prohibitingEventsJson, toPersonEvent } from "../credentials/index.ts";
import type { PersonEvent } from "../../law/ct/criminal-possession/events.ts";
import { decide } from "../decisions/index.ts";
import { typeOf } from "./ncic.ts";

export const DEALER_KINDS = [
  "retail-long-gun",
  "retail-handgun",
  "private-long-gun-via-dealer",
  "private-handgun-via-dealer",
] as const;
export const STATE_KINDS = ["private-long-gun-via-state", "private-handgun-via-state"] as const;
export type DealerSaleKind = (typeof DEALER_KINDS)[number];
export type SaleKind = DealerSaleKind | (typeof STATE_KINDS)[number];
export type Route = "retail" | "private-dealer-nics" | "private-despp" | "private";
export type FirearmClass = "long-gun" | "handgun";
export type SaleStatus = "delayed" | "authorized" | "proceeded" | "denied" | "denied-after-transfer" | "cancelled";
export type DelayReason = "nics-delayed" | "nics-unavailable" | "needs-review" | "waiting-period";
export type Officer = "federal-marshal" | "parole-officer" | "peace-officer" | "none";

export const KIND_INFO: Record<
  SaleKind,
  { firearmClass: FirearmClass; route: Route; channel: "dealer" | "state"; nicsPurpose: "retail-sale" | "private-sale" }
> = {
  "retail-long-gun": { firearmClass: "long-gun", route: "retail", channel: "dealer", nicsPurpose: "retail-sale" },
  "retail-handgun": { firearmClass: "handgun", route: "retail", channel: "dealer", nicsPurpose: "retail-sale" },
  "private-long-gun-via-dealer": {
    firearmClass: "long-gun",
    route: "private-dealer-nics",
    channel: "dealer",
    nicsPurpose: "private-sale",
  },
  "private-handgun-via-dealer": {
    firearmClass: "handgun",
    route: "private",
    channel: "dealer",
    nicsPurpose: "private-sale",
  },
  "private-long-gun-via-state": {
    firearmClass: "long-gun",
    route: "private-despp",
    channel: "state",
    nicsPurpose: "private-sale",
  },
  "private-handgun-via-state": {
    firearmClass: "handgun",
    route: "private",
    channel: "state",
    nicsPurpose: "private-sale",
  },
};

/** What the law needs to know about a sale, from a request or a stored sale. */
export interface SaleSubject {
  kind: SaleKind;
  saleOn: PlainDate;
  buyer: { lastName: string; birthDate: PlainDate; credentialNumber: string; officer: Officer };
  firearm: {
    type: string;
    semiautomatic?: boolean | null | undefined;
    centerfire?: boolean | null | undefined;
    acceptsMagazineOverFiveRounds?: boolean | null | undefined;
    antique?: boolean | null | undefined;
  };
}

/** The buyer as Stateline's records know them, found through the credential they showed. */
export interface BuyerRecord {
  /** The credential number, last name and date of birth match one credential of one person. */
  verified: boolean;
  personId: string | null;
  credentialId: string | null;
  credentialKind: StateCredentialKind | null;
  /** Whether the credential shown is valid for this purchase on the day (the verification rule); null when not verified. */
  validForPurpose: boolean | null;
  birthDate: PlainDate | null;
  credentials: LawCredential[] | undefined;
  events: PersonEvent[] | undefined;
}

export interface NicsState {
  status: "proceed" | "delayed" | "denied" | "queued" | "skipped" | "cancelled";
  transactionNumber: string | null;
  initiatedOn: PlainDate;
}

export interface Evaluation {
  status: "authorized" | "proceeded" | "denied" | "delayed";
  delayReason: DelayReason | null;
  decision: Decision;
  facts: unknown;
  authorizationNumber: string | null;
  proceedAfter: PlainDate | null;
  mayProceedOn: PlainDate | null;
}

export const normalizeCredentialNumber = (n: string): string =>
  n
    .trim()
    .toUpperCase()
    .replace(/^([A-Z]{2})-?/, "$1-");
const normName = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

/**
 * Finds the buyer through the credential shown: number, last name and date of
 * birth must all match (the verification rule). A mismatch is not a denial:
 * the buyer's records stay unknown and the sale goes to review.
 */
export async function findBuyerRecord(q: Queryable, subject: SaleSubject, on: PlainDate): Promise<BuyerRecord> {
  const none: BuyerRecord = {
    verified: false,
    personId: null,
    credentialId: null,
    credentialKind: null,
    validForPurpose: null,
    birthDate: null,
    credentials: undefined,
    events: undefined,
  };
  // The credential shown, its holder, all of the holder's credentials and the holder's prohibiting events in one statement.
  const rows = await q.query(
    `SELECT c.id::text, c.kind, c.person_id::text, p.last_name, p.birth_date,
       (SELECT json_agg(json_build_object('id', a.id::text, 'number', a.number, 'kind', a.kind, 'status', a.status,
                                          'issued_on', a.issued_on, 'expires_on', a.expires_on) ORDER BY a.issued_on, a.id)
          FROM credentials a WHERE a.person_id = c.person_id) AS credentials,
       ${prohibitingEventsJson("c.person_id")} AS events
     FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.number = $1`,
    [normalizeCredentialNumber(subject.buyer.credentialNumber)],
  );
  const hit = rows[0];
  if (
    !hit ||
    normName(hit.last_name) !== normName(subject.buyer.lastName) ||
    hit.birth_date !== subject.buyer.birthDate
  )
    return none;
  const all: {
    id: string;
    number: string;
    kind: string;
    status: string;
    issued_on: PlainDate;
    expires_on: PlainDate;
  }[] = hit.credentials;
  const credentials = lawCredentials(
    all.map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      status: c.status,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
    })),
    hit.id,
  );
  const purpose = KIND_INFO[subject.kind].firearmClass === "handgun" ? "handgun-purchase" : "long-gun-purchase";
  const matched = all.find((c) => c.id === hit.id)!;
  const usable = matched.status === "active" && matched.issued_on <= on && on < matched.expires_on;
  return {
    verified: true,
    personId: hit.person_id,
    credentialId: hit.id,
    credentialKind: hit.kind,
    validForPurpose: usable && validForPurpose(hit.kind, purpose, on).valid,
    birthDate: hit.birth_date,
    credentials,
    events: (hit.events as Record<string, unknown>[]).map(toPersonEvent),
  };
}

type Authorization = { status: "approved" | "denied" | "pending"; number?: string; issuedOn?: PlainDate };

function semiautomaticCenterfireRifle(f: SaleSubject["firearm"]): boolean | undefined {
  const t = typeOf(f.type);
  if (!t?.rifle) return false;
  const semi = t.semiautomatic ?? f.semiautomatic ?? undefined;
  const centerfire = f.centerfire ?? undefined;
  if (semi === false || centerfire === false) return false;
  return semi === true && centerfire === true ? true : undefined;
}

/** The facts of the sale question, as the rulebook's schema wants them. */
export function saleFacts(
  subject: SaleSubject,
  buyer: BuyerRecord,
  nics: NicsState,
  authorization: Authorization,
): { question: "long-gun-sale" | "handgun-sale"; facts: Record<string, unknown> } {
  const info = KIND_INFO[subject.kind];
  const seller = { federalLicence: info.route === "retail" ? "dealer" : "none" };
  const person = {
    federalLicence: "none",
    birthDate: buyer.birthDate ?? subject.buyer.birthDate,
    ...(buyer.credentials !== undefined ? { credentials: buyer.credentials } : {}),
    officer: subject.buyer.officer,
    ...(buyer.events !== undefined ? { events: buyer.events } : {}),
  };
  if (info.firearmClass === "handgun") {
    return {
      question: "handgun-sale",
      facts: { seller, buyer: person, transfer: { temporaryForTargetShooting: false, authorization } },
    };
  }
  const firearm = {
    ...(semiautomaticCenterfireRifle(subject.firearm) !== undefined
      ? { semiautomaticCenterfireRifle: semiautomaticCenterfireRifle(subject.firearm) }
      : {}),
    ...(subject.firearm.acceptsMagazineOverFiveRounds != null
      ? { acceptsMagazineOverFiveRounds: subject.firearm.acceptsMagazineOverFiveRounds }
      : {}),
    ...(subject.firearm.antique != null ? { antique: subject.firearm.antique } : {}),
  };
  const final = nics.status === "proceed" || nics.status === "delayed" || nics.status === "denied";
  const transfer =
    info.route === "private-dealer-nics"
      ? {
          privateRoute: "dealer-nics",
          nics: {
            dealerConsented: true,
            initiatedOn: nics.initiatedOn,
            ...(final ? { response: nics.status } : {}),
            ...(nics.transactionNumber && final ? { transactionNumber: nics.transactionNumber } : {}),
          },
        }
      : {
          ...(info.route === "private-despp" ? { privateRoute: "despp" } : {}),
          applicationDate: subject.saleOn,
          authorization,
          // Before 2014-04-01 a retail sale waits two weeks unless an exception applies. The dealer's
          // request records the officer exception and whether the gun is an antique, and no hunting
          // licence or armed forces membership: none shown means none applies, so the wait applies
          // (asking the rulebook without saying so left every such sale "needs review").
          ...(info.route === "retail" && subject.buyer.officer === "none" && subject.firearm.antique !== true
            ? { waitingPeriodExceptions: "none" }
            : {}),
        };
  return { question: "long-gun-sale", facts: { seller, buyer: person, firearm, transfer } };
}

const AUTHORIZATION_FINDINGS = new Set(["sales.long-gun.despp-authorization", "sales.handgun.despp-authorization"]);
const NICS_RESPONSE_FINDING = "sales.long-gun.private-transfer.nics-response";
const WAITING_PERIOD_FINDING = "sales.long-gun.waiting-period";

/** The findings that wait on the state's own action (its authorization, or a NICS answer not in yet). */
function pendingIds(route: Route, nics: NicsState): Set<string> {
  const ids = new Set(AUTHORIZATION_FINDINGS);
  if (route === "private-dealer-nics" && nics.status !== "proceed" && nics.status !== "denied")
    ids.add(NICS_RESPONSE_FINDING);
  return ids;
}

function classify(findings: readonly Finding[], pending: Set<string>): "blocked" | "waiting" | "unknown" | "clear" {
  const blockers = findings.filter((f) => f.status === "not-met" && !pending.has(f.id));
  if (blockers.length) return blockers.every((f) => f.id === WAITING_PERIOD_FINDING) ? "waiting" : "blocked";
  return findings.some((f) => f.status === "unknown" && !pending.has(f.id)) ? "unknown" : "clear";
}

function latest(...ds: (PlainDate | null)[]): PlainDate | null {
  return ds.reduce<PlainDate | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
}

/**
 * Decides a sale on `on`. With `defaultProceed` (the dealer proceeding after
 * the three business days), a still-Delayed or queued NICS check no longer
 * holds the state's authorization back, except on the private long gun route.
 */
export async function evaluateSale(
  q: Queryable,
  input: { subject: SaleSubject; buyer: BuyerRecord; nics: NicsState; on: PlainDate; defaultProceed?: boolean },
): Promise<Evaluation> {
  const { subject, buyer, nics, on } = input;
  const info = KIND_INFO[subject.kind];
  const ask = (authorization: Authorization) => {
    const { question, facts } = saleFacts(subject, buyer, nics, authorization);
    return { decision: decide(question, on, facts), facts };
  };
  const pending = pendingIds(info.route, nics);
  const first = ask({ status: "pending" });
  const kind = classify(first.decision.findings, pending);
  const none = { authorizationNumber: null, proceedAfter: null, mayProceedOn: null };

  if (nics.status === "denied") {
    const denied = ask({ status: "denied" });
    return { status: "denied", delayReason: null, ...denied, ...none };
  }
  if (kind === "blocked") return { status: "denied", delayReason: null, ...first, ...none };
  if (kind === "unknown" || nics.status === "skipped" || nics.status === "cancelled")
    return { status: "delayed", delayReason: "needs-review", ...first, ...none };

  const nicsWaiting = nics.status === "delayed" || nics.status === "queued";
  const nicsRule = nicsWaiting && info.route !== "private-dealer-nics" ? nicsProceedDate(nics.initiatedOn) : null;
  if (kind === "waiting") {
    const waitUntil = (first.decision.result as { waitUntil?: PlainDate | null }).waitUntil ?? null;
    const mayProceedOn = latest(waitUntil, nicsRule?.proceedOn ?? null);
    return {
      status: "delayed",
      delayReason: "waiting-period",
      ...first,
      authorizationNumber: null,
      mayProceedOn,
      proceedAfter: mayProceedOn ? addDays(mayProceedOn, -1) : null,
    };
  }
  const defaultProceed = input.defaultProceed === true && nicsWaiting && info.route !== "private-dealer-nics";
  if (nics.status === "proceed" || defaultProceed) {
    const seq = await q.query<{ n: number }>("SELECT nextval('sale_authorization_seq') AS n");
    const number = `${info.firearmClass === "handgun" ? "HG" : "LG"}-${seq[0]!.n}`;
    const authorized = ask({ status: "approved", number, issuedOn: on });
    if (authorized.decision.outcome === "yes") {
      return {
        status: nics.status === "proceed" ? "authorized" : "proceeded",
        delayReason: null,
        ...authorized,
        authorizationNumber: number,
        proceedAfter: null,
        mayProceedOn: null,
      };
    }
    // Not expected (every other requirement was met); never authorize on anything but "yes".
    return authorized.decision.outcome === "no"
      ? { status: "denied", delayReason: null, ...authorized, ...none }
      : { status: "delayed", delayReason: "needs-review", ...authorized, ...none };
  }
  return {
    status: "delayed",
    delayReason: nics.status === "queued" ? "nics-unavailable" : "nics-delayed",
    ...first,
    authorizationNumber: null,
    proceedAfter: nicsRule?.waitEndsOn ?? null,
    mayProceedOn: nicsRule?.proceedOn ?? null,
  };
}
