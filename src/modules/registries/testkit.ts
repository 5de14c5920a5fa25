/**
 * One valid request for every registries API route, and who may make it, for the project's access
 * matrix and malformed-input fuzzer in test/api (merged into test/api/route-requests.ts). Test
 * support, not used by the code. Each request makes the fresh records it needs before it is sent.
 * The test clock's "today" may be any date: submissions use the 90-day service-member window
 * (returned ten days ago), which is open on every date.
 */
import { randomUUID } from "node:crypto";
import type { TestEnv } from "../../../test/helpers.ts";
import { addDays, type PlainDate } from "../../law/core/dates.ts";
import type { Role } from "../auth/roles.ts";
import { attachStaff, findStaffMembership, registerDealer } from "../dealers/service.ts";
import { IDENTITY_PURPOSES } from "./policy.ts";
import * as svc from "./service.ts";
import { executeTransferCertificate } from "./transfers.ts";

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

const PURPOSE_TEXT = "the access matrix reads this record";

/** A purpose header the role may use (any purpose for roles that read lost and stolen reports only). */
function purpose(role: Role | null): Record<string, string> {
  const code = (role && IDENTITY_PURPOSES[role]?.[0]) ?? "firearm-trace";
  return { "stateline-purpose": `${code}; ${PURPOSE_TEXT}` };
}

