/**
 * NICS SIMULATOR — not the FBI's system. A faithful stand-in for development
 * and tests: deterministic answers from the person's identity, transaction
 * numbers in NICS's shape, delayed checks that resolve later, and switchable
 * outages and slowness. It keeps everything in memory.
 *
 * Rules of the simulation:
 * - a person listed with `deny(...)` is Denied;
 * - a person listed with `delay(...)` is Delayed until `resolve(ntn, ...)` is
 *   called (or, with `autoResolveMs`, until that long after the check, when
 *   the next `status` call finds it Proceed);
 * - otherwise about 1 check in 20 is Delayed (by a hash of the identity) when `randomDelays` is on;
 * - with `demo` on (the demo build), the identities `demoNicsOutcome` names
 *   are Delayed: "resolves" ones answer Proceed `demo.resolveAfterMs` after the
 *   check, "holds" ones stay Delayed (the dealer practises proceeding after
 *   three business days). Their transaction numbers carry the rule (DR… / DH…
 *   and the minute the check began), so a restarted simulator answers them the same;
 * - everyone else Proceeds.
 * Proceed and Denied are final: `resolve` refuses to change them, as NICS would.
 */
import { createHash } from "node:crypto";
import {
  type NicsAdapter,
  type NicsRequest,
  type NicsResponse,
  type NicsStatus,
  NicsInvalidRequest,
  NicsUnavailable,
  NicsUnknownTransaction,
  nicsTransactionType,
  NICS_PURPOSES,
} from "./contract.ts";

const key = (p: Pick<NicsRequest["person"], "firstName" | "lastName" | "birthDate">) =>
  `${p.lastName.trim().toLowerCase()}|${p.firstName.trim().toLowerCase()}|${p.birthDate}`;

/** What the simulator remembers of one transaction (for tests and the contract suite). */
export interface SimulatedTransaction {
  transactionNumber: string;
  status: NicsStatus;
  purpose: NicsRequest["purpose"];
  transactionType: { code: string; label: string };
  startedAt: number;
  respondedAt: string;
}

