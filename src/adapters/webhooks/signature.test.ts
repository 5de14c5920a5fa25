/**
 * Webhook signatures: a receiver over real HTTP verifies the HMAC; a tampered
 * body, another secret, a stale or malformed header all fail; a rotated
 * secret is accepted while either signature matches.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import {
  SIGNATURE_HEADER,
  newWebhookSecret,
  signWebhook,
  signatureDigest,
  verifyWebhookSignature,
} from "./signature.ts";
import { httpWebhookSender } from "./sender.ts";

const SECRET = "whsec_receiver_secret_0123456789abcdef";
const NOW = 1_795_000_000;

describe("a receiver verifying Stateline-Signature over HTTP", () => {
  let server: Server;
  let url: string;
  const seen: { ok: boolean; reason?: string }[] = [];
  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const v = verifyWebhookSignature({
          secret: SECRET,
          header: req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined,
          body: Buffer.concat(chunks).toString("utf8"),
          now: NOW,
        });
        seen.push(v.ok ? { ok: true } : { ok: false, reason: v.reason });
        res.statusCode = v.ok ? 204 : 401;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  after(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  const send = (body: string, header: string) =>
    httpWebhookSender().send({
      url,
      body,
      timeoutMs: 2000,
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: header },
    });
  const body = JSON.stringify({
    id: "e1",
    type: "sale.authorized",
    data: { saleNumber: "S-1000001", status: "authorized" },
  });

  test("a correctly signed body is accepted", async () => {
    assert.equal((await send(body, signWebhook({ secret: SECRET, body, timestamp: NOW }))).status, 204);
    assert.deepEqual(seen.at(-1), { ok: true });
  });

  test("a tampered body fails", async () => {
    const header = signWebhook({ secret: SECRET, body, timestamp: NOW });
    assert.equal((await send(body.replace("authorized", "denied"), header)).status, 401);
    assert.deepEqual(seen.at(-1), { ok: false, reason: "mismatch" });
  });

  test("a body signed with another secret fails", async () => {
    assert.equal((await send(body, signWebhook({ secret: newWebhookSecret(), body, timestamp: NOW }))).status, 401);
  });

  test("a stale timestamp fails even with a valid digest (replay)", async () => {
    assert.equal((await send(body, signWebhook({ secret: SECRET, body, timestamp: NOW - 301 }))).status, 401);
    assert.deepEqual(seen.at(-1), { ok: false, reason: "stale" });
  });

  test("a changed timestamp fails: it is part of what is signed", async () => {
    const header = signWebhook({ secret: SECRET, body, timestamp: NOW }).replace(`t=${NOW}`, `t=${NOW - 1}`);
    assert.equal((await send(body, header)).status, 401);
  });
});

describe("verifyWebhookSignature", () => {
  const body = '{"a":1}';
  test("malformed headers are refused", () => {
    for (const h of [
      undefined,
      "",
      "t=1",
      "v1=abc",
      `t=x,v1=${"0".repeat(64)}`,
      `t=${NOW},v1=${"z".repeat(64)}`,
      `t=${NOW},v2=${signatureDigest(SECRET, NOW, body)}`,
    ]) {
      assert.deepEqual(
        verifyWebhookSignature({ secret: SECRET, header: h, body, now: NOW }),
        { ok: false, reason: "malformed" },
        String(h),
      );
    }
  });
  test("during a secret rotation either signature is enough", () => {
    const header = `t=${NOW},v1=${signatureDigest("old-secret-old-secret-old", NOW, body)},v1=${signatureDigest(SECRET, NOW, body)}`;
    assert.deepEqual(verifyWebhookSignature({ secret: SECRET, header, body, now: NOW }), { ok: true, timestamp: NOW });
  });
  test("any body round-trips, and any single-character change breaks it (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), (b, i) => {
        const header = signWebhook({ secret: SECRET, body: b, timestamp: NOW });
        assert.ok(verifyWebhookSignature({ secret: SECRET, header, body: b, now: NOW }).ok);
        const at = i % b.length;
        const changed = b.slice(0, at) + (b[at] === "x" ? "y" : "x") + b.slice(at + 1);
        assert.equal(verifyWebhookSignature({ secret: SECRET, header, body: changed, now: NOW }).ok, false);
      }),
      { numRuns: 300 },
    );
  });
});
