/** What other modules (and src/app.ts) may use of the sales module. */
export {
  startSalesWorkers,
  runSalesWorkersOnce,
  pollNics,
  purgeNicsDetails,
  type SalesWorkerOptions,
} from "./workers.ts";
export {
  requestSale,
  requestStateAuthorization,
  proceedSale,
  cancelSale,
  reassessPendingSales,
  NEXT as SALE_NEXT,
  type SaleRequest,
  type SaleOutcome,
} from "./service.ts";
export { getSale, findSale, listSales, firearmsAcquiredBy, type Sale, type AcquiredFirearm } from "./queries.ts";
export { deliverDueWebhooks, registerWebhook } from "./webhooks.ts";
export { NCIC_MAKES, NCIC_TYPES, NCIC_CALIBERS } from "./ncic.ts";
export { salesPolicy } from "./policy.ts";
export { findDecision } from "./queries.ts";
