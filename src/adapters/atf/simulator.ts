/**
 * ATF eTrace SIMULATOR — not ATF's system. A faithful stand-in for development and tests.
 *
 * Rules of the simulation:
 * - guns it "knows" (`knowGun`) trace to their first retail purchase; any other serial number is
 *   answered "no record" (the chain from manufacturer to dealer breaks);
 * - an urgent request is answered one day after it was submitted, a routine one nine days after
 *   (eTrace's published averages), measured on the clock it is given; `status` before then says pending;
 * - `setOutage(true)` makes every call throw AtfUnavailable;
 * - a request without a serial number, recovery date or crime code is refused as invalid.
 * It keeps everything in memory.
 */
import {
  type AtfAdapter,
  type AtfFirstPurchase,
  type AtfTraceRequest,
  type AtfTraceResult,
  AtfInvalidRequest,
  AtfUnavailable,
  AtfUnknownTrace,
} from "./contract.ts";

export interface AtfSimulator extends AtfAdapter {
  knowGun(g: { make?: string; serialNumber: string } & AtfFirstPurchase): void;
  setOutage(down: boolean): void;
  /** Requests received (for tests). */
  readonly requests: readonly (AtfTraceRequest & { traceNumber: string })[];
}

const DAY = 86_400_000;
export const ATF_SIMULATED_TURNAROUND = { urgent: 1 * DAY, routine: 9 * DAY } as const;

export function createAtfSimulator(opts: { now?: () => Date } = {}): AtfSimulator {
  const now = opts.now ?? (() => new Date());
  const known = new Map<string, { make?: string } & AtfFirstPurchase>();
  const traces = new Map<string, { req: AtfTraceRequest; submittedAt: number }>();
  const requests: (AtfTraceRequest & { traceNumber: string })[] = [];
  let down = false;
  let seq = 0;
  const key = (serial: string) => serial.trim().toUpperCase();

  function answer(traceNumber: string): AtfTraceResult {
    const t = traces.get(traceNumber);
    if (!t) throw new AtfUnknownTrace(traceNumber);
    const submittedAt = new Date(t.submittedAt).toISOString();
    const due = t.submittedAt + ATF_SIMULATED_TURNAROUND[t.req.priority];
    if (now().getTime() < due) return { traceNumber, status: "pending", submittedAt };
    const completedAt = new Date(due).toISOString();
    const g = known.get(key(t.req.firearm.serialNumber));
    if (!g || (g.make && t.req.firearm.make && g.make.toUpperCase() !== t.req.firearm.make.toUpperCase())) {
      return {
        traceNumber,
        status: "no-record",
        submittedAt,
        completedAt,
        reason: "no purchase record found for this make and serial number",
      };
    }
    const { make: _make, ...firstPurchase } = g;
    return { traceNumber, status: "completed", submittedAt, completedAt, firstPurchase };
  }

  return {
    name: "ATF eTrace SIMULATOR",
    requests,
    knowGun(g) {
      const { serialNumber, ...rest } = g;
      known.set(key(serialNumber), rest);
    },
    setOutage(d) {
      down = d;
    },
    async submit(req) {
      if (down) throw new AtfUnavailable();
      if (!req.firearm?.serialNumber?.trim()) throw new AtfInvalidRequest("firearm.serialNumber is required");
      if (!req.firearm.make?.trim()) throw new AtfInvalidRequest("firearm.make is required");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(req.recovery?.date ?? ""))
        throw new AtfInvalidRequest("recovery.date must be YYYY-MM-DD");
      if (!req.recovery.crimeCode?.trim()) throw new AtfInvalidRequest("recovery.crimeCode is required");
      if (req.priority !== "urgent" && req.priority !== "routine")
        throw new AtfInvalidRequest("priority must be urgent or routine");
      seq += 1;
      const at = now();
      const traceNumber = `T${at.getUTCFullYear()}${String(seq).padStart(7, "0")}`;
      traces.set(traceNumber, { req: structuredClone(req), submittedAt: at.getTime() });
      requests.push({ ...structuredClone(req), traceNumber });
      return { traceNumber, status: "pending", submittedAt: at.toISOString() };
    },
    async status(traceNumber) {
      if (down) throw new AtfUnavailable();
      return answer(traceNumber);
    },
  };
}
