/**
 * Test support for the offender registry: fresh registrants in each state, and one valid request
 * per API route with the roles allowed (for the access matrix and the malformed-input fuzzer in
 * test/api, which spread `offenderRouteCases` into their table).
 */
import type { TestEnv } from "../../../test/helpers.ts";
import type { Req } from "../../../test/api/support.ts";
import { type PlainDate, addDays } from "../../law/core/dates.ts";
import type { Role } from "../auth/index.ts";
import { createPerson } from "../people/index.ts";
import * as svc from "./service.ts";

let n = 0;
const PURPOSE = { code: "criminal-investigation", text: "access matrix: checking a registrant" } as const;
export const PURPOSE_HEADERS = { "stateline-purpose": `${PURPOSE.code}; ${PURPOSE.text}` };

/** A fresh registrant: awaiting registration, registered (a year and a few days ago unless `registeredOn`), suspended, with a photo. */
export async function registrantFixture(
  env: TestEnv,
  state: "awaiting" | "registered" | "suspended" | "photo" = "registered",
  opts: { personId?: string } = {},
): Promise<{ id: string; personId: string }> {
  n += 1;
  const ctx = env.ctx("licensing_staff");
  const today = ctx.today;
  const dispositionOn = addDays(today, -400 - n);
  const personId =
    opts.personId ??
    (
      await createPerson(env.services.db, {
        firstName: `Registrant${n}`,
        lastName: "Fixture",
        birthDate: "1975-03-03" as PlainDate,
        town: "Hartford",
        street: `${n} Park Street`,
        zip: "06106",
      })
    ).id;
  const duty = await env.services.db.tx((q) =>
    svc.registrationDutyFromCourtRecord(ctx, q, {
      personId,
      statute: "53a-217c",
      disposition: "convicted",
      dispositionOn,
      releasedOn: addDays(dispositionOn, 1),
      fromDocCustody: false,
      source: "staff",
    }),
  );
  const id = duty.registrant!.id;
  if (state === "awaiting") return { id, personId };
  await svc.completeRegistration(ctx, id, {
    registeredOn: addDays(dispositionOn, 2),
    aliases: [],
    physicalDescription: "medium build",
    homeStreet: `${n} Park Street`,
    homeTown: "Hartford",
    homeState: "CT",
    criminalHistoryReference: `SPBI-${n}`,
    dnaStatus: "unknown",
    signed: true,
  });
  if (state === "suspended") await svc.suspend(ctx, id, { ground: "incarcerated" });
  if (state === "photo")
    await svc.addPhoto(ctx, id, { contentType: "image/jpeg", bytes: JPEG, takenBy: "DESPP", takenOn: today });
  return { id, personId };
}

export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

export function offenderRouteCases(env: TestEnv): Record<string, RouteCase> {
  const post = (url: string, payload: unknown = {}): Req => ({ method: "POST", url, payload });
  const get = (url: string, headers: Record<string, string> = {}): Req => ({ method: "GET", url, headers });
  const POLICE = ["law_enforcement", "licensing_staff"] as const;
  const person = async () =>
    (
      await createPerson(env.services.db, {
        firstName: `Keyed${(n += 1)}`,
        lastName: "Fixture",
        birthDate: "1980-01-01" as PlainDate,
      })
    ).id;
  return {
    "POST /api/v1/offenders/court-records": {
      allowed: ["licensing_staff"],
      request: async () =>
        post("/api/v1/offenders/court-records", {
          personId: await person(),
          statute: "53a-217c",
          disposition: "convicted",
          dispositionOn: addDays(env.clock.today(), -30),
          releasedOn: addDays(env.clock.today(), -2),
          fromDocCustody: false,
        }),
    },
    "POST /api/v1/offenders/registrants/{id}/registration": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/offenders/registrants/${(await registrantFixture(env, "awaiting")).id}/registration`, {
          physicalDescription: "tall, grey hair",
          homeStreet: "1 Elm Street",
          homeTown: "Hartford",
          criminalHistoryReference: "SPBI-1",
          signed: true,
        }),
    },
    "POST /api/v1/offenders/registrants/{id}/photo": {
      allowed: ["licensing_staff", "law_enforcement"],
      request: async () =>
        post(`/api/v1/offenders/registrants/${(await registrantFixture(env)).id}/photo`, {
          contentType: "image/jpeg",
          dataBase64: Buffer.from(JPEG).toString("base64"),
          takenBy: "DOC",
          takenOn: env.clock.today(),
        }),
    },
    "GET /api/v1/offenders/registrants/{id}/photo": {
      allowed: POLICE,
      request: async () =>
        get(`/api/v1/offenders/registrants/${(await registrantFixture(env, "photo")).id}/photo`, PURPOSE_HEADERS),
    },
    "POST /api/v1/offenders/lookup": {
      allowed: POLICE,
      request: async () => post("/api/v1/offenders/lookup", { lastName: "Fixture", purpose: PURPOSE }),
    },
    "GET /api/v1/offenders/registrants/{id}": {
      allowed: POLICE,
      request: async () => get(`/api/v1/offenders/registrants/${(await registrantFixture(env)).id}`, PURPOSE_HEADERS),
    },
    "POST /api/v1/offenders/registrants/{id}/verifications": {
      allowed: POLICE,
      request: async () =>
        post(`/api/v1/offenders/registrants/${(await registrantFixture(env)).id}/verifications`, {
          year: 1,
          outcome: "appeared",
          appearedOn: env.clock.today(),
          agency: "Hartford Police Department",
        }),
    },
    "POST /api/v1/offenders/registrants/{id}/changes": {
      allowed: ["law_enforcement", "licensing_staff", "resident"],
      request: async (role) => {
        const r = await registrantFixture(env, "registered", role === "resident" ? { personId: env.resident.id } : {});
        return post(`/api/v1/offenders/registrants/${r.id}/changes`, {
          kind: "address",
          changedOn: env.clock.today(),
          street: "2 New Road",
          town: "Bristol",
          state: "CT",
        });
      },
    },
    "POST /api/v1/offenders/registrants/{id}/suspend": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/offenders/registrants/${(await registrantFixture(env)).id}/suspend`, { ground: "out-of-state" }),
    },
    "POST /api/v1/offenders/registrants/{id}/reinstate": {
      allowed: ["licensing_staff"],
      request: async () =>
        post(`/api/v1/offenders/registrants/${(await registrantFixture(env, "suspended")).id}/reinstate`, {}),
    },
    "GET /api/v1/offenders/noncompliance": {
      allowed: POLICE,
      request: async () => get("/api/v1/offenders/noncompliance?town=Hartford", PURPOSE_HEADERS),
    },
    "GET /api/v1/offenders/me": { allowed: ["resident"], request: async () => get("/api/v1/offenders/me") },
    "POST /api/v1/offenders/clocks": {
      allowed: ["licensing_staff", "admin"],
      request: async () => post("/api/v1/offenders/clocks"),
    },
  };
}
