/** What a source tells Stateline about a person, for matching (every field optional but a name). */
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max);

export const matchInputSchema = z
  .object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    /** `YYYY-MM-DD`; a date with day and month swapped is still a date here. */
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
      .optional(),
    street: text(200).optional(),
    town: text(100).optional(),
    zip: text(10).optional(),
    state: text(2).optional(),
    /** A permit, certificate or licence number the source has, if any. */
    identifier: text(40).optional(),
  })
  .refine((r) => Boolean(r.firstName || r.lastName), {
    message: "a first name or a last name is required",
    path: ["lastName"],
  });

export type MatchInput = z.infer<typeof matchInputSchema>;
