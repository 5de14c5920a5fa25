/**
 * Test support for the tracing module (not used by the code): dealers, buyers and sales written
 * straight to the tables (the sales module's flow is tested there), signing keys and a tracing
 * configuration per test instance with the ATF SIMULATOR on the instance's clock.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import type { TestEnv } from "../../../test/helpers.ts";
import type { Queryable } from "../../db/client.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { createAtfSimulator, type AtfSimulator } from "../../adapters/atf/simulator.ts";
import { attachStaff, registerDealer, type Dealer } from "../dealers/service.ts";
import { createPerson, type Person } from "../people/service.ts";
import { configureTracing, type AgreementField, type TracingConfig } from "./config.ts";

let n = 0;
const next = () => (n += 1);

const FFL_BASE = Math.floor(Math.random() * 50000);

export async function shop(
  env: TestEnv,
  opts: { town?: string; name?: string; staff?: boolean } = {},
): Promise<Dealer> {
  const k = next();
  const d = await registerDealer(env.ctx("licensing_staff"), {
    name: opts.name ?? `Trace Arms ${k}`,
    kind: "firearm-dealer",
    // One number per shop from a base drawn once (a random draw per shop could repeat one: a 409).
    fflNumber: `6-06-003-01-7A-${String((FFL_BASE + k) % 100000).padStart(5, "0")}`,
    town: opts.town ?? "Hartford",
    street: `${k} Depot Street`,
  });
  if (opts.staff) await attachStaff(env.services.db, env.users.dealer.id, d.id, "owner");
  return d;
}

export async function person(
  db: Queryable,
  o: { firstName?: string; lastName?: string; birthDate?: string; town?: string } = {},
): Promise<Person> {
  return createPerson(db, {
    firstName: o.firstName ?? `Pat${next()}`,
    lastName: o.lastName ?? "Buyer",
    birthDate: (o.birthDate ?? "1985-04-04") as PlainDate,
    street: "9 Elm Street",
    town: o.town ?? "Hartford",
    zip: "06103",
  });
}

/** A sale written straight to table `sales`. */
export async function sale(
  db: Queryable,
  o: {
    dealerId: string | null;
    buyer: Person;
    on: string;
    serial: string;
    make?: string;
    model?: string;
    handgun?: boolean;
    retail?: boolean;
    status?: "authorized" | "proceeded" | "denied" | "cancelled";
    sellerName?: string;
  },
): Promise<string> {
  const k = next(),
    id = randomUUID();
  const retail = o.retail ?? true,
    handgun = o.handgun ?? true,
    status = o.status ?? "proceeded";
  const authorized = status === "authorized" || status === "proceeded";
  const channel = o.dealerId ? "dealer" : "state";
  const kind = retail
    ? handgun
      ? "retail-handgun"
      : "retail-long-gun"
    : `private-${handgun ? "handgun" : "long-gun"}-via-${channel}`;
  const route = retail
    ? "retail"
    : handgun
      ? "private"
      : channel === "dealer"
        ? "private-dealer-nics"
        : "private-despp";
  await db.query(
    `INSERT INTO sales (id, number, kind, firearm_class, route, channel, dealer_id, status, sale_on, buyer_person_id, buyer_credential_number,
       buyer_first_name, buyer_last_name, buyer_birth_on, buyer_birth_place, buyer_street, buyer_town, buyer_state, buyer_id_type, buyer_id_number, buyer_id_issuer,
       seller_name, seller_street, seller_town, seller_state,
       firearm_make, firearm_model, firearm_serial_number, firearm_caliber, firearm_type, authorization_number, authorized_on, cancelled_on)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'HE-0000000',$11,$12,$13,'Hartford, CT','9 Elm Street',$14,'CT','drivers-license','D000','CT',
       $15,$16,$17,$18,$19,$20,$21,'9',$22,$23,$24,$25)`,
    [
      id,
      `FS-TR${k}-${id.slice(0, 6)}`,
      kind,
      handgun ? "handgun" : "long-gun",
      route,
      channel,
      o.dealerId,
      status,
      o.on,
      o.buyer.id,
      o.buyer.firstName,
      o.buyer.lastName,
      o.buyer.birthDate,
      o.buyer.town,
      retail ? null : (o.sellerName ?? "Pat Seller"),
      retail ? null : "1 Seller Road",
      retail ? null : "Hartford",
      retail ? null : "CT",
      o.make ?? "SW",
      o.model ?? "M&P9",
      o.serial,
      handgun ? "PI" : "RS",
      authorized ? `AUTH-TR${k}-${id.slice(0, 6)}` : null,
      authorized ? o.on : null,
      status === "cancelled" ? o.on : null,
    ],
  );
  return id;
}

export function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync("ed25519");
}

/** Attaches a tracing configuration to a test instance, with the ATF SIMULATOR on its clock. */
export function configure(env: TestEnv, o: Partial<TracingConfig> = {}): { config: TracingConfig; atf: AtfSimulator } {
  const atf = createAtfSimulator({ now: () => env.clock.now() });
  const config: TracingConfig = {
    state: "CT",
    keyId: "ct-1",
    privateKey: null,
    partners: [],
    signatureWindowSeconds: 300,
    ...o,
  };
  configureTracing(env.services, { config, atf });
  return { config, atf };
}

export const FIELDS_MINIMAL: AgreementField[] = ["dealer", "saleDate", "timeToCrime"];

export const PURPOSE = { code: "firearm-trace", text: "Recovered at a shooting scene, case 26-1234" } as const;
export const PURPOSE_HEADER = { "stateline-purpose": "firearm-trace; Recovered at a shooting scene, case 26-1234" };

export function traceBody(
  o: {
    serial?: string;
    make?: string;
    recoveredOn?: string;
    possessor?: { firstName: string; lastName: string; birthDate?: string };
    priority?: string;
    town?: string;
    acquisition?: { channel: string; seller?: string };
    serialStatus?: string;
    ammunitionRecovered?: number;
  } = {},
): Record<string, unknown> {
  const serialStatus = o.serialStatus ?? "present";
  return {
    priority: o.priority ?? "urgent",
    requestingAgency: "Hartford Police Department",
    firearm: {
      make: o.make ?? "SW",
      model: "M&P9",
      ...(serialStatus === "present" ? { serialNumber: o.serial ?? "ABC123" } : {}),
      serialStatus,
      caliber: "9",
      type: "PI",
    },
    recovery: {
      date: o.recoveredOn ?? "2026-11-01",
      state: "CT",
      town: o.town ?? "Hartford",
      address: "100 Main Street",
      crimeCode: "5212",
      ...(o.possessor ? { possessor: o.possessor } : {}),
      ...(o.acquisition ? { acquisition: o.acquisition } : {}),
      ...(o.ammunitionRecovered !== undefined ? { ammunitionRecovered: o.ammunitionRecovered } : {}),
    },
    purpose: { ...PURPOSE },
  };
}
