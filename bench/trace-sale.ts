/**
 * Prints every statement one API request sends to the database, in order, with the
 * transaction boundaries: the round trips that bench/sales measures in aggregate.
 * `node bench/trace-sale.ts` (PGlite; no server needed). With DATABASE_URL (PostgreSQL) it also
 * marks each write to a database socket: the round trips, as pipelining groups the statements.
 */
import { Socket } from "node:net";
import { createTestEnv } from "../test/helpers.ts";
import { attachStaff } from "../src/modules/dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "../src/modules/sales/test-support.ts";
import type { Db, Queryable } from "../src/db/client.ts";
import { checkBody, holder, setupSellers } from "../src/modules/ammunition/testkit.ts";

const env = await createTestEnv();
const shop = await setupShop(env);
await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
await setupSellers(env);
const ammoBuyer = await holder(env.services.db, env.clock.today(), { kind: "state-handgun-permit" });
const vendorKey = await env.apiKey("ammunition_vendor");
const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
const key = await env.apiKey("dealer");

let log: string[] | null = null;
// On PostgreSQL, every write to a database socket is a round trip's start: counted per request.
let writes = 0;
const dbPort = process.env.DATABASE_URL ? Number(new URL(process.env.DATABASE_URL).port || 5432) : null;
if (dbPort !== null) {
  const proto = Socket.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ["_write", "_writev"]) {
    const orig = proto[m]!;
    proto[m] = function (this: Socket, ...a: unknown[]) {
      if (this.remotePort === dbPort) {
        writes++;
        log?.push(`>> socket write ${writes} (connection :${this.localPort})`);
      }
      return orig.apply(this, a);
    };
  }
}
const db = env.services.db as Db & { query: Queryable["query"]; tx: Db["tx"] };
const note = (where: string, text: string) => log?.push(`${where} ${text.replace(/\s+/g, " ").slice(0, 150)}`);
const q0 = db.query.bind(db);
const tx0 = db.tx.bind(db);
db.query = ((text: string, params?: readonly unknown[]) => {
  note("  ", text);
  return q0(text, params);
}) as Queryable["query"];
db.tx = (async (fn: (q: Queryable) => Promise<unknown>, opts?: Parameters<Db["tx"]>[1]) => {
  note("TX", "BEGIN");
  const out = await tx0(
    (q) =>
      fn({
        query: ((text: string, params?: readonly unknown[]) => {
          note("tx", text);
          return q.query(text, params);
        }) as Queryable["query"],
        // Deferred writes stay deferred (they travel with the next statement), as in the server.
        ...(q.defer
          ? {
              defer: (text: string, params?: readonly unknown[]) => {
                note("tx (deferred)", text);
                q.defer!(text, params);
              },
            }
          : {}),
      }),
    opts,
  );
  note("TX", "COMMIT");
  return out;
}) as Db["tx"];

const send = async (key: string, url: string, payload: object) => {
  const res = await env.app.inject({
    method: "POST",
    url,
    payload,
    headers: { authorization: `Bearer ${key}`, "idempotency-key": `trace-${Math.random()}` },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
};
const show = (what: string, status: number) => {
  const w = log!.filter((l) => l.startsWith(">>")).length;
  console.log(
    `${what}: ${status}; ${log!.length - w} statements${dbPort !== null ? `, ${w} socket writes to the database` : ""}`,
  );
  for (const l of log!) console.log(l);
};
for (let i = 0; i < 2; i++) {
  log = [];
  const r = await send(key, "/api/v1/sales", saleBody(buyer, {}) as object);
  show(`firearm sale ${i + 1} (${r.body.answer})`, r.status);
}
// Twice each, like the sale: the first request of a key also reads the key (and may open connections).
for (let i = 0; i < 2; i++) {
  log = [];
  const lines = checkBody(ammoBuyer).lines;
  const c = await send(vendorKey, "/api/v1/ammunition/checks", checkBody(ammoBuyer));
  show(`ammunition check ${i + 1} (${c.body.check?.outcome})`, c.status);
  log = [];
  const s2 = await send(vendorKey, "/api/v1/ammunition/sales", { checkId: c.body.check?.id, lines });
  show(`ammunition sale ${i + 1}`, s2.status);
}
await env.close();
