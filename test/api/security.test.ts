/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Issue 8 (security and privacy): one regression test per finding. Each of
 * these failed on the code before the fixes (the finding says how).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, PASSWORD, type TestEnv } from "../helpers.ts";
import { caller, count, expectProblem, expectStatus, json, type Call } from "./support.ts";
import { setupShop } from "../../src/modules/sales/test-support.ts";
import { deliverDueWebhooks } from "../../src/modules/sales/webhooks.ts";
import { checkWebhookUrl, refusedAddress } from "../../src/adapters/webhooks/address-guard.ts";
import { openSecret } from "../../src/adapters/webhooks/secret-box.ts";
import type { WebhookRequest } from "../../src/adapters/webhooks/sender.ts";
import { checkBody, holder, setupSellers } from "../../src/modules/ammunition/testkit.ts";
import { loadNames } from "../../src/db/reference-data.ts";
import { cleanInput, normalizeText } from "../../src/lib/text.ts";

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };

let env: TestEnv;
let call: Call;
before(async () => {
  env = await createTestEnv();
  call = caller(env);
  await setupSellers(env);
});
after(async () => {
  await env.close();
});

describe("1. webhook SSRF", () => {
  test("internal, metadata and plain-http targets are refused at registration (loopback switch off)", async () => {
    const shop = await setupShop(env, { position: "owner" });
    env.services.config.webhookAllowLoopback = false;
    try {
      for (const url of [
        "https://169.254.169.254/latest/meta-data",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://172.16.5.5/hook",
        "https://[fd00::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://metadata.google.internal/computeMetadata/v1",
        "http://127.1:8080/hook",
        "http://0x7f000001/hook",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "http://example.com/hook",
        "https://user:pw@example.com/hook",
      ]) {
        expectProblem(
          await call({ username: shop.username }, { method: "POST", url: "/api/v1/dealers/webhook", payload: { url } }),
          400,
          "url",
        );
      }
      assert.equal(await count(env, "dealer_webhooks WHERE dealer_id = $1", [shop.dealerId]), 0);
    } finally {
      env.services.config.webhookAllowLoopback = true;
    }
  });

  test("the address is checked again at delivery (DNS can change): nothing is sent to an internal address", async () => {
    const shop = await setupShop(env, { position: "owner" });
    // Registered while the switch allowed loopback; the switch is now off, as in production.
    expectStatus(
      await call(
        { username: shop.username },
        {
          method: "POST",
          url: "/api/v1/dealers/webhook",
          payload: { url: "http://127.0.0.1:9/hook", secret: "whsec_test_secret_for_the_dealer_0002" },
        },
      ),
      200,
    );
    await env.services.db.query(
      "INSERT INTO webhook_deliveries (dealer_id, event, body, next_attempt_at) VALUES ($1, 'sale.authorized', '{}', $2)",
      [shop.dealerId, env.clock.now().toISOString()],
    );
    const sent: WebhookRequest[] = [];
    env.services.config.webhookAllowLoopback = false;
    try {
      const r = await deliverDueWebhooks(env.services, {
        sender: {
          send: async (req) => {
            sent.push(req);
            return { status: 204 };
          },
        },
      });
      assert.equal(r.delivered, 0);
      assert.equal(sent.length, 0, "the sender was never called");
      const row = (
        await env.services.db.query("SELECT last_error FROM webhook_deliveries WHERE dealer_id = $1", [shop.dealerId])
      )[0]!;
      assert.match(row.last_error, /^refused/);
    } finally {
      env.services.config.webhookAllowLoopback = true;
    }
  });

  test("the guard: mapped, NAT64 and public addresses; a lookup that answers an internal address", async () => {
    const off = { allowLoopback: false };
    for (const ip of [
      "127.0.0.1",
      "::1",
      "::ffff:10.0.0.1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::169.254.169.254",
      "fe80::1",
      "100.64.0.1",
      "0.0.0.0",
    ])
      assert.ok(refusedAddress(ip, off), ip);
    for (const ip of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
      assert.equal(refusedAddress(ip, off), undefined, ip);
    const r = await checkWebhookUrl("https://rebind.example/hook", {
      ...off,
      lookup: async () => ["93.184.216.34", "10.0.0.7"],
    });
    assert.equal(r.ok, false, "every address must be public");
  });
});

describe("2. text PostgreSQL cannot store, in web forms and page query strings", () => {
  test("NUL in a form field or a page's query string is a 400 naming the field, never a 500", async () => {
    // Pages answer with a page (HTML) or a problem (JSON); either way a 400 that names the field.
    const named = (res: { statusCode: number; body: string }, field: string) => {
      assert.equal(res.statusCode, 400, res.body.slice(0, 300));
      assert.match(res.body, new RegExp(field.replace(".", "\\.")));
    };
    named(
      await call("resident", {
        method: "POST",
        url: "/me/address",
        payload: form({ street: "1 Main\u0000Street", town: "Hartford", zip: "06103", effectiveOn: env.clock.today() }),
        headers: FORM,
      }),
      "street",
    );
    named(await call("licensing_staff", { method: "GET", url: "/leads?purpose=%00" }), "query.purpose");
    named(
      await call("admin", {
        method: "POST",
        url: "/admin/users",
        payload: form({ username: "x\u0000y", displayName: "N", role: "dealer", password: "a long enough password" }),
        headers: FORM,
      }),
      "username",
    );
    named(
      await call("licensing_staff", {
        method: "POST",
        url: "/staff/events/search",
        payload: form({ lastName: "Test\u0000person" }),
        headers: FORM,
      }),
      "lastName",
    );
    const html = await env.app.inject({ method: "GET", url: "/rules?q=%00", headers: { accept: "text/html" } });
    assert.ok(html.statusCode < 500, `${html.statusCode}`);
  });
});

describe("3-4. what sellers learn from an ammunition check", () => {
  test("a wrong town or ZIP is 'does not match', without naming the field (no oracle)", async () => {
    const h = await holder(env.services.db, env.clock.today(), {
      town: "Stamford",
      zip: "06901",
      street: "12 Oak Road",
    });
    const r = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/checks",
      payload: checkBody(h, undefined, { address: { town: "Hartford", zip: "06103" } }),
    });
    expectStatus(r, 201);
    const m = json(r).findings.find((f: any) => f.id === "ammunition.record-match");
    assert.equal(m.because, "does not match; the buyer may ask DESPP to correct the record");
    assert.doesNotMatch(r.body, /town|ZIP|street|Stamford|06901/i);
  });

  test("a protective order shows as the reason category and citation, not the record; a revoked credential is named as presented and not valid", async () => {
    const h = await holder(env.services.db, env.clock.today());
    await env.services.db.query(
      "INSERT INTO prohibiting_events (person_id, kind, event_on, active, source) VALUES ($1,'protective-order','2026-11-05',true,'Superior Court')",
      [h.person.id],
    );
    const r = await call("ammunition_vendor", {
      method: "POST",
      url: "/api/v1/ammunition/checks",
      payload: checkBody(h),
    });
    const b = json(r);
    assert.equal(b.check.outcome, "refused", r.body);
    assert.doesNotMatch(
      r.body,
      /protective|2026-11-05|in force|Superior Court/i,
      "no record detail reaches the seller",
    );
    const f = b.findings.find((x: any) => x.status === "not-met");
    assert.ok(f.citation, "the citation is given");
    assert.match(f.because, /a record in the state's files bars this sale/);

    const revoked = await holder(env.services.db, env.clock.today(), { status: "revoked" });
    const r2 = json(
      await call("ammunition_vendor", {
        method: "POST",
        url: "/api/v1/ammunition/checks",
        payload: checkBody(revoked),
      }),
    );
    const c = r2.findings.find((x: any) => x.id === "sales.ammunition.buyer-credential");
    assert.equal(c.status, "not-met");
    assert.match(c.because, new RegExp(`presented .*${revoked.credential.number}, which is not valid`));
    assert.doesNotMatch(c.because, /presented none of/);
  });
});

