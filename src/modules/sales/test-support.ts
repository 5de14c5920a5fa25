/**
 * Test support for the sales module (not used by the application): shops with
 * their staff, buyers holding credentials, request bodies, a local webhook
 * receiver, and the entries the API access matrix needs for the sales routes.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestEnv } from "../../../test/helpers.ts";
import { PASSWORD } from "../../../test/helpers.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { addDays } from "../../law/core/dates.ts";
import type { CredentialKind } from "../../law/ct/credentials/index.ts";
import { verifyWebhookSignature, SIGNATURE_HEADER } from "../../adapters/webhooks/signature.ts";
import { createUser } from "../auth/service.ts";
import { attachStaff, registerDealer } from "../dealers/service.ts";
import { createPerson, type Person } from "../people/service.ts";
import { requestSale } from "./service.ts";
import { returnSaleToSeller } from "./review.ts";

/** A credential number with its last digit changed: a typo no credential has. */
export const mistype = (n: string) => n.replace(/\d$/, (d) => String((Number(d) + 5) % 10));

let seq = 0;
const next = () => (seq += 1);

/** A firearm dealer registered by staff, with a login of the given position; returns the dealer id and the username. */
export async function setupShop(
  env: TestEnv,
  opts: { position?: "owner" | "manager" | "clerk"; username?: string; town?: string } = {},
): Promise<{ dealerId: string; username: string; userId: string }> {
  const n = next();
  const d = await registerDealer(env.ctx("licensing_staff"), {
    name: `Sale Test Arms ${n}`,
    kind: "firearm-dealer",
    fflNumber: `6-06-002-01-7A-${String(50_000 + n * 7 + Math.floor(Math.random() * 5)).padStart(5, "0")}`,
    town: opts.town ?? "Hartford",
    street: `${n} Park Street`,
    zip: "06106",
  });
  const username = opts.username ?? `shop${n}-${Math.random().toString(36).slice(2, 7)}`;
  const user = await createUser(env.services.db, {
    username,
    displayName: `Clerk ${n}`,
    role: "dealer",
    password: PASSWORD,
    organization: d.name,
    passwordCost: 10,
  });
  await attachStaff(env.services.db, user.id, d.id, opts.position ?? "owner");
  return { dealerId: d.id, username, userId: user.id };
}

export interface Buyer {
  person: Person;
  credentialNumber: string;
  credentialId: string;
}

const PREFIX: Record<CredentialKind, string> = {
  "temporary-state-permit": "TP",
  "state-handgun-permit": "SP",
  "handgun-eligibility-certificate": "HE",
  "long-gun-eligibility-certificate": "LE",
  "ammunition-certificate": "AC",
};

/** A person holding one credential (written directly: the credentials module's flow is tested there). */
export async function buyerWithCredential(
  env: TestEnv,
  opts: {
    kind: CredentialKind;
    firstName?: string;
    lastName?: string;
    birthDate?: string;
    town?: string;
    issuedOn?: string;
    status?: "active" | "revoked" | "expired";
  } = { kind: "long-gun-eligibility-certificate" },
): Promise<Buyer> {
  const n = next();
  const person = await createPerson(env.services.db, {
    firstName: opts.firstName ?? `Buyer${n}`,
    lastName: opts.lastName ?? "Counterman",
    birthDate: (opts.birthDate ?? "1979-04-12") as PlainDate,
    birthPlace: "New Haven, CT",
    street: `${n} Elm Street`,
    town: opts.town ?? "New Haven",
    zip: "06510",
  });
  const issuedOn = (opts.issuedOn ?? addDays(env.clock.today(), -30)) as PlainDate;
  const number = `${PREFIX[opts.kind]}-${9_000_000 + n * 13 + Math.floor(Math.random() * 13)}`;
  const status = opts.status ?? "active";
  const r = await env.services.db.query<{ id: string }>(
    `INSERT INTO credentials (number, person_id, kind, status, issued_on, expires_on, fee_cents, revoked_on) VALUES ($1,$2,$3,$4,$5,$6,0,$7) RETURNING id::text`,
    [
      number,
      person.id,
      opts.kind,
      status,
      issuedOn,
      addDays(issuedOn, 5 * 365),
      status === "revoked" ? env.clock.today() : null,
    ],
  );
  return { person, credentialNumber: number, credentialId: r[0]!.id };
}

