/** Address changes: holders report them; staff can record them for a person. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { forbidden } from "../../lib/errors.ts";
import { PlainDateSchema } from "../../law/core/schema.ts";
import { policy } from "../credentials/index.ts";
import { addressHistory, changeAddress } from "./service.ts";

const Address = z
  .object({
    street: z.string().trim().min(3).max(200),
    town: z.string().trim().min(2).max(100),
    state: z
      .string()
      .regex(/^[A-Z]{2}$/, "two capital letters, e.g. CT")
      .default("CT"),
    zip: z
      .string()
      .regex(/^\d{5}$/, "five digits")
      .optional(),
    effectiveOn: PlainDateSchema,
  })
  .strict();

export const peopleRoutes = [
  route({
    method: "POST",
    url: "/api/v1/people/{id}/address-changes",
    tags: ["people"],
    auth: "user",
    roles: ["resident", "licensing_staff"],
    idempotent: true,
    summary: "Report a change of address (the history keeps every earlier address)",
    params: z.object({ id: z.uuid() }),
    body: Address,
    handler: async (ctx, { params, body }) => {
      if (!policy.changeAddress(ctx.user!, params.id)) throw forbidden();
      const r = await changeAddress(ctx, params.id, body);
      return { id: r.id, history: await addressHistory(ctx.db, params.id) };
    },
  }),
];
