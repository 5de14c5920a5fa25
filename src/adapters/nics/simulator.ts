/**
 * NICS SIMULATOR — not the FBI's system. A faithful stand-in for development
 * and tests: deterministic answers from the person's identity, transaction
 * numbers in NICS's shape, delayed checks that resolve after a set time, and
 * switchable outages and slowness.
 *
 * Rules of the simulation:
 * - a person listed with `deny(...)` is Denied;
 * - a person listed with `delay(...)` is Delayed until `resolve(...)` is called
 *   (or after `autoResolveMs`, to Proceed);
 * - otherwise about 1 check in 20 is Delayed (by a hash of the identity) when `randomDelays` is on;
 * - everyone else Proceeds.
 */
import { createHash } from "node:crypto";
import { type NicsAdapter, type NicsRequest, type NicsResponse, type NicsStatus, NicsUnavailable } from "./contract.ts";

const key = (p: NicsRequest["person"]) => `${p.lastName.trim().toLowerCase()}|${p.firstName.trim().toLowerCase()}|${p.birthDate}`;

export interface NicsSimulator extends NicsAdapter {
  deny(p: NicsRequest["person"]): void;
  delay(p: NicsRequest["person"]): void;
  resolve(transactionNumber: string, status: Exclude<NicsStatus, "delayed">): void;
  setOutage(down: boolean): void;
  setLatencyMs(ms: number): void;
  readonly checks: number;
}

export function createNicsSimulator(opts: { randomDelays?: boolean; autoResolveMs?: number; now?: () => Date } = {}): NicsSimulator {
  const denied = new Set<string>();
  const delayed = new Set<string>();
  const txns = new Map<string, { status: NicsStatus; startedAt: number; respondedAt: string }>();
  let down = false;
  let latency = 0;
  let seq = 0;
  const now = opts.now ?? (() => new Date());
  const ntn = () => {
    seq += 1;
    // NTNs are 10 alphanumeric characters, e.g. 1A2B3C4D5E
    return createHash("sha256").update(`${process.pid}:${Date.now()}:${seq}:${Math.random()}`).digest("hex").slice(0, 10).toUpperCase();
  };
  const wait = () => (latency ? new Promise((r) => setTimeout(r, latency)) : Promise.resolve());
  return {
    name: "nics-simulator",
    get checks() { return seq; },
    async check(req) {
      await wait();
      if (down) throw new NicsUnavailable("NICS simulator: outage switched on");
      const k = key(req.person);
      let status: NicsStatus = "proceed";
      if (denied.has(k)) status = "denied";
      else if (delayed.has(k)) status = "delayed";
      else if (opts.randomDelays && createHash("sha256").update(k).digest()[0]! < 13) status = "delayed";
      const transactionNumber = ntn();
      const respondedAt = now().toISOString();
      txns.set(transactionNumber, { status, startedAt: now().getTime(), respondedAt });
      return { transactionNumber, status, respondedAt };
    },
    async status(transactionNumber) {
      await wait();
      if (down) throw new NicsUnavailable("NICS simulator: outage switched on");
      const t = txns.get(transactionNumber);
      if (!t) throw new Error(`unknown NICS transaction ${transactionNumber}`);
      if (t.status === "delayed" && opts.autoResolveMs !== undefined && now().getTime() - t.startedAt >= opts.autoResolveMs) {
        t.status = "proceed";
        t.respondedAt = now().toISOString();
      }
      return { transactionNumber, status: t.status, respondedAt: t.respondedAt } satisfies NicsResponse;
    },
    deny(p) { denied.add(key(p)); },
    delay(p) { delayed.add(key(p)); },
    resolve(transactionNumber, status) {
      const t = txns.get(transactionNumber);
      if (!t) throw new Error(`unknown NICS transaction ${transactionNumber}`);
      t.status = status;
      t.respondedAt = now().toISOString();
    },
    setOutage(d) { down = d; },
    setLatencyMs(ms) { latency = ms; },
  };
}
