/** HTTP routes of the local-permits module. Thin: validate, call the service (which authorizes), present. */
import { z } from "zod";
import { route } from "../../http/route.ts";
import { requirePurpose } from "../audit/index.ts";
import { presentLocalApplication, presentQueue, presentStages } from "./present.ts";
import { ApproveInput, AttachInput, DenyInput } from "./schemas.ts";
import * as svc from "./service.ts";

const Id = z.object({ id: z.uuid() });
/** Kept in the query's schema only to refuse it with a clear answer: purposes go in a header or body. */
const NoPurposeInUrl = z.unknown().optional().describe("refused: send the purpose in the Stateline-Purpose header");
const PURPOSE_DOC =
  "Send why you need the records in the `Stateline-Purpose: <code>; <why, at least 10 characters>` header (never in the URL); the read is audited, and a refused attempt too.";

export const localPermitRoutes = [
  route({
    method: "GET",
    url: "/api/v1/local-permits/queue",
    tags: ["local-permits"],
    auth: "user",
    roles: ["local_authority"],
    summary: "The town's temporary state permit applications (its issuing authority only; the purpose is audited)",
    description: `Open applications of the town's permanent residents, oldest first, with the rulebook's outcome and the eight-week clock (CGS § 29-28a(b)); then the town's recent decisions and the state stage that followed. ${PURPOSE_DOC}`,
    query: z.object({ purpose: NoPurposeInUrl }).strict(),
    handler: async (ctx, { query, headers }) => {
      const purpose = requirePurpose({ headers, query });
      return presentQueue(await svc.localQueue(ctx, { purpose }));
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/local-permits/applications/{id}",
    tags: ["local-permits"],
    auth: "user",
    roles: ["local_authority"],
    summary: "One applicant of the town with the rulebook's findings and the clock (the purpose is audited)",
    description: `Another town's applicant is refused (403) and the attempt audited. ${PURPOSE_DOC}`,
    params: Id,
    query: z.object({ purpose: NoPurposeInUrl }).strict(),
    handler: async (ctx, { params, query, headers }) => {
      const purpose = requirePurpose({ headers, query });
      return presentLocalApplication(await svc.getLocalApplication(ctx, params.id, purpose));
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/local-permits/applications/{id}/approve",
    tags: ["local-permits"],
    auth: "user",
    roles: ["local_authority"],
    idempotent: true,
    successStatus: 200,
    summary: "Approve: the temporary state permit issues and the application goes to DESPP for the state permit",
    description:
      "The rulebook is asked again today: an applicant found not eligible cannot be approved (409); unknown facts need a review note (400 naming reviewNote). The state's eight weeks start at the hand-off.",
    params: Id,
    body: ApproveInput,
    handler: async (ctx, { params, body }) => {
      const r = await svc.approve(ctx, params.id, body);
      return {
        credential: {
          id: r.credential.id,
          number: r.credential.number,
          kind: r.credential.kind,
          issuedOn: r.credential.issuedOn,
          expiresOn: r.credential.expiresOn,
        },
        stateApplicationId: r.stateApplicationId,
      };
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/local-permits/applications/{id}/deny",
    tags: ["local-permits"],
    auth: "user",
    roles: ["local_authority"],
    idempotent: true,
    successStatus: 200,
    summary: "Deny with detailed reasons: the letter goes out with the appeal route to the Board",
    params: Id,
    body: DenyInput,
    handler: async (ctx, { params, body }) => {
      await svc.deny(ctx, params.id, body.reasons);
      return { applicationId: params.id, stage: "denied-by-local-authority" };
    },
  }),
  route({
    method: "GET",
    url: "/api/v1/local-permits/stages",
    tags: ["local-permits"],
    auth: "user",
    roles: ["licensing_staff"],
    summary: "Every temporary state permit application by stage: at a town's authority, or handed to the state",
    description: PURPOSE_DOC,
    query: z.object({ town: z.string().trim().min(2).max(100).optional(), purpose: NoPurposeInUrl }).strict(),
    handler: async (ctx, { query, headers }) => {
      const purpose = requirePurpose({ headers, query });
      return presentStages(await svc.stateStages(ctx, { purpose, town: query.town }));
    },
  }),
  route({
    method: "POST",
    url: "/api/v1/local-permits/authorities",
    tags: ["local-permits"],
    auth: "user",
    roles: ["admin"],
    idempotent: true,
    successStatus: 200,
    summary: "Attach a local issuing authority's sign-in to its town (administrators)",
    body: AttachInput,
    handler: async (ctx, { body }) => svc.attachAuthority(ctx, body),
  }),
];
