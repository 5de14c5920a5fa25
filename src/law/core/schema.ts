/** zod pieces shared by every question's facts. */
import { z } from "zod";
import { isPlainDate, type PlainDate } from "./dates.ts";

/** A calendar date `YYYY-MM-DD` that exists. */
export const PlainDateSchema = z
  .string()
  .refine(isPlainDate, { message: "must be a calendar date written YYYY-MM-DD" })
  // Far-off years are typing mistakes, and date arithmetic past 9999 has no calendar to land on.
  .refine((s) => !isPlainDate(s) || (s >= "1800-01-01" && s <= "2199-12-31"), {
    message: "must fall between 1800-01-01 and 2199-12-31",
  })
  .meta({ format: "date", examples: ["2014-01-01"] }) as unknown as z.ZodType<PlainDate>;

/** An optional yes/no fact, with what `true` means. */
export const flag = (description: string) => z.boolean().optional().describe(description);

/** An optional calendar date fact, with what it is the date of. */
export const optionalDate = (description: string) => PlainDateSchema.optional().describe(description);

/** A facts object: its fields, what it describes as a whole, and any check across its fields. */
export function factsObject<S extends z.ZodRawShape>(
  description: string,
  shape: S,
  check?: (value: z.infer<z.ZodObject<S>>, ctx: z.RefinementCtx) => void,
) {
  const o = z.object(shape);
  return (check ? o.superRefine(check) : o).describe(description);
}