export const LONG_GUN = { make: "SR", model: "American", serialNumber: "", caliber: "308", type: "RB" };
export const HANDGUN = { make: "SW", model: "M&P9", serialNumber: "", caliber: "9", type: "PI" };

/** A request body for a buyer; the serial number is fresh unless given. */
export function saleBody(
  b: Buyer,
  opts: {
    kind?: string;
    firearm?: Record<string, unknown>;
    seller?: Record<string, unknown> | null;
    saleDate?: string;
    buyer?: Record<string, unknown>;
  } = {},
): Record<string, any> {
  // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON body tests change freely
  const kind = opts.kind ?? "retail-long-gun";
  const handgun = kind.includes("handgun");
  const privateSale = kind.startsWith("private");
  return {
    kind,
    buyer: {
      firstName: b.person.firstName,
      lastName: b.person.lastName,
      birthDate: b.person.birthDate,
      birthPlace: b.person.birthPlace ?? "New Haven, CT",
      street: b.person.street ?? "1 Elm Street",
      town: b.person.town ?? "New Haven",
      state: "CT",
      zip: b.person.zip ?? "06510",
      credentialNumber: b.credentialNumber,
      idDocument: { type: "drivers-license", number: `DL${b.credentialNumber.replace(/\D/g, "")}`, issuer: "CT DMV" },
      ...(privateSale ? { sex: "F", race: "W" } : {}),
      ...(opts.buyer ?? {}),
    },
    ...(privateSale && opts.seller !== null
      ? {
          seller: opts.seller ?? {
            name: "Pat Privateseller",
            street: "9 Oak Lane",
            town: "Guilford",
            state: "CT",
            zip: "06437",
          },
        }
      : {}),
    firearm: {
      ...(handgun ? HANDGUN : LONG_GUN),
      serialNumber: `SN${next()}X${Math.floor(Math.random() * 1e6)}`,
      ...(opts.firearm ?? {}),
    },
    ...(opts.saleDate ? { saleDate: opts.saleDate } : {}),
  };
}

export interface Receipt {
  method: string;
  url: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  verified: boolean;
}