export interface NicsSimulator extends NicsAdapter {
  deny(p: Pick<NicsRequest["person"], "firstName" | "lastName" | "birthDate">): void;
  delay(p: Pick<NicsRequest["person"], "firstName" | "lastName" | "birthDate">): void;
  /** Resolves a delayed check. Throws NicsUnknownTransaction for an unknown number, and refuses a check that is already final. */
  resolve(transactionNumber: string, status: Exclude<NicsStatus, "delayed">): void;
  setOutage(down: boolean): void;
  setLatencyMs(ms: number): void;
  /** The transaction as the simulator holds it, or undefined. */
  transaction(transactionNumber: string): SimulatedTransaction | undefined;
  /** Transaction numbers still Delayed. */
  delayedTransactions(): string[];
  readonly checks: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The demo's delayed identities, by a hash of the identity: about 1 in 25 "resolves", 1 in 25 "holds" (deterministic, for the seed to choose buyers). */
export function demoNicsOutcome(
  p: Pick<NicsRequest["person"], "firstName" | "lastName" | "birthDate">,
): "resolves" | "holds" | null {
  const b = createHash("sha256")
    .update(`demo|${key(p)}`)
    .digest()[0]!;
  return b < 10 ? "resolves" : b < 20 ? "holds" : null;
}

/**
 * A demo NTN: D, R (resolves) or H (holds), the second the check began (6 base-36 digits, seconds
 * since 2020-01-01, good until 2089), 2 random characters (1,296 a second for each kind). The
 * second, not the minute: a simulator restarted in the same minute as its predecessor would
 * otherwise hand out numbers the sales already stored carry (the primary-loss drill restarts the
 * server under load), and a busy minute would run out of numbers.
 */
const DEMO_NTN = /^D([RH])([0-9A-Z]{6})[0-9A-Z]{2}$/;
const DEMO_EPOCH_MS = Date.UTC(2020, 0, 1);
const demoNtn = (kind: "resolves" | "holds", startedAt: number) =>
  `D${kind === "resolves" ? "R" : "H"}${Math.floor((startedAt - DEMO_EPOCH_MS) / 1000)
    .toString(36)
    .toUpperCase()
    .padStart(6, "0")}${Math.floor(Math.random() * 1296)
    .toString(36)
    .toUpperCase()
    .padStart(2, "0")}`;
/** Demo Delayed checks of one kind in one second above this are answered as an outage (the numbers would run out). */
const DEMO_NTNS_PER_SECOND = 1000;

export function createNicsSimulator(
  opts: { randomDelays?: boolean; autoResolveMs?: number; now?: () => Date; demo?: { resolveAfterMs: number } } = {},
): NicsSimulator {
  const denied = new Set<string>();
  const delayed = new Set<string>();
  const txns = new Map<string, SimulatedTransaction>();
  let down = false;
  let latency = 0;
  let seq = 0;
  const now = opts.now ?? (() => new Date());
  const ntn = () => {
    seq += 1;
    // NTNs are 10 alphanumeric characters, e.g. 1A2B3C4D5E
    return createHash("sha256")
      .update(`${process.pid}:${Date.now()}:${seq}:${Math.random()}`)
      .digest("hex")
      .slice(0, 10)
      .toUpperCase();
  };
  const wait = () => (latency ? new Promise((r) => setTimeout(r, latency)) : Promise.resolve());
  const perSecond = new Map<string, number>();
  const uniqueDemoNtn = (kind: "resolves" | "holds", at: number) => {
    const second = `${kind}:${Math.floor(at / 1000)}`;
    const used = (perSecond.get(second) ?? 0) + 1;
    if (used > DEMO_NTNS_PER_SECOND)
      throw new NicsUnavailable(`NICS simulator: more than ${DEMO_NTNS_PER_SECOND} demo Delayed checks in one second`);
    if (perSecond.size > 120) perSecond.clear();
    perSecond.set(second, used);
    let n = demoNtn(kind, at);
    while (txns.has(n)) n = demoNtn(kind, at);
    return n;
  };
  /** A demo transaction this simulator has not seen (it was restarted): answered from its number. */
  const demoTransaction = (n: string): SimulatedTransaction | undefined => {
    const m = opts.demo ? DEMO_NTN.exec(n) : null;
    if (!m) return undefined;
    const startedAt = DEMO_EPOCH_MS + Number.parseInt(m[2]!, 36) * 1000;
    const t: SimulatedTransaction = {
      transactionNumber: n,
      status: "delayed",
      purpose: "retail-sale",
      transactionType: { code: "", label: "demo" },
      startedAt,
      respondedAt: new Date(startedAt).toISOString(),
    };
    txns.set(n, t);
    return t;
  };
  const answer = (t: SimulatedTransaction): NicsResponse => ({
    transactionNumber: t.transactionNumber,
    status: t.status,
    respondedAt: t.respondedAt,
  });
  return {
    name: "nics-simulator",
    get checks() {
      return seq;
    },
    async check(req) {
      await wait();
      if (down) throw new NicsUnavailable("NICS simulator: outage switched on");
      const p = req?.person;
      if (
        !p ||
        typeof p.firstName !== "string" ||
        !p.firstName.trim() ||
        typeof p.lastName !== "string" ||
        !p.lastName.trim()
      )
        throw new NicsInvalidRequest("the person's first and last name are required");
      if (typeof p.birthDate !== "string" || !DATE.test(p.birthDate))
        throw new NicsInvalidRequest("the date of birth must be YYYY-MM-DD");
      if (!NICS_PURPOSES.includes(req.purpose)) throw new NicsInvalidRequest(`unknown purpose ${String(req.purpose)}`);
      const k = key(p);
      let status: NicsStatus = "proceed";
      if (denied.has(k)) status = "denied";
      else if (delayed.has(k)) status = "delayed";
      else if (opts.randomDelays && createHash("sha256").update(k).digest()[0]! < 13) status = "delayed";
      const demo = opts.demo && status === "proceed" ? demoNicsOutcome(p) : null;
      if (demo) status = "delayed";
      const t: SimulatedTransaction = {
        transactionNumber: demo ? uniqueDemoNtn(demo, now().getTime()) : ntn(),
        status,
        purpose: req.purpose,
        transactionType: nicsTransactionType(req),
        startedAt: now().getTime(),
        respondedAt: now().toISOString(),
      };
      txns.set(t.transactionNumber, t);
      return answer(t);
    },
    async status(transactionNumber) {
      await wait();
      if (down) throw new NicsUnavailable("NICS simulator: outage switched on");
      const t = txns.get(transactionNumber) ?? demoTransaction(transactionNumber);
      if (!t) throw new NicsUnknownTransaction(transactionNumber);
      if (
        t.status === "delayed" &&
        opts.demo &&
        t.transactionNumber.startsWith("DR") &&
        now().getTime() - t.startedAt >= opts.demo.resolveAfterMs
      ) {
        t.status = "proceed";
        t.respondedAt = now().toISOString();
      }
      if (
        t.status === "delayed" &&
        opts.autoResolveMs !== undefined &&
        now().getTime() - t.startedAt >= opts.autoResolveMs
      ) {
        t.status = "proceed";
        t.respondedAt = now().toISOString();
      }
      return answer(t);
    },
    deny(p) {
      denied.add(key(p));
    },
    delay(p) {
      delayed.add(key(p));
    },
    resolve(transactionNumber, status) {
      const t = txns.get(transactionNumber);
      if (!t) throw new NicsUnknownTransaction(transactionNumber);
      if (t.status !== "delayed")
        throw new Error(`NICS transaction ${transactionNumber} is already final (${t.status})`);
      t.status = status;
      t.respondedAt = now().toISOString();
    },
    setOutage(d) {
      down = d;
    },
    setLatencyMs(ms) {
      latency = ms;
    },
    transaction(transactionNumber) {
      const t = txns.get(transactionNumber);
      return t ? { ...t } : undefined;
    },
    delayedTransactions() {
      return [...txns.values()].filter((t) => t.status === "delayed").map((t) => t.transactionNumber);
    },
  };
}
