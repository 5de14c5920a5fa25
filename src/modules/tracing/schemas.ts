/** zod inputs and outputs of the tracing module; API, web forms and CLI share them. */
import { z } from "zod";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { ReadPurpose } from "../../lib/purpose.ts";
import { AGREEMENT_FIELDS } from "./config.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
export const StateCode = z.string().regex(/^[A-Z]{2}$/, "two capital letters (USPS state code)");
export const Serial = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9 -]+$/, "letters, digits, spaces and hyphens only");

export const TraceFirearm = z
  .object({
    make: text(60).describe("NCIC make code (MAK) or the maker's name"),
    model: text(60).optional(),
    serialNumber: Serial.optional().describe("absent when serialStatus is not 'present'"),
    serialStatus: z
      .enum(["present", "obliterated", "privately-made", "none"])
      .default("present")
      .describe("'privately-made': a privately made firearm without a serial number (a 'ghost gun')"),
    caliber: text(20).optional(),
    type: text(20).optional().describe("NCIC gun type code (TYP), e.g. PI, RV, RS"),
  })
  .strict()
  .superRefine((f, c) => {
    if (f.serialStatus === "present" && !f.serialNumber)
      c.addIssue({
        code: "custom",
        path: ["serialNumber"],
        message:
          "required when the serial number is present (or say serialStatus: privately-made, obliterated or none)",
      });
    if (f.serialStatus !== "present" && f.serialNumber)
      c.addIssue({
        code: "custom",
        path: ["serialNumber"],
        message: "give no serial number unless serialStatus is 'present'",
      });
  });
export type TraceFirearm = z.infer<typeof TraceFirearm>;

export const TraceRecovery = z
  .object({
    date: PlainDateSchema,
    state: StateCode.default("CT"),
    town: text(100).optional(),
    address: text(300).optional(),
    coordinates: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    crimeCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,20}$/, "an NCIC offense code such as 5212 (weapon offense) or 1313 (assault)"),
    possessor: z
      .object({ firstName: text(100), lastName: text(100), birthDate: PlainDateSchema.optional() })
      .strict()
      .optional(),
    acquisition: z
      .object({ channel: z.enum(["online", "gun-show", "private", "theft", "unknown"]), seller: text(200).optional() })
      .strict()
      .optional()
      .describe("how the possessor says the gun was acquired; an online seller named in several traces raises a lead"),
    ammunitionRecovered: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .optional()
      .describe("rounds recovered with the gun (§ 41: stolen ammunition is returned with a stolen gun)"),
  })
  .strict();

export const TraceRequest = z
  .object({
    priority: z.enum(["urgent", "routine"]),
    requestingAgency: text(200).optional(),
    firearm: TraceFirearm,
    recovery: TraceRecovery,
    purpose: ReadPurpose.describe("the answer holds sale records: the purpose of reading them is audited"),
  })
  .strict();
export type TraceRequest = z.infer<typeof TraceRequest>;

/** What a partner state's instance sends: no purpose object (the exchange itself is the purpose, audited on both sides). */
export const PartnerTraceRequest = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,100}$/),
    requestingState: StateCode,
    priority: z.enum(["urgent", "routine"]),
    firearm: z
      .object({
        make: text(60),
        model: text(60).optional(),
        serialNumber: Serial,
        caliber: text(20).optional(),
        type: text(20).optional(),
      })
      .strict(),
    recovery: z
      .object({
        date: PlainDateSchema,
        state: StateCode,
        town: text(100).optional(),
        crimeCode: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9.-]{1,20}$/),
      })
      .strict(),
  })
  .strict();
export type PartnerTraceRequest = z.infer<typeof PartnerTraceRequest>;

export const AgreementFieldSchema = z.enum(AGREEMENT_FIELDS);
