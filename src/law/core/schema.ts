/** zod pieces shared by every question's facts. */
import { z } from "zod";
import { isPlainDate, type PlainDate } from "./dates.ts";

/** A calendar date `YYYY-MM-DD` that exists. */
export const PlainDateSchema = z
  .string()
  .refine(isPlainDate, { message: "must be a calendar date written YYYY-MM-DD" })
  .meta({ format: "date", examples: ["2014-01-01"] }) as unknown as z.ZodType<PlainDate>;