describe("5. every read of personal data states a purpose and is audited", () => {
  test("staff listing all sales: refused without a purpose, refused in the URL, audited with one", async () => {
    expectProblem(
      await call("licensing_staff", { method: "GET", url: "/api/v1/sales" }),
      400,
      "header.stateline-purpose",
    );
    expectProblem(
      await call("licensing_staff", { method: "GET", url: "/api/v1/sales?purpose=looking" }),
      400,
      "query.purpose",
    );
    const before = await count(env, "audit_log WHERE action = 'sale.list'");
    expectStatus(
      await call("licensing_staff", {
        method: "GET",
        url: "/api/v1/sales",
        headers: { "stateline-purpose": "licensing-review; weekly review of sales" },
      }),
      200,
    );
    assert.equal(
      await count(env, "audit_log WHERE action = 'sale.list' AND purpose = 'licensing-review: weekly review of sales'"),
      before + 1,
    );
  });

  test("the outbox (names, addresses, credential numbers) needs a purpose and is audited", async () => {
    expectProblem(await call("licensing_staff", { method: "GET", url: "/api/v1/outbox" }), 400);
    expectStatus(
      await call("licensing_staff", {
        method: "GET",
        url: "/api/v1/outbox",
        headers: { "stateline-purpose": "licensing-review; checking letters went out" },
      }),
      200,
    );
    assert.ok((await count(env, "audit_log WHERE action = 'notice.list' AND purpose IS NOT NULL")) >= 1);
  });

  test("a refused read is audited; an auditor lists every read of one person's record", async () => {
    const h = await holder(env.services.db, env.clock.today());
    expectProblem(await call("dealer", { method: "GET", url: `/api/v1/credentials/${h.credential.id}` }), 403);
    assert.equal(
      await count(env, "audit_log WHERE action = 'credential.read' AND outcome = 'denied' AND entity_id = $1", [
        h.credential.id,
      ]),
      1,
    );
    expectStatus(
      await call("law_enforcement", {
        method: "GET",
        url: `/api/v1/credentials/${h.credential.id}`,
        headers: { "stateline-purpose": "criminal-investigation; traffic stop case 26-88" },
      }),
      200,
    );
    const reads = json(
      await call("auditor", { method: "GET", url: `/api/v1/audit/people/${h.person.id}/reads` }),
    ).items;
    assert.deepEqual(
      reads.map((r: any) => [r.action, r.actorRole, r.outcome]),
      [
        ["credential.read", "law_enforcement", "success"],
        ["credential.read", "dealer", "denied"],
      ],
    );
    assert.equal(reads[0].purpose, "criminal-investigation: traffic stop case 26-88");
    expectProblem(
      await call("licensing_staff", { method: "GET", url: `/api/v1/audit/people/${h.person.id}/reads` }),
      403,
    );
  });
});

