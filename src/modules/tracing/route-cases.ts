/**
 * One valid request for every tracing API route, and who may make it, for the access matrix and
 * the malformed-input fuzzer in test/api (merged into test/api/route-requests.ts). Test support,
 * not used by the code. Records each request needs are made fresh, before the request is counted.
 */
import { randomUUID } from "node:crypto";
import type { TestEnv } from "../../../test/helpers.ts";
import type { Role } from "../auth/index.ts";
import { findStaffMembership } from "../dealers/index.ts";
import { partner } from "./config.ts";
import { PARTNER_PATH } from "./exchange.ts";
import { requestTrace } from "./service.ts";
import { signRequest } from "./signing.ts";
import { configure, keyPair, PURPOSE_HEADER, shop, traceBody } from "./testkit.ts";
import type { TraceRequest } from "./schemas.ts";

interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

const INVESTIGATORS = ["law_enforcement", "trafficking_task_force"] as const;
const ANALYSTS = ["law_enforcement", "trafficking_task_force", "licensing_staff", "admin"] as const;
const RANKING = ["law_enforcement", "trafficking_task_force", "licensing_staff"] as const;

export function tracingRouteCases(env: TestEnv): Record<string, RouteCase> {
  // This instance answers a partner "NY" whose key the cases sign with.
  const ny = keyPair();
  configure(env, {
    partners: [
      partner({
        code: "NY",
        name: "New York",
        url: "http://127.0.0.1:9",
        keyId: "ny-1",
        publicKey: ny.publicKey,
        receives: ["dealer", "saleDate", "timeToCrime"],
      }),
    ],
  });
  let n = 0;
  const serial = () => `RC${++n}${randomUUID().slice(0, 6).toUpperCase()}`;
  const newTrace = async () =>
    (await requestTrace(env.ctx("law_enforcement"), traceBody({ serial: serial() }) as unknown as TraceRequest)).trace
      .id;
  const newLead = async () => {
    const k = ++n;
    const r = await env.services.db.query<{ id: string }>(
      `INSERT INTO trafficking_leads (number, kind, subject_key, subject_label, window_start, window_end, reason, evidence, status, raised_on)
       VALUES ($1,'online-seller',$2,'Fixture seller','2026-01-01','2026-01-31','fixture','{}','open','2026-02-01') RETURNING id::text`,
      [`TL-RC${k}-${randomUUID().slice(0, 6)}`, `online:fixture-${k}-${randomUUID()}`],
    );
    return r[0]!.id;
  };
  const ownShop = async () => {
    const m = await findStaffMembership(env.services.db, env.users.dealer.id);
    return m?.dealerId ?? (await shop(env, { staff: true })).id;
  };
  const get = (url: string): Req => ({ method: "GET", url, headers: PURPOSE_HEADER });
  return {
    "POST /api/v1/tracing/traces": {
      allowed: INVESTIGATORS,
      request: async () => ({
        method: "POST",
        url: "/api/v1/tracing/traces",
        payload: traceBody({ serial: serial() }),
      }),
    },
    "GET /api/v1/tracing/traces": { allowed: INVESTIGATORS, request: async () => get("/api/v1/tracing/traces") },
    "GET /api/v1/tracing/traces/{id}": {
      allowed: INVESTIGATORS,
      request: async () => get(`/api/v1/tracing/traces/${await newTrace()}`),
    },
    [`POST ${PARTNER_PATH}`]: {
      allowed: "public",
      request: async () => {
        const body = JSON.stringify({
          reference: `TR-NY-${serial()}`,
          requestingState: "NY",
          priority: "routine",
          firearm: { make: "SW", serialNumber: serial() },
          recovery: { date: env.clock.today(), state: "NY", crimeCode: "5212" },
        });
        const headers = signRequest({
          method: "POST",
          url: `http://localhost:80${PARTNER_PATH}`,
          body,
          keyId: "ny-1",
          privateKey: ny.privateKey,
          now: env.clock.now(),
        });
        return { method: "POST", url: PARTNER_PATH, payload: body, headers };
      },
    },
    "GET /api/v1/tracing/analytics/source-states": {
      allowed: ANALYSTS,
      request: async () => get("/api/v1/tracing/analytics/source-states?year=2019&state=CT"),
    },
    "GET /api/v1/tracing/analytics/trend": {
      allowed: ANALYSTS,
      request: async () => get("/api/v1/tracing/analytics/trend?state=CT"),
    },
    "GET /api/v1/tracing/analytics/corridors": {
      allowed: ANALYSTS,
      request: async () => get("/api/v1/tracing/analytics/corridors?from=2018&to=2019"),
    },
    "GET /api/v1/tracing/dealers": { allowed: RANKING, request: async () => get("/api/v1/tracing/dealers") },
    "GET /api/v1/tracing/dealers/{id}": {
      allowed: [...RANKING, "dealer"],
      request: async () => get(`/api/v1/tracing/dealers/${await ownShop()}`),
    },
    "GET /api/v1/tracing/my-dealer": {
      allowed: ["dealer"],
      request: async () => {
        await ownShop();
        return get("/api/v1/tracing/my-dealer");
      },
    },
    "GET /api/v1/tracing/leads": { allowed: INVESTIGATORS, request: async () => get("/api/v1/tracing/leads") },
    "GET /api/v1/tracing/leads/{id}": {
      allowed: INVESTIGATORS,
      request: async () => get(`/api/v1/tracing/leads/${await newLead()}`),
    },
    "POST /api/v1/tracing/leads/sweep": {
      allowed: INVESTIGATORS,
      request: async () => ({ method: "POST", url: "/api/v1/tracing/leads/sweep", payload: {} }),
    },
    "POST /api/v1/tracing/leads/{id}/dismiss": {
      allowed: INVESTIGATORS,
      request: async () => ({
        method: "POST",
        url: `/api/v1/tracing/leads/${await newLead()}/dismiss`,
        payload: { reason: "fixture: explained" },
      }),
    },
    "POST /api/v1/tracing/leads/{id}/open-case": {
      allowed: INVESTIGATORS,
      request: async () => ({ method: "POST", url: `/api/v1/tracing/leads/${await newLead()}/open-case`, payload: {} }),
    },
    "GET /api/v1/tracing/returns": { allowed: INVESTIGATORS, request: async () => get("/api/v1/tracing/returns") },
    "POST /api/v1/tracing/traces/{id}/return": {
      allowed: INVESTIGATORS,
      request: async () => {
        const id = await newTrace();
        await env.services.db.query(
          "UPDATE traces SET reported_stolen = true, return_status = 'flagged' WHERE id = $1",
          [id],
        );
        return {
          method: "POST",
          url: `/api/v1/tracing/traces/${id}/return`,
          payload: { returnedOn: env.clock.today() },
        };
      },
    },
  };
}
