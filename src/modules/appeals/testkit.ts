/**
 * Test support for the Board's docket: fresh denied applications and appeals in each state, and
 * one valid request per API route with the roles allowed (for the access matrix and the
 * malformed-input fuzzer in test/api, which spread `appealRouteCases` into their table).
 */
import type { TestEnv } from "../../../test/helpers.ts";
import { applicationBody, expectStatus, json, type Call, type Req } from "../../../test/api/support.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import type { Role } from "../auth/index.ts";
import { createPerson } from "../people/index.ts";
import * as svc from "./service.ts";

let n = 0;
interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

/** A denied application: of the test resident (Robin) when `resident`, else of a fresh person keyed on paper. */
export async function deniedApplication(
  env: TestEnv,
  call: Call,
  opts: { resident?: boolean; kind?: string } = {},
): Promise<{ applicationId: string; personId: string }> {
  // The test resident already has an open long gun application and a handgun certificate (test/api fixtures).
  const kind = opts.kind ?? (opts.resident ? "ammunition-certificate" : "long-gun-eligibility-certificate");
  let personId = env.resident.id;
  let res;
  if (opts.resident) {
    // Another route case may have left Robin an open application of this kind: deny that one instead.
    const [open] = await env.services.db.query<{ id: string }>(
      "SELECT id::text FROM applications WHERE person_id = $1 AND credential_kind = $2 AND status IN ('submitted','approvable','needs-review','ineligible') ORDER BY created_at LIMIT 1",
      [personId, kind],
    );
    if (open) {
      expectStatus(
        await call("licensing_staff", {
          method: "POST",
          url: `/api/v1/applications/${open.id}/deny`,
          payload: { reason: "fixture denial for the appeals docket" },
        }),
        200,
        "fixture denial",
      );
      return { applicationId: open.id, personId };
    }
    res = await call("resident", { method: "POST", url: "/api/v1/applications", payload: applicationBody(kind) });
  } else {
    n += 1;
    personId = (
      await createPerson(env.services.db, {
        firstName: `Appellant${n}`,
        lastName: "Fixture",
        birthDate: "1970-02-02" as PlainDate,
        town: "Hartford",
        street: `${n} Main Street`,
        zip: "06103",
      })
    ).id;
    res = await call("licensing_staff", {
      method: "POST",
      url: "/api/v1/applications",
      payload: applicationBody(kind, { personId }),
    });
  }
  expectStatus(res, 201, "fixture application");
  const applicationId = json(res).application.id as string;
  expectStatus(
    await call("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${applicationId}/deny`,
      payload: { reason: "fixture denial for the appeals docket" },
    }),
    200,
    "fixture denial",
  );
  return { applicationId, personId };
}

/** A filed appeal (paper, keyed by the Board) of a fresh denial; `resident` files Robin's own online. */
export async function appealFixture(
  env: TestEnv,
  call: Call,
  opts: { resident?: boolean; kind?: string } = {},
): Promise<string> {
  const d = await deniedApplication(env, call, opts);
  const ctx = env.ctx(opts.resident ? "resident" : "board_member");
  const a = opts.resident
    ? await svc.fileAppeal(ctx, {
        subjectType: "application",
        subjectId: d.applicationId,
        grounds: "fixture appeal: the denial was wrong",
      })
    : await svc.filePaperAppeal(ctx, {
        personId: d.personId,
        subjectType: "application",
        subjectId: d.applicationId,
        grounds: "fixture appeal: the denial was wrong",
        filedOn: ctx.today,
      });
  return a.id;
}

/** A scheduled appeal; `past` puts its hearing before today (scheduled with the clock turned back). */
export async function scheduledAppeal(env: TestEnv, call: Call, past = false): Promise<string> {
  const id = await appealFixture(env, call);
  n += 1;
  const today = env.clock.today();
  const ctx = { ...env.ctx("board_member"), today: (past ? addDays(today, -200 - 3 * n) : today) as PlainDate };
  const first = addDays(ctx.today, 30 + 2 * n);
  await svc.addMeeting(ctx, { meetingOn: first, hearingSlots: 200 });
  await svc.addMeeting(ctx, { meetingOn: addDays(first, 1), hearingSlots: 200 });
  await svc.scheduleDocket(ctx);
  return id;
}

