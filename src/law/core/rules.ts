/**
 * The vocabulary every rule speaks: citations, dated values, findings and
 * decisions. Nothing here reads a clock, a database or the environment.
 */
import type { PlainDate } from "./dates.ts";

/** Where a rule comes from. `act` is the enacting instrument, `section` its section; `cgs` the codified statute. */
export interface Citation {
  act: string;
  section: string;
  cgs?: string;
  /** "statute" for law; "policy" for an administrative setting the law does not itself enact. */
  basis: "statute" | "policy" | "federal";
  /** A short verbatim or near-verbatim passage of the text the rule implements. */
  text?: string;
}

export function cite(
  act: string,
  section: string,
  extra: { cgs?: string; text?: string; basis?: Citation["basis"] } = {},
): Citation {
  return {
    act,
    section,
    basis: extra.basis ?? "statute",
    ...(extra.cgs ? { cgs: extra.cgs } : {}),
    ...(extra.text ? { text: extra.text } : {}),
  };
}

/** Public Act 13-3, the 2013 Act Concerning Gun Violence Prevention and Children's Safety. */
export function pa133(section: string, extra: { cgs?: string; text?: string } = {}): Citation {
  return cite("PA 13-3", section, extra);
}

export function citationLabel(c: Citation): string {
  const head = `${c.basis === "policy" ? "Policy" : c.act} ${c.section}`;
  // "CGS § 1-4" cited with cgs "CGS § 1-4" would otherwise print twice.
  const repeats = c.cgs !== undefined && c.cgs.replace(/\s+/g, " ").startsWith(head.replace(/\s+/g, " "));
  return c.cgs && !repeats ? `${head} (${c.cgs})` : head;
}

/** A value in force from `from` (inclusive) until `until` (exclusive), with its source. */
export interface Dated<T> {
  from: PlainDate | string;
  until?: PlainDate | string;
  value: T;
  source: Citation;
}

/** Thrown when a rule is asked about a date it does not model. */
export class NotInForce extends Error {
  readonly on: string;
  readonly earliest: string | undefined;
  constructor(ruleId: string, on: string, earliest?: string) {
    super(`${ruleId}: no version of this rule is modelled for ${on}${earliest ? ` (modelled from ${earliest})` : ""}`);
    this.name = "NotInForce";
    this.on = on;
    this.earliest = earliest;
  }
}

/** The version in force on `on`: the latest that started on or before it and has not ended. */
export function findInForce<T>(versions: readonly Dated<T>[], on: PlainDate): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const v of versions) {
    if (v.from <= on && (v.until === undefined || on < v.until) && (!best || v.from > best.from)) best = v;
  }
  return best;
}

export function inForce<T>(versions: readonly Dated<T>[], on: PlainDate, ruleId = "rule"): Dated<T> {
  const v = findInForce(versions, on);
  if (!v) {
    const earliest = versions.map((x) => x.from).sort()[0];
    throw new NotInForce(ruleId, on, earliest);
  }
  return v;
}

/**
 * met: the requirement is satisfied (or the disqualifier is absent);
 * not-met: it is not; unknown: facts are missing or conflict, so a human must look;
 * not-applicable: the rule does not reach this case.
 */
export type FindingStatus = "met" | "not-met" | "unknown" | "not-applicable";

export interface Finding {
  /** Stable rule id, e.g. "credentials.minimum-age". */
  id: string;
  status: FindingStatus;
  /** Plain-language reason for this status, naming the facts used. */
  because: string;
  source: Citation;
  /** Fact paths whose absence made the status unknown. */
  missing?: string[];
  /** What would change this finding, for a person told "no". */
  remedy?: string;
}

export type Outcome = "yes" | "no" | "unknown";

/** Combine requirement findings: any not-met gives no; otherwise any unknown gives unknown; otherwise yes. */
export function allOf(findings: readonly Finding[]): Outcome {
  if (findings.some((f) => f.status === "not-met")) return "no";
  if (findings.some((f) => f.status === "unknown")) return "unknown";
  return "yes";
}

export function missingOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => f.missing ?? []))].sort();
}

export function met(id: string, source: Citation, because: string): Finding {
  return { id, status: "met", because, source };
}
export function notMet(id: string, source: Citation, because: string, remedy?: string): Finding {
  return { id, status: "not-met", because, source, ...(remedy ? { remedy } : {}) };
}
export function unknown(id: string, source: Citation, missing: string[], because?: string): Finding {
  return { id, status: "unknown", because: because ?? `not known: ${missing.join(", ")}`, source, missing };
}
export function notApplicable(id: string, source: Citation, because: string): Finding {
  return { id, status: "not-applicable", because, source };
}
