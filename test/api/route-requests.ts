/**
 * One valid request for every API route, and who may make it. Shared by the
 * access matrix (which sends each request as every role) and the malformed-input
 * fuzzer (which breaks each request in many ways).
 *
 * Keys are `METHOD /url/{param}` exactly as in src/modules/index.ts (allRoutes), so a route
 * added there without an entry here makes the tests that use this table fail.
 */
import type { TestEnv } from "../helpers.ts";
import type { RouteDef } from "../../src/http/route.ts";
import type { Role } from "../../src/modules/auth/roles.ts";
import type { PlainDate } from "../../src/law/core/dates.ts";
import { attachStaff } from "../../src/modules/dealers/service.ts";
import { createApiKey } from "../../src/modules/auth/service.ts";
import { ammunitionRouteCases, leadRouteCases } from "../../src/modules/ammunition/testkit.ts";
import { salesRouteCases } from "../../src/modules/sales/test-support.ts";
import { offenderRouteCases } from "../../src/modules/offenders/testkit.ts";
import { appealRouteCases } from "../../src/modules/appeals/testkit.ts";
import { enforcementRouteCases } from "../../src/modules/enforcement/testkit.ts";
import { tracingRouteCases } from "../../src/modules/tracing/route-cases.ts";
import { registriesRouteCases } from "../../src/modules/registries/testkit.ts";
import { schoolRouteCases } from "../../src/modules/schools/testkit.ts";
import { localPermitRouteCases } from "../../src/modules/local-permits/testkit.ts";
import { queueNotice } from "../../src/modules/notices/index.ts";
import { applicationBody, expectStatus, issueFor, json, newPerson, type Call, type Req } from "./support.ts";

export interface RouteCase {
  /** Who may call it: listed roles, any signed-in user ("all"), or anyone ("public"). */
  allowed: readonly Role[] | "all" | "public";
  /** A valid request as `role` would send it; creates whatever fresh records it needs. */
  request(role: Role | null): Promise<Req>;
}

export const routeKey = (r: Pick<RouteDef, "method" | "url">): string => `${r.method} ${r.url}`;

/** Records the cases point at; made once per test file. */
export interface Fixtures {
  /** An open application of the signed-in resident (Robin). */
  residentApplicationId: string;
  /** An active credential of the resident. */
  residentCredential: { id: string; number: string };
  /** A person with no credentials, for prohibiting events. */
  cleanPersonId: string;
  /** An application staff can check again (approvable). */
  checkableApplicationId: string;
  /** A firearm dealer whose owner is the `dealer` test user, and an ammunition vendor owned by `ammunition-vendor`. */
  shopId: string;
  vendorId: string;
}

let seq = 0;
const next = () => (seq += 1);

/** A fresh person with an open paper application keyed in by staff. */
async function paperApplication(env: TestEnv, call: Call, kind = "long-gun-eligibility-certificate"): Promise<string> {
  const n = next();
  const p = await newPerson(env, {
    firstName: `Fixture${n}`,
    lastName: "Applicant",
    birthDate: "1960-05-05" as PlainDate,
  });
  const r = await call("licensing_staff", {
    method: "POST",
    url: "/api/v1/applications",
    payload: applicationBody(kind, { personId: p.id }),
  });
  expectStatus(r, 201, "fixture application");
  return json(r).application.id;
}

/** A fresh person whose credential has just been revoked by a felony conviction. */
async function revokedCredential(env: TestEnv, call: Call): Promise<string> {
  const n = next();
  const p = await newPerson(env, {
    firstName: `Revoked${n}`,
    lastName: "Holder",
    birthDate: "1961-06-06" as PlainDate,
  });
  const { credential } = await issueFor(call, p.id, "ammunition-certificate");
  const e = await call("licensing_staff", {
    method: "POST",
    url: "/api/v1/prohibiting-events",
    payload: {
      personId: p.id,
      kind: "conviction",
      eventOn: env.clock.today(),
      felony: true,
      statute: "53a-101",
      source: "Superior Court",
    },
  });
  expectStatus(e, 201, "fixture revocation");
  return credential.id;
}

