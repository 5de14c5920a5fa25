/**
 * Prints every statement one API request sends to the database, in order, with the
 * transaction boundaries: the round trips that bench/sales measures in aggregate.
 * `node bench/trace-sale.ts` (PGlite; no server needed).
 */
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
const db = env.services.db as Db & { query: Queryable["query"]; tx: Db["tx"] };
const note = (where: string, text: string) => log?.push(`${where} ${text.replace(/\s+/g, " ").slice(0, 150)}`);
const q0 = db.query.bind(db);
const tx0 = db.tx.bind(db);
db.query = ((text: string, params?: readonly unknown[]) => {
  note("  ", text);
  return q0(text, params);
}) as Queryable["query"];
db.tx = (async (fn: (q: Queryable) => Promise<unknown>) => {
  note("TX", "BEGIN");
  const out = await tx0((q) =>
    fn({
      query: ((text: string, params?: readonly unknown[]) => {
        note("tx", text);
        return q.query(text, params);
      }) as Queryable["query"],
    }),
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
  console.log(`${what}: ${status}; ${log!.length} statements`);
  for (const l of log!) console.log(l);
};
for (let i = 0; i < 2; i++) {
  log = [];
  const r = await send(key, "/api/v1/sales", saleBody(buyer, {}) as object);
  show(`firearm sale ${i + 1} (${r.body.answer})`, r.status);
}
log = [];
const lines = checkBody(ammoBuyer).lines;
const c = await send(vendorKey, "/api/v1/ammunition/checks", checkBody(ammoBuyer));
show(`ammunition check (${c.body.check?.outcome})`, c.status);
log = [];
const s2 = await send(vendorKey, "/api/v1/ammunition/sales", { checkId: c.body.check?.id, lines });
show("ammunition sale", s2.status);
await env.close();
