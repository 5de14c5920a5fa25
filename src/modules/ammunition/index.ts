/**
 * What other modules may use of the ammunition module: read-only queries over
 * the sale record (the leads module's detectors read purchases through these).
 * Use cases live in service.ts and are called by routes.ts and the CLI.
 */
export { buyersAtManyVendors, purchasesOf, roundsByBuyer, type PurchaseSummary } from "./queries.ts";
export { ammunitionPolicy } from "./policy.ts";
export { listSalesFor } from "./service.ts";
