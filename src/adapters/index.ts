/** External systems, each behind an adapter. In this build every adapter is a simulator, named as such. */
import type { NicsAdapter } from "./nics/contract.ts";
import { createNicsSimulator } from "./nics/simulator.ts";

export interface Adapters {
  nics: NicsAdapter;
}

export function simulatedAdapters(): Adapters {
  return { nics: createNicsSimulator({ randomDelays: false }) };
}