export function registriesRouteCases(env: TestEnv): Record<string, RouteCase> {
  const today = () => env.clock.today();
  const window = () => ({ route: "service-member-return" as const, routeEventOn: addDays(today(), -10) });
  const lcm = () => ({
    kind: "lcm-declaration" as const,
    magazine: { count: 2, capacity: 30, caliber: "9mm" },
    ...window(),
  });
  const aw = () => ({
    kind: "aw-certificate" as const,
    ...window(),
    firearm: {
      make: "Bushmaster",
      model: "XM15",
      serialNumber: `RC${randomUUID().slice(0, 8).toUpperCase()}`,
      caliber: ".223",
      type: "rifle" as const,
      facts: { action: "semiautomatic" as const, centerfire: true },
    },
    thumbprint: { kind: "appointment" as const, on: today() },
  });
  const resident = () => env.ctx("resident");
  const staff = () => env.ctx("licensing_staff");
  const draft = async () => (await svc.createDraft(resident(), lcm())).id;
  const awDraft = async () => (await svc.createDraft(resident(), { kind: "aw-certificate" })).id;
  const submitted = async () => {
    const r = (await svc.submitNew(resident(), aw())).registration;
    await svc.reviewRegistration(staff(), r.id, { eligibleForCertificate: true });
    return r.id;
  };
  const issued = async () => {
    const id = await submitted();
    await svc.issueRegistration(staff(), id);
    return id;
  };
  const ownShop = async () => {
    const m = await findStaffMembership(env.services.db, env.users.dealer.id);
    if (m) return m.dealerId;
    const d = await registerDealer(staff(), {
      name: `Registry Matrix Arms ${randomUUID().slice(0, 6)}`,
      kind: "firearm-dealer",
      fflNumber: `6-06-010-01-7A-${String(10000 + Math.floor(Math.random() * 89999))}`,
      town: "Hartford",
      street: "2 Asylum Street",
      zip: "06103",
    });
    await attachStaff(env.services.db, env.users.dealer.id, d.id, "owner");
    return d.id;
  };
  const tcBody = () => ({
    item: "large-capacity-magazine",
    transferOn: today(),
    count: 1,
    description: "one 30-round magazine",
    transferor: { name: "Pat Seller", address: "9 Oak Street, Hartford" },
  });
  const tc = async () => {
    await ownShop();
    return (await executeTransferCertificate(env.ctx("dealer"), tcBody() as never)).id;
  };
  let month = 3;
  const get = (url: string, headers: Record<string, string> = {}): Req => ({ method: "GET", url, headers });
  const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
  return {
    "POST /api/v1/registries/drafts": {
      allowed: ["resident"],
      request: async () => post("/api/v1/registries/drafts", { kind: "lcm-declaration", magazine: { count: 1 } }),
    },
    "PUT /api/v1/registries/drafts/{id}": {
      allowed: ["resident"],
      request: async () => ({
        method: "PUT",
        url: `/api/v1/registries/drafts/${await draft()}`,
        payload: { draftVersion: 1, magazine: { count: 3 } },
      }),
    },
    "POST /api/v1/registries/drafts/{id}/submit": {
      allowed: ["resident"],
      request: async () => post(`/api/v1/registries/drafts/${await draft()}/submit`),
    },
    "POST /api/v1/registries/submissions": {
      allowed: ["resident"],
      request: async () => post("/api/v1/registries/submissions", lcm()),
    },
    "POST /api/v1/registries/registrations/{id}/thumbprint": {
      allowed: ["resident", "licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await awDraft()}/thumbprint`, {
          contentType: "image/png",
          dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]).toString("base64"),
        }),
    },
    "GET /api/v1/registries/mine": { allowed: ["resident"], request: async () => get("/api/v1/registries/mine") },
    "GET /api/v1/registries/registrations/{id}": {
      allowed: ["resident", "licensing_staff", "law_enforcement", "dmhas_source"],
      request: async (role) => get(`/api/v1/registries/registrations/${await draft()}`, purpose(role)),
    },
    "POST /api/v1/registries/registrations/{id}/withdraw": {
      allowed: ["resident", "licensing_staff"],
      request: async () => post(`/api/v1/registries/registrations/${await draft()}/withdraw`),
    },
    "POST /api/v1/registries/registrations/{id}/transfer": {
      allowed: ["resident", "licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await issued()}/transfer`, {
          to: "police",
          on: today(),
          recipient: "Hartford Police Department",
        }),
    },
    "POST /api/v1/registries/registrations/{id}/dispose": {
      allowed: ["resident", "licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await issued()}/dispose`, { how: "rendered-inoperable", on: today() }),
    },
    "GET /api/v1/registries/queue": {
      allowed: ["licensing_staff"],
      request: async () => get("/api/v1/registries/queue"),
    },
    "POST /api/v1/registries/registrations/{id}/review": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await submitted()}/review`, { eligibleForCertificate: true }),
    },
    "POST /api/v1/registries/registrations/{id}/issue": {
      allowed: ["licensing_staff"],
      request: async () => post(`/api/v1/registries/registrations/${await submitted()}/issue`),
    },
    "POST /api/v1/registries/registrations/{id}/refuse": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await submitted()}/refuse`, { reasons: ["a disqualifying record"] }),
    },
    "POST /api/v1/registries/registrations/{id}/not-covered": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/registries/registrations/${await submitted()}/not-covered`, {
          reason: "permanently inoperable on examination",
        }),
    },
    "GET /api/v1/registries/search": {
      allowed: ["licensing_staff", "law_enforcement", "dmhas_source"],
      request: async (role) => get("/api/v1/registries/search?serialNumber=RC-NONE", purpose(role)),
    },
    "POST /api/v1/registries/situations": {
      allowed: ["resident", "licensing_staff"],
      request: async (role) =>
        post("/api/v1/registries/situations", {
          item: "large-capacity-magazine",
          movedIntoState: true,
          movedIntoStateOn: addDays(today(), -5) as PlainDate,
          lawfullyPossessedBeforeCutoff: false,
          outOfStateServiceMember: false,
          transferredServiceMember: false,
          inherited: false,
          ...(role === "licensing_staff" ? { personId: env.resident.id } : {}),
        }),
    },
    "GET /api/v1/registries/obligations": {
      allowed: ["licensing_staff"],
      request: async () => get("/api/v1/registries/obligations"),
    },
    "POST /api/v1/registries/transfer-certificates": {
      allowed: ["dealer"],
      request: async () => {
        await ownShop();
        return post("/api/v1/registries/transfer-certificates", tcBody());
      },
    },
    "GET /api/v1/registries/transfer-certificates": {
      allowed: ["dealer", "licensing_staff"],
      request: async () => {
        await ownShop();
        return get("/api/v1/registries/transfer-certificates");
      },
    },
    "GET /api/v1/registries/transfer-certificates/{id}": {
      allowed: ["dealer", "licensing_staff"],
      request: async () => get(`/api/v1/registries/transfer-certificates/${await tc()}`),
    },
    "POST /api/v1/registries/transfer-reports": {
      allowed: ["dealer"],
      request: async () => {
        await ownShop();
        month = month >= 12 ? 4 : month + 1;
        return post("/api/v1/registries/transfer-reports", {
          month: `2013-${String(month).padStart(2, "0")}`,
          transfers: 0,
        });
      },
    },
    "POST /api/v1/registries/counter/magazine": {
      allowed: ["dealer", "ammunition_vendor", "licensing_staff"],
      request: async () =>
        post("/api/v1/registries/counter/magazine", { magazine: { device: "magazine", capacity: 30 }, buyerRoles: [] }),
    },
    "POST /api/v1/registries/counter/ammunition": {
      allowed: ["dealer", "ammunition_vendor", "licensing_staff"],
      request: async () =>
        post("/api/v1/registries/counter/ammunition", {
          ammunition: { nominalCaliber: 0.5, incendiary: true },
          buyerRoles: [],
        }),
    },
    "POST /api/v1/registries/counter/firearm": {
      allowed: ["dealer", "licensing_staff"],
      request: async () =>
        post("/api/v1/registries/counter/firearm", { firearm: { model: "Colt AR-15", type: "rifle" }, buyerRoles: [] }),
    },
    "POST /api/v1/registries/lost-stolen": {
      allowed: ["resident", "law_enforcement", "licensing_staff"],
      request: async () =>
        post("/api/v1/registries/lost-stolen", {
          kind: "lost",
          serialNumber: `RC${randomUUID().slice(0, 6)}`,
          circumstances: "lost on a hunting trip",
          discoveredAt: new Date(env.clock.now().getTime() - 3600_000).toISOString(),
        }),
    },
    "GET /api/v1/registries/lost-stolen": {
      allowed: ["law_enforcement", "licensing_staff", "trafficking_task_force"],
      request: async (role) => get("/api/v1/registries/lost-stolen?serialNumber=RC-NONE", purpose(role)),
    },
    "GET /api/v1/registries/lost-stolen/mine": {
      allowed: ["resident"],
      request: async () => get("/api/v1/registries/lost-stolen/mine"),
    },
  };
}
