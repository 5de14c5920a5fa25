/** External systems, each behind an adapter. In this build every adapter is a simulator, named as such. */
import type { NicsAdapter } from "./nics/contract.ts";
import { createNicsSimulator } from "./nics/simulator.ts";

export interface Adapters {
  nics: NicsAdapter;
}

export function simulatedAdapters(): Adapters {
  // The demo: some identities are Delayed and resolve 10 minutes later, or hold (simulator.ts demoNicsOutcome; the seed sells to both).
  return { nics: createNicsSimulator({ randomDelays: false, demo: { resolveAfterMs: 10 * 60_000 } }) };
}
