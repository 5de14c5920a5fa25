/**
 * The facts the `credential-eligibility` question takes. The platform's service builds
 * exactly this object; every fact is optional except `credential`, because a fact that
 * is not known must lead to "unknown" (human review), never to a refusal.
 */
import { z } from "zod";
import { PersonEvent } from "../../core/person-events.ts";
import { PlainDateSchema } from "../../core/schema.ts";
import { CREDENTIAL_KINDS } from "./kinds.ts";

export const CredentialKindSchema = z.enum(CREDENTIAL_KINDS);

/** The person's events: the one schema of src/law/core/person-events.ts. */
export const CredentialEventSchema = PersonEvent;
export type CredentialEvent = z.infer<typeof CredentialEventSchema>;

export const CredentialFacts = z.object({
  credential: CredentialKindSchema,
  applicant: z
    .object({
      birthDate: PlainDateSchema.optional(),
      residenceState: z.string().optional().describe('two-letter state of residence, "CT" for Connecticut'),
      residenceTown: z.string().optional().describe("Connecticut town where the applicant resides"),
      residenceIsPermanent: z
        .boolean()
        .optional()
        .describe(
          "temporary state permit: the residence in `residenceTown` is the applicant's bona fide permanent residence (required from 2013-10-01)",
        ),
      applicationTown: z
        .string()
        .optional()
        .describe(
          "temporary state permit: the town to whose issuing authority (chief of police, first selectman or warden) the application is made; it may differ from the residence town",
        ),
      placeOfBusinessTowns: z
        .array(z.string())
        .optional()
        .describe(
          "temporary state permit: Connecticut towns where the applicant maintains a place of business; [] for none (before 2013-10-01 a place of business in the town applied to sufficed)",
        ),
      citizenOrLawfulResident: z
        .boolean()
        .optional()
        .describe("false when the applicant is an alien illegally or unlawfully in the United States"),
    })
    .optional(),
  attestedNoTemporaryPermitApplicationIn12Months: z
    .boolean()
    .optional()
    .describe(
      "temporary state permit: the applicant's statement, under penalty of false statement, that he or she has not applied for a temporary state permit within the past 12 months",
    ),
  priorTemporaryPermitApplicationDates: z
    .array(PlainDateSchema)
    .optional()
    .describe("earlier temporary state permit applications known from records (not the one being decided)"),
  holdsTemporaryPermit: z
    .boolean()
    .optional()
    .describe("state permit: the applicant holds a temporary state permit from a local issuing authority"),
  holdsOtherStateCarryPermit: z
    .boolean()
    .optional()
    .describe(
      "state permit without a Connecticut residence: the applicant holds a permit or license to carry issued by another state",
    ),
  backgroundCheckConsent: z.boolean().optional(),
  feePaid: z.boolean().optional(),
  recordsChecked: z
    .boolean()
    .optional()
    .describe(
      "true when criminal, court and mental health records were searched; otherwise the absence of events proves nothing",
    ),
  nics: z.object({ status: z.enum(["proceed", "denied", "delayed"]) }).optional(),
  events: z.array(CredentialEventSchema).optional(),
});
export type CredentialFacts = z.infer<typeof CredentialFacts>;