/** A local HTTP receiver that checks each request's Stateline-Signature with `secret`; answers 204 when valid, 401 otherwise (or `status()`). */
export async function startReceiver(
  secret: string,
  opts: { status?: () => number; now?: () => number } = {},
): Promise<{ url: string; received: Receipt[]; close: () => Promise<void> }> {
  const received: Receipt[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      const v = verifyWebhookSignature({
        secret,
        header: typeof header === "string" ? header : undefined,
        body,
        now: opts.now?.() ?? Math.floor(Date.now() / 1000),
      });
      received.push({ method: req.method ?? "", url: req.url, headers: req.headers, body, verified: v.ok });
      res.statusCode = opts.status?.() ?? (v.ok ? 204 : 401);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/stateline-hooks`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The access-matrix entries of the sales routes (test/api/route-requests.ts
 * spreads these into its table). `dealerShopId` is the shop whose owner is the
 * `dealer` test user; buyers are made fresh per request.
 */
export function salesRouteCases(env: TestEnv, fx: { shopId: string }) {
  const post = (url: string, payload: unknown = {}) => ({ method: "POST", url, payload });
  const get = (url: string) => ({ method: "GET", url });
  const dealerCtx = (today = env.clock.today()) => ({ ...env.ctx("dealer"), today: today as PlainDate });
  const sale = async (
    kind: "long-gun-eligibility-certificate" | "handgun-eligibility-certificate" = "long-gun-eligibility-certificate",
    today?: PlainDate,
    delay = false,
  ) => {
    const b = await buyerWithCredential(env, {
      kind,
      issuedOn: addDays((today ?? env.clock.today()) as PlainDate, -30),
    });
    if (delay) env.nics.delay(b.person);
    const body = saleBody(b, {
      kind: kind === "handgun-eligibility-certificate" ? "retail-handgun" : "retail-long-gun",
    });
    return (await requestSale(dealerCtx(today), body as never)).sale;
  };
  /** A sale by the `dealer` user whose credential number was mistyped (one digit off): it waits for review. */
  const reviewSale = async (b?: Buyer) => {
    const buyer = b ?? (await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" }));
    return (
      await requestSale(
        dealerCtx(),
        saleBody(buyer, { buyer: { credentialNumber: mistype(buyer.credentialNumber) } }) as never,
      )
    ).sale;
  };
  void fx;
  return {
    "POST /api/v1/sales": {
      allowed: ["dealer"] as const,
      request: async () =>
        post("/api/v1/sales", saleBody(await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" }))),
    },
    "POST /api/v1/sales/private-state-authorization": {
      allowed: ["licensing_staff"] as const,
      request: async () =>
        post("/api/v1/sales/private-state-authorization", {
          ...saleBody(await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" }), {
            kind: "private-long-gun-via-dealer",
          }),
          kind: "private-long-gun",
        }),
    },
    "GET /api/v1/sales": {
      allowed: ["dealer", "licensing_staff", "law_enforcement"] as const,
      request: async () => ({
        ...get("/api/v1/sales?serialNumber=SN1"),
        headers: { "stateline-purpose": "firearm-trace; trace request 26-1" },
      }),
    },
    "GET /api/v1/sales/{id}": {
      allowed: ["dealer", "licensing_staff", "law_enforcement"] as const,
      request: async () => ({
        ...get(`/api/v1/sales/${(await sale()).id}`),
        headers: { "stateline-purpose": "firearm-trace; trace request 26-1" },
      }),
    },
    "POST /api/v1/sales/{id}/proceed": {
      allowed: ["dealer"] as const,
      // A sale NICS delayed a week ago: the three business days have passed.
      request: async () =>
        post(
          `/api/v1/sales/${(await sale("long-gun-eligibility-certificate", addDays(env.clock.today(), -7), true)).id}/proceed`,
        ),
    },
    "POST /api/v1/sales/{id}/cancel": {
      allowed: ["dealer", "licensing_staff"] as const,
      request: async () =>
        post(`/api/v1/sales/${(await sale()).id}/cancel`, { reason: "the buyer changed their mind" }),
    },
    // The review (review.ts): a sale whose credential number matches nobody waits for review.
    "GET /api/v1/sales/{id}/review": {
      allowed: ["licensing_staff"] as const,
      request: async () => ({
        ...get(`/api/v1/sales/${(await reviewSale()).id}/review`),
        headers: { "stateline-purpose": "licensing-review; review of a delayed sale" },
      }),
    },
    "POST /api/v1/sales/{id}/review/authorize": {
      allowed: ["licensing_staff"] as const,
      request: async () => {
        const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
        return post(`/api/v1/sales/${(await reviewSale(b)).id}/review/authorize`, {
          credentialId: b.credentialId,
          note: "driver's license matches the certificate holder",
        });
      },
    },
    "POST /api/v1/sales/{id}/review/deny": {
      allowed: ["licensing_staff"] as const,
      request: async () =>
        post(`/api/v1/sales/${(await reviewSale()).id}/review/deny`, {
          reason: "the buyer could not be identified as a credential holder",
        }),
    },
    "POST /api/v1/sales/{id}/review/return": {
      allowed: ["licensing_staff"] as const,
      request: async () =>
        post(`/api/v1/sales/${(await reviewSale()).id}/review/return`, { recheck: ["credentialNumber"] }),
    },
    "POST /api/v1/sales/{id}/correction": {
      allowed: ["dealer"] as const,
      request: async () => {
        const b = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
        const s = await reviewSale(b);
        await returnSaleToSeller(env.ctx("licensing_staff"), { saleId: s.id, recheck: ["credentialNumber"] });
        return post(`/api/v1/sales/${s.id}/correction`, { buyer: { credentialNumber: b.credentialNumber } });
      },
    },
    "POST /api/v1/dealers/webhook": {
      allowed: ["dealer"] as const,
      request: async () =>
        post("/api/v1/dealers/webhook", {
          url: "https://hooks.example.test/stateline",
          secret: "a-shared-secret-of-enough-length",
        }),
    },
  };
}

/** Tables a sale request writes to (for "a refused request changes nothing"). */
export const SALES_TABLES = [
  "sales",
  "sale_nics_checks",
  "sale_actions",
  "sale_records",
  "sale_reports",
  "dealer_webhooks",
  "webhook_deliveries",
] as const;