describe("6. API keys", () => {
  test("a key cannot mint keys; the owner lists and revokes; revocation works on the next request; others cannot revoke", async () => {
    const key = await env.apiKey("dealer");
    const withKey = { apiKey: key };
    const minted = await call(withKey, {
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { label: "minted by a key" },
      headers: { "idempotency-key": "mint-key-0001" },
    });
    expectProblem(minted, 403);
    const made = json(
      await call("dealer", { method: "POST", url: "/api/v1/api-keys", payload: { label: "Counter 2" } }),
    );
    expectStatus(
      await call({ apiKey: made.key }, { method: "GET", url: "/api/v1/me" }),
      200,
      "the new key works (and is now cached)",
    );
    const mine = json(await call("dealer", { method: "GET", url: "/api/v1/api-keys" })).items;
    assert.ok(mine.some((k: any) => k.id === made.id && k.revokedAt === null));
    assert.ok(
      mine.every((k: any) => !("key" in k) && !("keyHash" in k)),
      "never the key itself",
    );
    expectProblem(await call("ammunition_vendor", { method: "POST", url: `/api/v1/api-keys/${made.id}/revoke` }), 404);
    expectStatus(await call("dealer", { method: "POST", url: `/api/v1/api-keys/${made.id}/revoke` }), 200);
    expectProblem(await call({ apiKey: made.key }, { method: "GET", url: "/api/v1/me" }), 401);
    // An administrator revokes anyone's key, and lists everyone's.
    const other = json(
      await call("ammunition_vendor", { method: "POST", url: "/api/v1/api-keys", payload: { label: "Vendor POS" } }),
    );
    expectStatus(await call("admin", { method: "POST", url: `/api/v1/api-keys/${other.id}/revoke` }), 200);
    assert.ok(
      json(await call("admin", { method: "GET", url: "/api/v1/api-keys" })).items.some(
        (k: any) => k.id === other.id && k.revokedAt,
      ),
    );
    expectProblem(await call("dealer", { method: "GET", url: "/api/v1/api-keys?username=ammunition-vendor" }), 403);
    assert.equal(await count(env, "api_keys WHERE key_hash = $1", [made.key]), 0, "stored hashed");
  });
});

