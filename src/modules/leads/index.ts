/**
 * What other modules and jobs may use of the leads module: the targeted runs
 * (after an ammunition sale, after a firearm sale, for one person after a
 * prohibiting event) and the sweep for the daily jobs and the CLI.
 */
export { detectAfterFirearmSale, detectAfterSale, detectForPerson, runLeadSweep, type SweepResult } from "./service.ts";
export { DETECTOR_IDS, LEAD_SETTINGS, type DetectorId } from "./detectors.ts";
export { openCaseForPerson } from "./system-cases.ts";