export function appealRouteCases(env: TestEnv, call: Call): Record<string, RouteCase> {
  const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
  const get = (url: string): Req => ({ method: "GET", url });
  const DOCKET = ["board_member", "licensing_staff", "local_authority"] as const;
  return {
    "GET /api/v1/appeals/appealable": { allowed: ["resident"], request: async () => get("/api/v1/appeals/appealable") },
    "POST /api/v1/appeals": {
      allowed: ["resident"],
      request: async () =>
        post("/api/v1/appeals", {
          subjectType: "application",
          subjectId: (await deniedApplication(env, call, { resident: true })).applicationId,
          grounds: "The denial was wrong, here is why.",
        }),
    },
    "GET /api/v1/appeals/mine": { allowed: ["resident"], request: async () => get("/api/v1/appeals/mine") },
    "POST /api/v1/appeals/paper": {
      allowed: ["board_member"],
      request: async () => {
        const d = await deniedApplication(env, call);
        return post("/api/v1/appeals/paper", {
          personId: d.personId,
          subjectType: "application",
          subjectId: d.applicationId,
          grounds: "Letter of appeal received by mail.",
          filedOn: env.clock.today(),
        });
      },
    },
    "GET /api/v1/appeals/docket": { allowed: DOCKET, request: async () => get("/api/v1/appeals/docket") },
    "GET /api/v1/appeals/docket/ages": { allowed: DOCKET, request: async () => get("/api/v1/appeals/docket/ages") },
    "GET /api/v1/appeals/{id}": {
      allowed: [...DOCKET, "resident"],
      // Robin's own appeal of a temporary permit denial: the appellant, the Board, DESPP and the local authority may read it.
      request: async () =>
        get(`/api/v1/appeals/${await appealFixture(env, call, { resident: true, kind: "temporary-state-permit" })}`),
    },
    "POST /api/v1/appeals/{id}/statement": {
      allowed: ["licensing_staff", "local_authority", "board_member"],
      request: async () =>
        post(`/api/v1/appeals/${await appealFixture(env, call, { kind: "temporary-state-permit" })}/statement`, {
          text: "The applicant's statement on the form was false.",
        }),
    },
    "POST /api/v1/appeals/{id}/continuance": {
      allowed: ["board_member"],
      request: async () =>
        post(`/api/v1/appeals/${await scheduledAppeal(env, call)}/continuance`, {
          requestedBy: "appellant",
          goodCause: true,
          reason: "the appellant's lawyer is in trial",
        }),
    },
    "POST /api/v1/appeals/{id}/decision": {
      allowed: ["board_member"],
      request: async () =>
        post(`/api/v1/appeals/${await scheduledAppeal(env, call, true)}/decision`, {
          outcome: "relief-granted",
          reason: "The record supports the appellant.",
        }),
    },
    "POST /api/v1/appeals/{id}/withdraw": {
      allowed: ["board_member", "resident"],
      request: async (role) =>
        post(`/api/v1/appeals/${await appealFixture(env, call, { resident: role === "resident" })}/withdraw`),
    },
    "GET /api/v1/appeals/meetings": { allowed: DOCKET, request: async () => get("/api/v1/appeals/meetings") },
    "POST /api/v1/appeals/meetings": {
      allowed: ["board_member"],
      request: async () =>
        post("/api/v1/appeals/meetings", { meetingOn: addDays(env.clock.today(), 500 + (n += 1)), hearingSlots: 4 }),
    },
    "POST /api/v1/appeals/schedule": {
      allowed: ["board_member"],
      request: async () => post("/api/v1/appeals/schedule"),
    },
    "GET /api/v1/appeals/board": { allowed: "public", request: async () => get("/api/v1/appeals/board") },
    "PUT /api/v1/appeals/board/seats/{seat}": {
      allowed: ["board_member", "admin"],
      request: async () => ({
        method: "PUT",
        url: "/api/v1/appeals/board/seats/8",
        payload: { memberName: `Hon. Retired Judge ${(n += 1)}` },
      }),
    },
    "GET /api/v1/appeals/numbers": { allowed: "public", request: async () => get("/api/v1/appeals/numbers") },
  };
}
