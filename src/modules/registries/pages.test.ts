/**
 * The registries' web pages: a resident's declaration submitted once for a resent form, a draft
 * saved and its thumbprint uploaded (multipart), form errors on the page, staff opening a
 * registration only with a purpose, a dealer's certificate of transfer, the police search and a
 * lost-gun report; and roles refused.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { count } from "../../../test/api/support.ts";
import { setupShop } from "../sales/test-support.ts";

let env: TestEnv;
const sessions = new Map<string, { cookie: string; csrf: string }>();

async function session(username: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await env.login(username);
    sessions.set(username, s);
  }
  return s;
}

async function getPage(username: string, url: string) {
  const s = await session(username);
  return env.app.inject({ method: "GET", url, headers: { cookie: s.cookie, accept: "text/html" } });
}

async function postForm(username: string, url: string, fields: Record<string, string>) {
  const s = await session(username);
  const body = new URLSearchParams({ _csrf: s.csrf, ...fields }).toString();
  return env.app.inject({
    method: "POST",
    url,
    payload: body,
    headers: { cookie: s.cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
  });
}

const token = (body: string) => /name="_submission" value="([^"]+)"/.exec(body)?.[1] ?? "";

before(async () => {
  env = await createTestEnv({ today: "2013-12-02" });
});
after(async () => {
  await env.close();
});

describe("resident pages", () => {
  test("a declaration submitted from the page is stored once when the form is sent twice", async () => {
    const page = await getPage("resident", "/registries/new?kind=lcm-declaration");
    assert.equal(page.statusCode, 200);
    const t = token(page.body);
    assert.ok(t);
    const fields = {
      _submission: t,
      intent: "submit",
      route: "general",
      count: "3",
      capacity: "30",
      magazineCaliber: "5.56",
    };
    const a = await postForm("resident", "/registries/new?kind=lcm-declaration", fields);
    assert.equal(a.statusCode, 303, a.body.slice(0, 400));
    const b = await postForm("resident", "/registries/new?kind=lcm-declaration", fields);
    assert.equal(b.statusCode, 303);
    assert.equal(a.headers.location, b.headers.location);
    assert.equal(await count(env, "registrations WHERE kind = 'lcm-declaration'"), 1);
    const view = await getPage("resident", String(a.headers.location));
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /LCM-\d{6}/);
  });

  test("errors are shown on the form, naming the field", async () => {
    const page = await getPage("resident", "/registries/new?kind=lcm-declaration");
    const res = await postForm("resident", "/registries/new?kind=lcm-declaration", {
      _submission: token(page.body),
      intent: "save",
      count: "-4",
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /usa-error-message" id="count-error"/);
  });

  test("a draft is saved, then its thumbprint uploaded as a file", async () => {
    const page = await getPage("resident", "/registries/new?kind=aw-certificate");
    const saved = await postForm("resident", "/registries/new?kind=aw-certificate", {
      _submission: token(page.body),
      intent: "save",
      make: "Bushmaster",
      model: "XM15",
      serialNumber: "PG-1",
      caliber: ".223",
      type: "rifle",
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const id = /\/registries\/([0-9a-f-]{36})/.exec(String(saved.headers.location))![1]!;
    const s = await session("resident");
    const boundary = "----stateline-test";
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("image")]);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${s.csrf}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="thumbprint"; filename="thumb.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await env.app.inject({
      method: "POST",
      url: `/registries/${id}/thumbprint`,
      payload,
      headers: { cookie: s.cookie, accept: "text/html", "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(
      up.statusCode,
      303,
      up.body
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .slice(-1500),
    );
    assert.equal(await count(env, "registration_thumbprints WHERE registration_id = $1", [id]), 1);
    const view = await getPage("resident", `/registries/${id}`);
    assert.match(view.body, /A thumbprint is on file/);
  });

  test("a lost-gun report from the page", async () => {
    const page = await getPage("resident", "/registries/lost-stolen/new");
    assert.equal(page.statusCode, 200);
    const res = await postForm("resident", "/registries/lost-stolen/new", {
      _submission: token(page.body),
      kind: "stolen",
      serialNumber: "PG-9",
      discoveredOn: "2013-12-02",
      discoveredTime: "08:00",
      circumstances: "taken from my garage overnight",
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 400));
    assert.match(res.body, /LS-\d{6}/);
  });
});

describe("staff, dealer and police pages", () => {
  test("staff open a registration only with a purpose", async () => {
    const q = await getPage("licensing-staff", "/staff/registries");
    assert.equal(q.statusCode, 200);
    const id = /\/staff\/registries\/([0-9a-f-]{36})/.exec(q.body)![1]!;
    assert.doesNotMatch(q.body, /Testperson/, "no names in the queue");
    const bad = await postForm("licensing-staff", `/staff/registries/${id}/open`, {
      purposeCode: "licensing-review",
      purposeText: "x",
    });
    assert.equal(bad.statusCode, 400);
    const ok = await postForm("licensing-staff", `/staff/registries/${id}/open`, {
      purposeCode: "licensing-review",
      purposeText: "deciding the declaration",
    });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Testperson/);
    const missed = await getPage("licensing-staff", "/staff/registries/windows");
    assert.equal(missed.statusCode, 200);
  });

  test("a dealer executes a certificate of transfer from the page", async () => {
    const shop = await setupShop(env);
    const page = await getPage(shop.username, "/dealer/transfer-certificates");
    assert.equal(page.statusCode, 200);
    const res = await postForm(shop.username, "/dealer/transfer-certificates", {
      _submission: token(page.body),
      item: "large-capacity-magazine",
      transferOn: "2013-12-01",
      count: "2",
      description: "two 30-round magazines",
      transferorName: "Pat Seller",
      transferorAddress: "9 Oak Street, Hartford",
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    assert.match(res.body, /TC-\d{6} executed/);
    const bad = await postForm(shop.username, "/dealer/transfer-certificates", {
      _submission: token(page.body),
      item: "large-capacity-magazine",
      transferOn: "2013-12-01",
    });
    assert.equal(bad.statusCode, 400);
  });

  test("police search a serial with a purpose; other roles are refused", async () => {
    const page = await getPage("law-enforcement", "/police/registries");
    assert.equal(page.statusCode, 200);
    const res = await postForm("law-enforcement", "/police/registries", {
      serialNumber: "PG-9",
      purposeCode: "criminal-investigation",
      purposeText: "burglary investigation 13-554",
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 400));
    assert.match(res.body, /taken from my garage/);
    for (const [user, url] of [
      ["dealer", "/staff/registries"],
      ["resident", "/staff/registries"],
      ["auditor", "/police/registries"],
      ["licensing-staff", "/registries"],
    ] as const) {
      const r = await getPage(user, url);
      assert.equal(r.statusCode, 403, `${user} ${url}`);
    }
  });
});
