/**
 * Test support for the local-permits module: the test `local_authority` user attached to Hartford,
 * fresh Hartford applicants, and one valid request per API route for the access matrix and the
 * malformed-input fuzzer (test/api/route-requests.ts).
 */
import type { TestEnv } from "../../../test/helpers.ts";
import type { Req } from "../../../test/api/support.ts";
import { newPerson } from "../../../test/api/support.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { submitApplication } from "../credentials/index.ts";
import * as db from "./queries.ts";
import type { Role } from "../auth/index.ts";

/** The shape of test/api/route-requests.ts's RouteCase, declared here so that file can import this one without a cycle. */
interface RouteCase {
  allowed: readonly Role[] | "all" | "public";
  request(role: Role | null): Promise<Req>;
}

export const TEST_TOWN = "Hartford";
const PURPOSE = { "stateline-purpose": "licensing-review; temporary state permit decision" };
let n = 0;

/** Attaches the test `local_authority` user to Hartford (once). */
export async function attachTestAuthority(env: TestEnv): Promise<void> {
  await db.upsertAuthority(env.services.db, {
    userId: env.users.local_authority.id,
    town: TEST_TOWN,
    office: "chief-of-police",
  });
}

/** A fresh Hartford resident's open temporary state permit application, keyed in by staff; its id. */
export async function hartfordApplication(env: TestEnv): Promise<string> {
  n += 1;
  const person = await newPerson(env, {
    firstName: `Localfixture${n}`,
    lastName: "Applicant",
    birthDate: "1971-04-04" as PlainDate,
    town: TEST_TOWN,
  });
  const r = await submitApplication(env.ctx("licensing_staff"), {
    credentialKind: "temporary-state-permit",
    residenceTown: TEST_TOWN,
    attestedNoTemporaryPermitIn12Months: true,
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
    personId: person.id,
  });
  return r.application.id;
}

export function localPermitRouteCases(env: TestEnv): Record<string, RouteCase> {
  const ready = async () => attachTestAuthority(env);
  const get = (url: string): Req => ({ method: "GET", url, headers: PURPOSE });
  const post = (url: string, payload: unknown): Req => ({ method: "POST", url, payload });
  return {
    "GET /api/v1/local-permits/queue": {
      allowed: ["local_authority"],
      request: async () => (await ready(), get("/api/v1/local-permits/queue")),
    },
    "GET /api/v1/local-permits/applications/{id}": {
      allowed: ["local_authority"],
      request: async () => (await ready(), get(`/api/v1/local-permits/applications/${await hartfordApplication(env)}`)),
    },
    "POST /api/v1/local-permits/applications/{id}/approve": {
      allowed: ["local_authority"],
      request: async () => (
        await ready(),
        post(`/api/v1/local-permits/applications/${await hartfordApplication(env)}/approve`, {
          reviewNote: "identity and safety course certificate seen in person",
          confirmations: { safetyCourse: true, suitability: true },
        })
      ),
    },
    "POST /api/v1/local-permits/applications/{id}/deny": {
      allowed: ["local_authority"],
      request: async () => (
        await ready(),
        post(`/api/v1/local-permits/applications/${await hartfordApplication(env)}/deny`, {
          reasons: "the applicant is not a suitable person (report 26-0042)",
        })
      ),
    },
    "GET /api/v1/local-permits/stages": {
      allowed: ["licensing_staff"],
      request: async () => get("/api/v1/local-permits/stages"),
    },
    "POST /api/v1/local-permits/authorities": {
      allowed: ["admin"],
      request: async () =>
        post("/api/v1/local-permits/authorities", {
          userId: env.users.local_authority.id,
          town: TEST_TOWN,
          office: "chief-of-police",
        }),
    },
  };
}