/** A fresh seller registered by staff. */
async function registerSeller(
  call: Call,
  kind: "firearm-dealer" | "ammunition-vendor" = "firearm-dealer",
): Promise<string> {
  const r = await call("licensing_staff", { method: "POST", url: "/api/v1/dealers", payload: sellerBody(kind) });
  expectStatus(r, 201, "fixture seller");
  return json(r).dealer.id;
}

function sellerBody(kind: "firearm-dealer" | "ammunition-vendor" = "firearm-dealer"): Record<string, unknown> {
  const n = next();
  return kind === "firearm-dealer"
    ? {
        name: `Fixture Arms ${n}`,
        kind,
        fflNumber: `6-06-001-01-7A-${String(n).padStart(5, "0")}`,
        town: "Hartford",
        street: `${n} Franklin Avenue`,
        zip: "06114",
      }
    : {
        name: `Fixture Ammunition ${n}`,
        kind,
        statePermitNumber: `AV-${n}`,
        town: "New Britain",
        street: `${n} Main Street`,
      };
}

export async function makeFixtures(env: TestEnv, call: Call): Promise<Fixtures> {
  const a = await call("resident", {
    method: "POST",
    url: "/api/v1/applications",
    payload: applicationBody("long-gun-eligibility-certificate"),
  });
  expectStatus(a, 201, "resident's application");
  const { credential } = await issueFor(call, env.resident.id, "handgun-eligibility-certificate");
  const clean = await newPerson(env, { firstName: "Clean", lastName: "Record" });
  const shopId = await registerSeller(call, "firearm-dealer");
  const vendorId = await registerSeller(call, "ammunition-vendor");
  await attachStaff(env.services.db, env.users.dealer.id, shopId, "owner");
  await attachStaff(env.services.db, env.users.ammunition_vendor.id, vendorId, "owner");
  return {
    shopId,
    vendorId,
    residentApplicationId: json(a).application.id,
    residentCredential: { id: credential.id, number: credential.number },
    cleanPersonId: clean.id,
    checkableApplicationId: await paperApplication(env, call, "ammunition-certificate"),
  };
}

/** A fresh letter to the resident (Robin), for the notices routes. */
async function residentNotice(env: TestEnv): Promise<number> {
  const id = await env.services.db.tx((q) =>
    queueNotice(q, {
      channel: "letter",
      personId: env.resident.id,
      recipient: "Robin Testperson",
      template: "test",
      subject: "A letter",
      body: "For the access matrix",
    }),
  );
  return id!;
}