describe("6. API keys in the web UI", () => {
  test("a seller makes a key on the page (shown once), sees it listed and revokes it", async () => {
    const made = await call("ammunition_vendor", {
      method: "POST",
      url: "/account/api-keys",
      payload: form({ label: "Web counter" }),
      headers: FORM,
    });
    assert.equal(made.statusCode, 201, made.body.slice(0, 300));
    const key = /<code id="new-key">(sl_[A-Za-z0-9_-]+)<\/code>/.exec(made.body)![1]!;
    expectStatus(await call({ apiKey: key }, { method: "GET", url: "/api/v1/me" }), 200);
    const id = json(await call("ammunition_vendor", { method: "GET", url: "/api/v1/api-keys" })).items.find(
      (k: any) => k.label === "Web counter",
    ).id;
    const listed = await call("ammunition_vendor", { method: "GET", url: "/account/api-keys" });
    assert.ok(listed.body.includes("Web counter") && !listed.body.includes(key), "listed, never shown again");
    assert.equal(
      (
        await call("ammunition_vendor", {
          method: "POST",
          url: `/account/api-keys/${id}/revoke`,
          payload: form({}),
          headers: FORM,
        })
      ).statusCode,
      200,
    );
    expectProblem(await call({ apiKey: key }, { method: "GET", url: "/api/v1/me" }), 401);
  });
});

describe("7. sign-in: no indefinite lock, no enumeration", () => {
  test("the administrator's account is not locked for good by five wrong passwords; unknown names answer the same", async () => {
    const signIn = async (username: string, password: string) => {
      const page = await env.app.inject({ method: "GET", url: "/login" });
      const cookie = String([page.headers["set-cookie"] ?? []].flat()[0]).split(";")[0]!;
      const _csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      return env.app.inject({
        method: "POST",
        url: "/login",
        payload: form({ username, password, _csrf }),
        headers: { ...FORM, cookie, accept: "text/html" },
        remoteAddress: "203.0.113.9",
      });
    };
    const codes = async (name: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push((await signIn(name, "not the password")).statusCode);
      return out;
    };
    const admin = await codes("admin");
    const ghost = await codes("no-such-admin");
    assert.deepEqual(admin, ghost, "a known and an unknown name cannot be told apart");
    assert.equal(admin[5], 429);
    assert.equal(await count(env, "audit_log WHERE action = 'auth.lock'"), 2, "each lock is audited");
    env.clock.advance(10 * 60_000 + 1000);
    expectStatus(await signIn("admin", PASSWORD), 303, "released by itself after 10 minutes");
    env.clock.set(env.clock.today());
  });
});

describe("8. rate limits on look-ups", () => {
  test("verifications are limited per key with a 429 and Retry-After; failed checks piling up raise an alert", async () => {
    const rl = env.services.config.rateLimit;
    env.services.config.rateLimit = { ...rl, enabled: true, perKeyPerMinute: 3, failedChecksAlert: 2 };
    try {
      const body = {
        credentialNumber: "LE-1000000",
        lastName: "Nobody",
        birthDate: "1980-01-01",
        purpose: "long-gun-purchase",
      };
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await call("dealer", { method: "POST", url: "/api/v1/verifications", payload: body })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429]);
      const limited = await call("dealer", { method: "POST", url: "/api/v1/verifications", payload: body });
      expectProblem(limited, 429);
      assert.ok(Number(limited.headers["retry-after"]) > 0);
      assert.equal(
        await count(env, "audit_log WHERE action = 'security.alert' AND entity_type = 'user' AND entity_id = $1", [
          env.users.dealer.id,
        ]),
        1,
        "failed verifications piling up raise an alert",
      );
      const h = await holder(env.services.db, env.clock.today());
      const before = await count(env, "audit_log WHERE action = 'security.alert'");
      for (let i = 0; i < 2; i++)
        await call("ammunition_vendor", {
          method: "POST",
          url: "/api/v1/ammunition/checks",
          payload: checkBody(h, undefined, { credentialNumber: `LE-99999${10 + i}` }),
        });
      assert.equal(await count(env, "audit_log WHERE action = 'security.alert'"), before + 1);
    } finally {
      env.services.config.rateLimit = rl;
    }
  });
});

