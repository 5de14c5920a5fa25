/**
 * The access matrix for the registries' routes: every route × every role and anonymous. A role
 * the route does not document gets 403 (anonymous 401) and nothing is written to the registries'
 * tables; a documented role gets through the role check (its answer may still be 404, 409 or a
 * 400 about the facts, never 401/403). Identity reads send a purpose the role may use.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, json, rowCounts, type Call, type Req } from "../../../test/api/support.ts";
import type { RouteDef } from "../../http/route.ts";
import { ROLES, type Role } from "../auth/roles.ts";
import { attachStaff, registerDealer } from "../dealers/service.ts";
import { IDENTITY_PURPOSES } from "./policy.ts";
import { registriesRoutes } from "./routes.ts";
import { registriesRouteCases } from "./testkit.ts";

const TABLES = [
  "registrations",
  "registration_actions",
  "registration_thumbprints",
  "registry_obligations",
  "transfer_certificates",
  "dealer_transfer_reports",
  "lost_stolen_reports",
  "lost_stolen_links",
];

let env: TestEnv;
let call: Call;
let cases: ReturnType<typeof registriesRouteCases>;
const fx = { draft: "", issued: "", tc: "" };

before(async () => {
  env = await createTestEnv({ today: "2013-12-05" });
  call = caller(env);
  cases = registriesRouteCases(env);
  const d = await registerDealer(env.ctx("licensing_staff"), {
    name: "Matrix Arms",
    kind: "firearm-dealer",
    fflNumber: "6-06-009-01-7A-09999",
    town: "Hartford",
    street: "1 Asylum Street",
    zip: "06103",
  });
  await attachStaff(env.services.db, env.users.dealer.id, d.id, "owner");
  fx.draft = json(
    await call("resident", { method: "POST", url: "/api/v1/registries/drafts", payload: { kind: "lcm-declaration" } }),
  ).registration.id;
  const s = json(
    await call("resident", {
      method: "POST",
      url: "/api/v1/registries/submissions",
      payload: {
        kind: "aw-certificate",
        firearm: {
          make: "Bushmaster",
          model: "XM15",
          serialNumber: "MX1",
          caliber: ".223",
          type: "rifle",
          facts: { action: "semiautomatic", centerfire: true },
        },
        thumbprint: { kind: "appointment", on: "2013-12-09" },
      },
    }),
  );
  fx.issued = s.registration.id;
  await call("licensing_staff", {
    method: "POST",
    url: `/api/v1/registries/registrations/${fx.issued}/review`,
    payload: { eligibleForCertificate: true },
  });
  await call("licensing_staff", {
    method: "POST",
    url: `/api/v1/registries/registrations/${fx.issued}/issue`,
    payload: {},
  });
  fx.tc = json(
    await call("dealer", {
      method: "POST",
      url: "/api/v1/registries/transfer-certificates",
      payload: {
        item: "large-capacity-magazine",
        transferOn: "2013-12-04",
        description: "one 30-round magazine",
        transferor: { name: "Pat Seller", address: "9 Oak Street, Hartford" },
      },
    }),
  ).certificate.id;
});
after(async () => {
  await env.close();
});

function purposeFor(who: Role | null): Record<string, string> {
  const code = who ? IDENTITY_PURPOSES[who]?.[0] : undefined;
  return { "stateline-purpose": `${code ?? "criminal-investigation"}; the access matrix test reads this record` };
}

function request(r: RouteDef, who: Role | null): Req {
  const url = r.url.replace(
    "{id}",
    r.url.includes("/drafts/") ? fx.draft : r.url.includes("transfer-certificates") ? fx.tc : fx.issued,
  );
  const headers = { ...purposeFor(who), "idempotency-key": randomUUID() };
  const bodies: Record<string, unknown> = {
    "POST /api/v1/registries/drafts": { kind: "lcm-declaration" },
    "PUT /api/v1/registries/drafts/{id}": { draftVersion: 1, magazine: { count: 2 } },
    "POST /api/v1/registries/drafts/{id}/submit": {},
    "POST /api/v1/registries/submissions": {
      kind: "lcm-declaration",
      magazine: { count: 1, capacity: 30, caliber: "9mm" },
    },
    "POST /api/v1/registries/registrations/{id}/thumbprint": {
      contentType: "image/png",
      dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]).toString("base64"),
    },
    "POST /api/v1/registries/registrations/{id}/withdraw": {},
    "POST /api/v1/registries/registrations/{id}/transfer": {
      to: "police",
      on: "2013-12-05",
      recipient: "Hartford Police",
    },
    "POST /api/v1/registries/registrations/{id}/dispose": { how: "rendered-inoperable", on: "2013-12-05" },
    "POST /api/v1/registries/registrations/{id}/review": {},
    "POST /api/v1/registries/registrations/{id}/issue": {},
    "POST /api/v1/registries/registrations/{id}/refuse": { reasons: ["matrix test reason"] },
    "POST /api/v1/registries/registrations/{id}/not-covered": { reason: "matrix test: not a covered item" },
    "POST /api/v1/registries/situations": {
      item: "large-capacity-magazine",
      lawfullyPossessedBeforeCutoff: true,
      personId: env.resident.id,
    },
    "POST /api/v1/registries/transfer-certificates": {
      item: "large-capacity-magazine",
      transferOn: "2013-12-04",
      description: "one 30-round magazine",
      transferor: { name: "Pat Seller", address: "9 Oak Street, Hartford" },
    },
    "POST /api/v1/registries/transfer-reports": { month: "2013-11", transfers: 0 },
    "POST /api/v1/registries/counter/magazine": { magazine: { device: "magazine", capacity: 30 }, buyerRoles: [] },
    "POST /api/v1/registries/counter/ammunition": {
      ammunition: { nominalCaliber: 0.5, incendiary: true },
      buyerRoles: [],
    },
    "POST /api/v1/registries/counter/firearm": { firearm: { model: "AR-15" }, buyerRoles: [] },
    "POST /api/v1/registries/lost-stolen": {
      kind: "lost",
      serialNumber: "MX9",
      circumstances: "lost in the matrix test",
      discoveredAt: "2013-12-05T10:00:00Z",
      personId: env.resident.id,
    },
  };
  const key = `${r.method} ${r.url}`;
  const query =
    r.url.endsWith("/search") || (r.url.endsWith("/lost-stolen") && r.method === "GET") ? "?serialNumber=MX1" : "";
  return { method: r.method, url: url + query, headers, ...(key in bodies ? { payload: bodies[key] } : {}) };
}

describe("access matrix: registries routes", () => {
  test("every route has a testkit case, and every case is a route", () => {
    const keys = (registriesRoutes as RouteDef[]).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(
      keys.filter((k) => !(k in cases)),
      [],
    );
    assert.deepEqual(
      Object.keys(cases).filter((k) => !keys.includes(k)),
      [],
    );
    for (const r of registriesRoutes as RouteDef[]) {
      const c = cases[`${r.method} ${r.url}`]!;
      assert.deepEqual(
        [...r.roles!].sort(),
        c.allowed === "all" || c.allowed === "public" ? [...ROLES].sort() : [...c.allowed].sort(),
        `${r.method} ${r.url}: documented roles`,
      );
    }
  });

  for (const r of registriesRoutes as RouteDef[]) {
    const key = `${r.method} ${r.url}`;
    test(key, async () => {
      assert.ok(r.roles?.length, "every route documents its roles");
      for (const who of [...ROLES, null] as (Role | null)[]) {
        const allowed = who !== null && r.roles!.includes(who);
        const before = await rowCounts(env, TABLES);
        const res = await call(who, request(r, who));
        if (allowed) {
          assert.ok(
            ![401, 403].includes(res.statusCode) && res.statusCode < 500,
            `${key} as ${who}: ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
          // The case test/api's matrix sends (testkit.ts) gets the documented success status.
          const c = cases[key];
          assert.ok(c, `${key} has a case in testkit.ts`);
          const ok = await call(who, await c.request(who));
          assert.equal(
            ok.statusCode,
            r.successStatus ?? (r.method === "POST" ? 201 : 200),
            `${key} as ${who} (testkit case): ${ok.body.slice(0, 300)}`,
          );
          assert.match(String(ok.headers["content-type"]), /^application\/json/);
        } else {
          expectProblem(res, who === null ? 401 : 403);
          assert.deepEqual(await rowCounts(env, TABLES), before, `${key} as ${who}: a refused request writes nothing`);
        }
      }
    });
  }
});
