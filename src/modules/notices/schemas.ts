/** Inputs of the notices routes and pages. */
import { z } from "zod";

export const NoticeStatus = z.enum(["queued", "sent", "failed", "dead"]);

export const NoticeListQuery = z
  .object({
    status: NoticeStatus.optional(),
    personId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const NoticeId = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict();
