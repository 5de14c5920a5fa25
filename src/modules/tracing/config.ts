/**
 * The tracing module's configuration: which state this instance is, its signing key for the
 * partner exchange, and each partner state (its instance's address, its public key, and its
 * data-sharing agreement: which answer fields it may receive from us). Read from the environment
 * once, at start; tests and a second instance in the same process attach their own with
 * `configureTracing(services, ...)`.
 *
 *   STATELINE_TRACING_STATE        two letters, default CT
 *   STATELINE_TRACING_KEY_ID       this instance's key id, as partners know it (default "<state>-1")
 *   STATELINE_TRACING_PRIVATE_KEY  Ed25519 private key, PKCS#8 PEM (\n may be written as "\n")
 *   STATELINE_TRACING_PARTNERS     JSON array of { code, name, url, keyId, publicKey (SPKI PEM), receives: [field...] }
 */
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import type { Config } from "../../config.ts";
import type { AtfAdapter } from "../../adapters/atf/contract.ts";
import { createAtfSimulator } from "../../adapters/atf/simulator.ts";
import type { Clock } from "../../lib/clock.ts";

/** The fields of a trace answer a data-sharing agreement may name. */
export const AGREEMENT_FIELDS = [
  "dealer", // the dealer of the first retail sale: name, FFL, state
  "saleDate", // the date of the first retail sale
  "timeToCrime", // days from the first retail sale to the recovery
  "purchaserName", // the first purchaser's name
  "purchaserBirthDate",
  "purchaserAddress", // town and state only
  "laterTransfers", // later transfers (dates, and dealers; buyers only with purchaserName)
  "lostStolen", // whether the gun was reported lost or stolen, and when
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface Partner {
  code: string;
  name: string;
  /** Base URL of the partner's Stateline instance, e.g. https://stateline.ny.example */
  url: string;
  keyId: string;
  publicKey: KeyObject;
  /** The fields of our answers this partner may receive (its agreement with us). */
  receives: readonly AgreementField[];
}

export interface TracingConfig {
  state: string;
  keyId: string;
  privateKey: KeyObject | null;
  partners: readonly Partner[];
  /** How long a signed request stays acceptable (seconds either side of now). */
  signatureWindowSeconds: number;
}

export class TracingConfigError extends Error {}

const pem = (s: string) => s.replace(/\\n/g, "\n");

export function parseTracingConfig(env: NodeJS.ProcessEnv): TracingConfig {
  const state = env.STATELINE_TRACING_STATE ?? "CT";
  if (!/^[A-Z]{2}$/.test(state))
    throw new TracingConfigError(`STATELINE_TRACING_STATE must be two capital letters, got ${state}`);
  let privateKey: KeyObject | null = null;
  if (env.STATELINE_TRACING_PRIVATE_KEY) {
    privateKey = createPrivateKey(pem(env.STATELINE_TRACING_PRIVATE_KEY));
    if (privateKey.asymmetricKeyType !== "ed25519")
      throw new TracingConfigError("STATELINE_TRACING_PRIVATE_KEY must be an Ed25519 key");
  }
  let partners: Partner[] = [];
  if (env.STATELINE_TRACING_PARTNERS) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.STATELINE_TRACING_PARTNERS);
    } catch {
      throw new TracingConfigError("STATELINE_TRACING_PARTNERS must be JSON");
    }
    if (!Array.isArray(raw)) throw new TracingConfigError("STATELINE_TRACING_PARTNERS must be a JSON array");
    partners = raw.map((p: Record<string, unknown>) =>
      partner({
        code: String(p.code),
        name: String(p.name ?? p.code),
        url: String(p.url),
        keyId: String(p.keyId),
        publicKey: createPublicKey(pem(String(p.publicKey))),
        receives: (p.receives ?? []) as AgreementField[],
      }),
    );
  }
  return {
    state,
    keyId: env.STATELINE_TRACING_KEY_ID ?? `${state.toLowerCase()}-1`,
    privateKey,
    partners,
    signatureWindowSeconds: 300,
  };
}

/** Checks one partner's settings. */
export function partner(p: Partner): Partner {
  if (!/^[A-Z]{2}$/.test(p.code))
    throw new TracingConfigError(`partner code must be two capital letters, got ${p.code}`);
  if (!/^https?:\/\//.test(p.url)) throw new TracingConfigError(`partner ${p.code}: url must be http(s)`);
  if (p.publicKey.asymmetricKeyType !== "ed25519")
    throw new TracingConfigError(`partner ${p.code}: public key must be Ed25519`);
  for (const f of p.receives)
    if (!AGREEMENT_FIELDS.includes(f)) throw new TracingConfigError(`partner ${p.code}: unknown agreement field ${f}`);
  return { ...p, url: p.url.replace(/\/+$/, "") };
}

/** What the module holds per instance: its configuration and its ATF adapter. */
export interface TracingRuntime {
  config: TracingConfig;
  atf: AtfAdapter;
}

let fromEnv: TracingConfig | undefined;
const runtimes = new WeakMap<Config, TracingRuntime>();

/** Attaches a tracing configuration and ATF adapter to one instance (its services' config object). */
export function configureTracing(
  s: { config: Config },
  rt: Partial<TracingRuntime> & { config: TracingConfig },
): TracingRuntime {
  const r: TracingRuntime = { config: rt.config, atf: rt.atf ?? createAtfSimulator() };
  runtimes.set(s.config, r);
  return r;
}

/** The instance's tracing runtime; the environment's configuration (read once) with the ATF SIMULATOR by default. */
export function tracingRuntime(ctx: { config: Config; clock: Clock }): TracingRuntime {
  let r = runtimes.get(ctx.config);
  if (!r) {
    fromEnv ??= parseTracingConfig(process.env);
    r = { config: fromEnv, atf: createAtfSimulator({ now: () => ctx.clock.now() }) };
    runtimes.set(ctx.config, r);
  }
  return r;
}

export const findPartner = (c: TracingConfig, code: string) => c.partners.find((p) => p.code === code);