export function routeCases(env: TestEnv, call: Call, fx: Fixtures): Record<string, RouteCase> {
  const get = (url: string): Req => ({ method: "GET", url });
  const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
  return {
    ...ammunitionRouteCases(env, call),
    ...leadRouteCases(env),
    ...salesRouteCases(env, fx),
    ...offenderRouteCases(env),
    ...appealRouteCases(env, call),
    ...enforcementRouteCases(env),
    ...tracingRouteCases(env),
    ...registriesRouteCases(env),
    ...schoolRouteCases(env),
    ...localPermitRouteCases(env),
    // access
    "GET /api/v1/me": { allowed: "all", request: async () => get("/api/v1/me") },
    "POST /api/v1/api-keys": {
      allowed: ["dealer", "ammunition_vendor", "admin"],
      request: async () => post("/api/v1/api-keys", { label: `Counter ${next()}` }),
    },
    "GET /api/v1/api-keys": { allowed: "all", request: async () => get("/api/v1/api-keys") },
    "POST /api/v1/api-keys/{id}/revoke": {
      // Each role revokes a key of its own (a fresh one); anonymous callers are refused before the key matters.
      allowed: "all",
      request: async (role) => {
        const owner = role ? env.users[role].id : env.users.dealer.id;
        const k = await createApiKey(env.ctx(role ?? "dealer"), owner, `Revoke ${next()}`);
        return post(`/api/v1/api-keys/${k.id}/revoke`);
      },
    },
    "GET /api/v1/audit/people/{personId}/reads": {
      allowed: ["auditor", "admin"],
      request: async () => get(`/api/v1/audit/people/${env.resident.id}/reads`),
    },
    "GET /api/v1/users": { allowed: ["admin"], request: async () => get("/api/v1/users") },
    "POST /api/v1/users": {
      allowed: ["admin"],
      request: async () =>
        post("/api/v1/users", {
          username: `clerk${next()}`,
          displayName: "A Clerk",
          role: "dealer",
          password: "a long enough password",
          organization: "Hartford Guns",
        }),
    },
    "POST /api/v1/users/{username}/unlock": {
      allowed: ["admin"],
      request: async () => post("/api/v1/users/dealer/unlock"),
    },

    // rulebook
    "GET /api/v1/decisions": { allowed: "public", request: async () => get("/api/v1/decisions") },
    "POST /api/v1/decisions": {
      allowed: "public",
      request: async () =>
        post("/api/v1/decisions", {
          question: "credential-eligibility",
          on: "2026-01-01",
          facts: {
            credential: "ammunition-certificate",
            applicant: { birthDate: "1990-05-17", residenceState: "CT", citizenOrLawfulResident: true },
            backgroundCheckConsent: true,
            feePaid: true,
            recordsChecked: true,
            nics: { status: "proceed" },
          },
        }),
    },
    "GET /api/v1/rules": { allowed: "public", request: async () => get("/api/v1/rules") },

    // credentials
    "POST /api/v1/applications": {
      allowed: ["resident", "licensing_staff"],
      // Residents apply for themselves (a kind Robin has no open application for, once);
      // everyone else keys in a paper application for a new person, which only staff may do.
      request: async (role) => {
        if (role === "resident") return post("/api/v1/applications", applicationBody("ammunition-certificate"));
        const p = await newPerson(env, { firstName: `Paper${next()}`, lastName: "Applicant" });
        return post("/api/v1/applications", applicationBody("long-gun-eligibility-certificate", { personId: p.id }));
      },
    },
    "GET /api/v1/applications": {
      allowed: ["licensing_staff", "resident"],
      request: async () => ({
        ...get("/api/v1/applications"),
        headers: { "stateline-purpose": "licensing-review; working the application queue" },
      }),
    },
    "GET /api/v1/applications/{id}": {
      allowed: ["licensing_staff", "resident"],
      request: async () => ({
        ...get(`/api/v1/applications/${fx.residentApplicationId}`),
        headers: { "stateline-purpose": "licensing-review; access matrix test" },
      }),
    },
    "POST /api/v1/applications/{id}/check": {
      allowed: ["licensing_staff"],
      request: async () => post(`/api/v1/applications/${fx.checkableApplicationId}/check`),
    },
    "POST /api/v1/applications/{id}/issue": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/applications/${await paperApplication(env, call)}/issue`, {
          reviewNote: "checked in person",
          confirmations: { safetyCourse: true, suitability: true },
        }),
    },
    "POST /api/v1/applications/{id}/deny": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/applications/${await paperApplication(env, call)}/deny`, {
          reason: "the applicant asked us to stop",
        }),
    },
    "POST /api/v1/applications/{id}/withdraw": {
      allowed: ["resident", "licensing_staff"],
      request: async (role) => {
        if (role === "resident") {
          const r = await call("resident", {
            method: "POST",
            url: "/api/v1/applications",
            payload: applicationBody("temporary-state-permit"),
          });
          expectStatus(r, 201, "resident's application to withdraw");
          return post(`/api/v1/applications/${json(r).application.id}/withdraw`);
        }
        return post(`/api/v1/applications/${await paperApplication(env, call)}/withdraw`);
      },
    },
    "GET /api/v1/credentials": { allowed: ["resident"], request: async () => get("/api/v1/credentials") },
    "GET /api/v1/credentials/{id}": {
      allowed: ["resident", "licensing_staff", "law_enforcement"],
      request: async () => ({
        ...get(`/api/v1/credentials/${fx.residentCredential.id}`),
        headers: { "stateline-purpose": "criminal-investigation; traffic stop case 26-1" },
      }),
    },
    "POST /api/v1/credentials/{id}/renew": {
      allowed: ["resident"],
      request: async () =>
        post(`/api/v1/credentials/${fx.residentCredential.id}/renew`, {
          residenceTown: "Hartford",
          citizenOrLawfulResident: true,
          backgroundCheckConsent: true,
          feePaid: true,
        }),
    },
    "POST /api/v1/credentials/{id}/surrender": {
      allowed: ["licensing_staff", "law_enforcement"],
      request: async () =>
        post(`/api/v1/credentials/${await revokedCredential(env, call)}/surrender`, {
          surrenderedOn: env.clock.today(),
        }),
    },
    "POST /api/v1/verifications": {
      allowed: ["dealer", "ammunition_vendor", "law_enforcement", "licensing_staff"],
      request: async () =>
        post("/api/v1/verifications", {
          credentialNumber: fx.residentCredential.number,
          lastName: "Testperson",
          birthDate: "1980-06-15",
          purpose: "handgun-purchase",
        }),
    },
    "POST /api/v1/prohibiting-events": {
      allowed: ["licensing_staff", "admin"],
      request: async () =>
        post("/api/v1/prohibiting-events", {
          personId: fx.cleanPersonId,
          kind: "protective-order",
          eventOn: "2026-01-05",
          expiresOn: "2026-07-05",
          active: false,
          source: "Superior Court",
        }),
    },
    "GET /api/v1/outbox": {
      allowed: ["licensing_staff", "admin"],
      request: async () => ({
        method: "GET",
        url: "/api/v1/outbox",
        headers: { "stateline-purpose": "audit-review; access matrix check of the outbox" },
      }),
    },
    "GET /api/v1/me/notices": { allowed: ["resident"], request: async () => get("/api/v1/me/notices") },
    "GET /api/v1/notices/{id}/pdf": {
      allowed: ["resident", "licensing_staff", "admin"],
      request: async () => ({
        method: "GET",
        url: `/api/v1/notices/${await residentNotice(env)}/pdf`,
        headers: { "stateline-purpose": "licensing-review; access matrix check of a letter" },
      }),
    },
    "POST /api/v1/notices/{id}/retry": {
      allowed: ["admin"],
      request: async () => post(`/api/v1/notices/${await residentNotice(env)}/retry`),
    },
    "POST /api/v1/jobs/daily": {
      allowed: ["admin", "licensing_staff"],
      request: async () => post("/api/v1/jobs/daily"),
    },

    // people
    "POST /api/v1/people/{id}/address-changes": {
      allowed: ["resident", "licensing_staff"],
      request: async () =>
        post(`/api/v1/people/${env.resident.id}/address-changes`, {
          street: `${next()} Asylum Avenue`,
          town: "Hartford",
          zip: "06105",
          effectiveOn: env.clock.today(),
        }),
    },

    // dealers
    "GET /api/v1/dealers": {
      allowed: ["licensing_staff", "admin", "law_enforcement", "auditor"],
      request: async () => get("/api/v1/dealers?kind=firearm-dealer"),
    },
    "POST /api/v1/dealers": {
      allowed: ["licensing_staff", "admin"],
      request: async () => post("/api/v1/dealers", sellerBody()),
    },
    "GET /api/v1/dealers/mine": {
      allowed: ["dealer", "ammunition_vendor"],
      request: async () => get("/api/v1/dealers/mine"),
    },
    "POST /api/v1/dealers/{id}/status": {
      allowed: ["licensing_staff", "admin"],
      request: async () =>
        post(`/api/v1/dealers/${await registerSeller(call)}/status`, {
          status: "suspended",
          note: "inspection found missing records",
        }),
    },
    "POST /api/v1/dealers/{id}/staff": {
      allowed: ["licensing_staff", "admin", "dealer", "ammunition_vendor"],
      // Owners add clerks to their own shop; everyone else is pointed at the firearm dealer.
      request: async (role) =>
        post(`/api/v1/dealers/${role === "ammunition_vendor" ? fx.vendorId : fx.shopId}/staff`, {
          username: `clerk-${next()}`,
          displayName: "A Clerk",
          password: "a long enough password",
          position: "clerk",
        }),
    },

    // audit
    "GET /api/v1/audit": { allowed: ["auditor", "admin"], request: async () => get("/api/v1/audit?limit=5") },
    "POST /api/v1/audit/verify": { allowed: ["auditor", "admin"], request: async () => post("/api/v1/audit/verify") },
  };
}