describe("9. headers, cookies, login CSRF, session lifetime", () => {
  test("a Content-Security-Policy and the usual headers; Secure cookies when served over https", async () => {
    const r = await env.app.inject({ method: "GET", url: "/login" });
    assert.match(String(r.headers["content-security-policy"]), /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal(r.headers["x-content-type-options"], "nosniff");
    assert.equal(r.headers["x-frame-options"], "DENY");
    env.services.config.secureCookies = true;
    try {
      const page = await env.app.inject({ method: "GET", url: "/login" });
      assert.match(String(page.headers["set-cookie"]), /; Secure/);
    } finally {
      env.services.config.secureCookies = false;
    }
  });

  test("/login without its CSRF token is refused (login CSRF)", async () => {
    const r = await env.app.inject({
      method: "POST",
      url: "/login",
      payload: form({ username: "dealer", password: PASSWORD }),
      headers: { ...FORM, accept: "application/json" },
    });
    expectProblem(r, 403);
  });

  test("a session ends 12 hours after sign-in however active", async () => {
    const { cookie } = await env.login("auditor");
    const me = () =>
      env.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie, accept: "application/json" } });
    for (let i = 0; i < 28; i++) {
      env.clock.advance(25 * 60_000);
      expectStatus(await me(), 200, `after ${(i + 1) * 25} minutes`);
    }
    env.clock.advance(25 * 60_000);
    expectProblem(await me(), 401);
    env.clock.set(env.clock.today());
  });
});

describe("10. duplicate writes without a key", () => {
  test("a session-authenticated JSON write without an Idempotency-Key is refused naming the header", async () => {
    const { cookie, csrf } = await env.login("resident");
    const r = await env.app.inject({
      method: "POST",
      url: "/api/v1/applications",
      payload: {
        credentialKind: "long-gun-eligibility-certificate",
        residenceTown: "Hartford",
        citizenOrLawfulResident: true,
        backgroundCheckConsent: true,
        feePaid: true,
      },
      headers: { cookie, "x-csrf-token": csrf, accept: "application/json" },
    });
    expectProblem(r, 400, "header.idempotency-key");
  });
});

describe("11. secrets at rest", () => {
  test("a webhook secret is stored encrypted under the configured key", async () => {
    const shop = await setupShop(env, { position: "owner" });
    const secret = "whsec_plain_text_must_not_be_stored_0003";
    expectStatus(
      await call(
        { username: shop.username },
        { method: "POST", url: "/api/v1/dealers/webhook", payload: { url: "https://hooks.example.test/x", secret } },
      ),
      200,
    );
    const stored = (
      await env.services.db.query("SELECT secret FROM dealer_webhooks WHERE dealer_id = $1", [shop.dealerId])
    )[0]!.secret as string;
    assert.ok(!stored.includes(secret) && stored.startsWith("v1."));
    assert.equal(openSecret(env.services.config.secretKey, stored), secret);
  });
});

describe("12. data hygiene", () => {
  test("seeded names carry no carriage return; input text is trimmed, LF-only and NFC", async () => {
    const names = loadNames();
    assert.ok([...names.male, ...names.female, ...names.last].every((n) => !/\s$/.test(n)));
    assert.equal(normalizeText("  Ame\u0301lie\r\nline two\r"), "Amélie\nline two");
    assert.deepEqual(cleanInput({ a: " x ", password: " keep " }, ""), { a: "x", password: " keep " });
    const r = await call("resident", {
      method: "POST",
      url: `/api/v1/people/${env.resident.id}/address-changes`,
      payload: { street: "  7 Elm Street\r\n", town: "Hartford", effectiveOn: env.clock.today() },
    });
    expectStatus(r, 201);
    const p = (await env.services.db.query("SELECT street FROM people WHERE id = $1", [env.resident.id]))[0]!;
    assert.equal(p.street, "7 Elm Street");
  });
});
