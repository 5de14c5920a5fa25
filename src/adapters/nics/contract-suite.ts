/**
 * The NICS adapter contract as a test suite. Any adapter — the SIMULATOR, or a
 * real E-Check / point-of-contact client pointed at its provider's test
 * environment — runs the same suite:
 *
 *   nicsContractSuite("my adapter", async () => ({ adapter, people: { proceed: {...}, delayed: {...} }, control: {...} }));
 *
 * `people` names identities the environment is known to answer a given way;
 * `control` offers the hooks a test environment may have (resolve a delayed
 * check, switch an outage on). Parts without what they need are skipped, not failed.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type NicsAdapter,
  type NicsFirearmType,
  type NicsPerson,
  type NicsPurpose,
  type NicsStatus,
  NicsInvalidRequest,
  NicsUnavailable,
  NicsUnknownTransaction,
  NICS_PURPOSES,
  NTN_PATTERN,
} from "./contract.ts";

export interface NicsContractSubject {
  adapter: NicsAdapter;
  people: { proceed: NicsPerson; denied?: NicsPerson; delayed?: NicsPerson };
  control?: {
    resolve?(transactionNumber: string, status: Exclude<NicsStatus, "delayed">): void | Promise<void>;
    setOutage?(down: boolean): void | Promise<void>;
  };
  close?(): Promise<void>;
}

const FIREARM_TYPES: readonly NicsFirearmType[] = ["handgun", "long-gun", "other"];

function assertResponse(
  r: unknown,
  status?: NicsStatus,
): asserts r is { transactionNumber: string; status: NicsStatus; respondedAt: string } {
  const x = r as Record<string, unknown>;
  assert.match(String(x.transactionNumber), NTN_PATTERN, "an NTN is ten letters or digits");
  assert.ok(
    ["proceed", "delayed", "denied"].includes(String(x.status)),
    `status is proceed, delayed or denied (got ${String(x.status)})`,
  );
  if (status) assert.equal(x.status, status);
  assert.ok(
    typeof x.respondedAt === "string" && !Number.isNaN(Date.parse(x.respondedAt)),
    "respondedAt is an ISO timestamp",
  );
}

async function rejectsWith(
  p: Promise<unknown>,
  kind: abstract new (...a: never[]) => Error,
  what: string,
): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof kind, what);
}

export function nicsContractSuite(name: string, make: () => Promise<NicsContractSubject>): void {
  describe(`NICS adapter contract: ${name}`, () => {
    const withSubject = (fn: (s: NicsContractSubject) => Promise<void>) => async () => {
      const s = await make();
      try {
        await fn(s);
      } finally {
        await s.close?.();
      }
    };

    test(
      "a check answers with an NTN, a status and a timestamp",
      withSubject(async (s) => {
        const r = await s.adapter.check({ purpose: "retail-sale", firearmType: "long-gun", person: s.people.proceed });
        assertResponse(r, "proceed");
      }),
    );

    test(
      "every purpose and firearm type is accepted, and every check gets its own NTN",
      withSubject(async (s) => {
        const seen = new Set<string>();
        for (const purpose of NICS_PURPOSES as readonly NicsPurpose[]) {
          for (const firearmType of FIREARM_TYPES) {
            const r = await s.adapter.check({ purpose, firearmType, person: s.people.proceed });
            assertResponse(r, "proceed");
            assert.ok(!seen.has(r.transactionNumber), "NTNs are not reused");
            seen.add(r.transactionNumber);
          }
        }
      }),
    );

    test(
      "status of a Proceed check is the same NTN and stays Proceed",
      withSubject(async (s) => {
        const r = await s.adapter.check({ purpose: "private-sale", firearmType: "long-gun", person: s.people.proceed });
        for (let i = 0; i < 3; i++) {
          const again = await s.adapter.status(r.transactionNumber);
          assertResponse(again, "proceed");
          assert.equal(again.transactionNumber, r.transactionNumber);
        }
      }),
    );

    test(
      "status of a number NICS never issued is NicsUnknownTransaction",
      withSubject(async (s) => {
        await rejectsWith(s.adapter.status("ZZZZZZZZZZ"), NicsUnknownTransaction, "unknown NTN");
      }),
    );

    test(
      "a malformed request is NicsInvalidRequest, never an answer",
      withSubject(async (s) => {
        const p = s.people.proceed;
        await rejectsWith(
          s.adapter.check({ purpose: "retail-sale", person: { ...p, lastName: " " } }),
          NicsInvalidRequest,
          "blank last name",
        );
        await rejectsWith(
          s.adapter.check({ purpose: "retail-sale", person: { ...p, birthDate: "15/06/1980" } }),
          NicsInvalidRequest,
          "date of birth not YYYY-MM-DD",
        );
        await rejectsWith(
          s.adapter.check({ purpose: "sale" as unknown as NicsPurpose, person: p }),
          NicsInvalidRequest,
          "unknown purpose",
        );
      }),
    );

    test(
      "any well-formed person gets a well-formed answer (property)",
      withSubject(async (s) => {
        const name = fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim().length > 0);
        const date = fc
          .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2010-12-31T00:00:00Z"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
        const seen = new Set<string>();
        await fc.assert(
          fc.asyncProperty(
            name,
            name,
            date,
            fc.constantFrom(...NICS_PURPOSES),
            fc.constantFrom(...FIREARM_TYPES),
            async (firstName, lastName, birthDate, purpose, firearmType) => {
              const r = await s.adapter.check({ purpose, firearmType, person: { firstName, lastName, birthDate } });
              assertResponse(r);
              assert.ok(!seen.has(r.transactionNumber));
              seen.add(r.transactionNumber);
            },
          ),
          { numRuns: 60 },
        );
      }),
    );

    test(
      "a Denied check is final",
      withSubject(async (s) => {
        if (!s.people.denied) return;
        const r = await s.adapter.check({ purpose: "retail-sale", firearmType: "handgun", person: s.people.denied });
        assertResponse(r, "denied");
        assertResponse(await s.adapter.status(r.transactionNumber), "denied");
      }),
    );

    test(
      "a Delayed check stays Delayed until it resolves, then its answer is final",
      withSubject(async (s) => {
        if (!s.people.delayed) return;
        const a = await s.adapter.check({ purpose: "retail-sale", firearmType: "long-gun", person: s.people.delayed });
        assertResponse(a, "delayed");
        assertResponse(await s.adapter.status(a.transactionNumber), "delayed");
        if (!s.control?.resolve) return;
        await s.control.resolve(a.transactionNumber, "proceed");
        assertResponse(await s.adapter.status(a.transactionNumber), "proceed");
        const b = await s.adapter.check({ purpose: "private-sale", firearmType: "long-gun", person: s.people.delayed });
        await s.control.resolve(b.transactionNumber, "denied");
        assertResponse(await s.adapter.status(b.transactionNumber), "denied");
        assertResponse(await s.adapter.status(a.transactionNumber), "proceed");
      }),
    );

    test(
      "during an outage check and status are NicsUnavailable; afterwards earlier NTNs still answer",
      withSubject(async (s) => {
        if (!s.control?.setOutage) return;
        const before = await s.adapter.check({
          purpose: "retail-sale",
          firearmType: "handgun",
          person: s.people.proceed,
        });
        await s.control.setOutage(true);
        try {
          await rejectsWith(
            s.adapter.check({ purpose: "retail-sale", firearmType: "handgun", person: s.people.proceed }),
            NicsUnavailable,
            "check during outage",
          );
          await rejectsWith(s.adapter.status(before.transactionNumber), NicsUnavailable, "status during outage");
        } finally {
          await s.control.setOutage(false);
        }
        assertResponse(await s.adapter.status(before.transactionNumber), "proceed");
        assertResponse(
          await s.adapter.check({ purpose: "retail-sale", firearmType: "handgun", person: s.people.proceed }),
          "proceed",
        );
      }),
    );
  });
}
