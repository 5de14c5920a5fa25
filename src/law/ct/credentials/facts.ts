/**
 * The facts the `credential-eligibility` question takes. The platform's service builds
 * exactly this object; every fact is optional except `credential`, because a fact that
 * is not known must lead to "unknown" (human review), never to a refusal.
 */
import { z } from "zod";
import { PlainDateSchema } from "../../core/schema.ts";
import { CREDENTIAL_KINDS } from "./kinds.ts";

export const CredentialKindSchema = z.enum(CREDENTIAL_KINDS);

const ConvictionEvent = z.object({
  kind: z.literal("conviction"),
  statute: z.string().optional().describe('Connecticut statute violated, e.g. "53a-61" or "21a-279(c)"'),
  felony: z.boolean().optional().describe("true when the offence is a felony"),
  offenseDate: PlainDateSchema.optional().describe("date the violation was committed"),
  convictionDate: PlainDateSchema.optional(),
  juvenile: z.boolean().optional().describe("true for a delinquency adjudication in juvenile matters; absent or false means a conviction in criminal court"),
  seriousJuvenileOffense: z.boolean().optional().describe("for a juvenile adjudication: whether it was for a serious juvenile offense (CGS § 46b-120)"),
});

const ProbateCommitmentEvent = z.object({
  kind: z.literal("probate-commitment"),
  date: PlainDateSchema.optional().describe("date of confinement in a hospital for persons with psychiatric disabilities by probate court order"),
});

const VoluntaryAdmissionEvent = z.object({
  kind: z.literal("voluntary-admission"),
  date: PlainDateSchema.optional().describe("date of voluntary admission to a hospital for persons with psychiatric disabilities"),
  solelyAlcoholOrDrug: z.boolean().optional().describe("true when the admission was solely for being an alcohol- or drug-dependent person"),
});

const NgriDischargeEvent = z.object({
  kind: z.literal("ngri-discharge"),
  date: PlainDateSchema.optional().describe("date of discharge from custody after a finding of not guilty by reason of mental disease or defect"),
});

const OrderEvent = z.object({
  kind: z.enum(["protective-order", "restraining-order", "foreign-order"]),
  issuedOn: PlainDateSchema.optional(),
  expiresOn: PlainDateSchema.optional(),
  active: z.boolean().optional().describe("whether the order is in force on the check date"),
});

const SeizureOrderEvent = z.object({
  kind: z.literal("firearms-seizure-order"),
  date: PlainDateSchema.optional(),
  active: z.boolean().optional().describe("whether the order (CGS § 29-38c(d)) is in force on the check date"),
});

const FederalProhibitorEvent = z.object({
  kind: z.literal("federal-prohibitor"),
  category: z.string().optional().describe('e.g. "922(g)(4)" or "922(n)"'),
  date: PlainDateSchema.optional(),
});

export const CredentialEventSchema = z.discriminatedUnion("kind", [
  ConvictionEvent,
  ProbateCommitmentEvent,
  VoluntaryAdmissionEvent,
  NgriDischargeEvent,
  OrderEvent,
  SeizureOrderEvent,
  FederalProhibitorEvent,
]);
export type CredentialEvent = z.infer<typeof CredentialEventSchema>;

export const CredentialFacts = z.object({
  credential: CredentialKindSchema,
  applicant: z
    .object({
      birthDate: PlainDateSchema.optional(),
      residenceState: z.string().optional().describe('two-letter state of residence, "CT" for Connecticut'),
      residenceTown: z.string().optional().describe("Connecticut town where the applicant resides"),
      residenceIsPermanent: z.boolean().optional().describe("temporary state permit: the residence in `residenceTown` is the applicant's bona fide permanent residence (required from 2013-10-01)"),
      applicationTown: z
        .string()
        .optional()
        .describe("temporary state permit: the town to whose issuing authority (chief of police, first selectman or warden) the application is made; it may differ from the residence town"),
      placeOfBusinessTowns: z
        .array(z.string())
        .optional()
        .describe("temporary state permit: Connecticut towns where the applicant maintains a place of business; [] for none (before 2013-10-01 a place of business in the town applied to sufficed)"),
      citizenOrLawfulResident: z.boolean().optional().describe("false when the applicant is an alien illegally or unlawfully in the United States"),
    })
    .optional(),
  attestedNoTemporaryPermitApplicationIn12Months: z.boolean().optional().describe("temporary state permit: the applicant's statement, under penalty of false statement, that he or she has not applied for a temporary state permit within the past 12 months"),
  priorTemporaryPermitApplicationDates: z.array(PlainDateSchema).optional().describe("earlier temporary state permit applications known from records (not the one being decided)"),
  holdsTemporaryPermit: z.boolean().optional().describe("state permit: the applicant holds a temporary state permit from a local issuing authority"),
  holdsOtherStateCarryPermit: z.boolean().optional().describe("state permit without a Connecticut residence: the applicant holds a permit or license to carry issued by another state"),
  backgroundCheckConsent: z.boolean().optional(),
  feePaid: z.boolean().optional(),
  recordsChecked: z.boolean().optional().describe("true when criminal, court and mental health records were searched; otherwise the absence of events proves nothing"),
  nics: z.object({ status: z.enum(["proceed", "denied", "delayed"]) }).optional(),
  events: z.array(CredentialEventSchema).optional(),
});
export type CredentialFacts = z.infer<typeof CredentialFacts>;
