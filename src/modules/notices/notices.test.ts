/**
 * Notices delivered: an e-mail through a real SMTP conversation (an in-process smtp-server) with
 * its letter attached as PDF; the letter downloadable by its addressee and by staff with a
 * purpose (audited); a failing SMTP server retried with backoff and then dead-lettered; an
 * administrator's retry; a sale report delivered and marked sent.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { startMailCatcher } from "../../adapters/mail/smtp.ts";
import { runDueJobs } from "../jobs/index.ts";
import { noticeJobs } from "./jobs.ts";
import { queueNotice } from "./service.ts";
import { attachStaff } from "../dealers/service.ts";
import { buyerWithCredential, saleBody, setupShop } from "../sales/test-support.ts";

let env: TestEnv;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
let refuse = false;

before(async () => {
  env = await createTestEnv();
  catcher = await startMailCatcher({ reject: () => (refuse ? "mailbox temporarily unavailable" : null) });
  env.services.config.mail.smtpUrl = catcher.url;
});
after(async () => {
  await catcher.close();
  await env.close();
});

const queue = (subject: string, personId: string | null = env.resident.id, channel: "email" | "letter" = "email") =>
  env.services.db.tx((q) =>
    queueNotice(q, {
      channel,
      personId,
      recipient: channel === "email" ? "robin@example.test" : "Robin Testperson\n1 Main Street\nHartford, CT 06103",
      template: "test",
      subject,
      body: `Body of ${subject}`,
    }),
  );
const status = async (id: number) =>
  (
    await env.services.db.query<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM outbox WHERE id = $1",
      [id],
    )
  )[0]!;
const purpose = { "stateline-purpose": "licensing-review; checking the letter sent to this applicant" };

describe("notices: e-mail through SMTP, letters as PDF", () => {
  it("delivers an e-mail through SMTP with the letter attached, and marks it sent", async () => {
    const id = (await queue("Your permit was issued"))!;
    assert.equal((await status(id)).status, "queued");
    const r = await runDueJobs(env.services, noticeJobs);
    assert.ok(r.done >= 1);
    assert.equal((await status(id)).status, "sent");
    const mail = catcher.messages.find((m) => m.raw.includes("Your permit was issued"));
    assert.ok(mail, "the SMTP server received the message");
    assert.deepEqual(mail.to, ["robin@example.test"]);
    assert.match(mail.raw, /application\/pdf/);
    assert.match(mail.raw, new RegExp(`notice-N-${id}\\.pdf`));
  });

  it("lets the addressee download the letter as PDF, and nobody else's", async () => {
    const mine = (await queue("Denial letter", env.resident.id, "letter"))!;
    const someoneElse = (await queue("Another person's letter", null, "letter"))!;
    const ok = await env.as("resident", {
      method: "GET",
      url: `/me/notices/${mine}.pdf`,
      headers: { accept: "text/html" },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers["content-type"], "application/pdf");
    assert.equal(ok.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const list = await env.as("resident", { method: "GET", url: "/me/notices", headers: { accept: "text/html" } });
    assert.match(list.body, new RegExp(`/me/notices/${mine}\\.pdf`));
    assert.doesNotMatch(list.body, /Another person's letter/);
    const other = await env.as("resident", { method: "GET", url: `/api/v1/notices/${someoneElse}/pdf` });
    assert.equal(other.statusCode, 404);
  });

  it("gives staff the outbox and a letter only with a purpose, and audits the read", async () => {
    const none = await env.as("licensing_staff", { method: "GET", url: "/api/v1/outbox" });
    assert.equal(none.statusCode, 400);
    assert.equal(JSON.parse(none.body).errors[0].field, "purpose");
    const bad = await env.as("licensing_staff", {
      method: "GET",
      url: "/api/v1/outbox",
      headers: { "stateline-purpose": "licensing-review; short" },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(JSON.parse(bad.body).errors[0].field, "header.stateline-purpose");
    const okList = await env.as("licensing_staff", {
      method: "GET",
      url: "/api/v1/outbox?status=sent",
      headers: purpose,
    });
    assert.equal(okList.statusCode, 200);
    assert.ok(JSON.parse(okList.body).items.every((n: { status: string }) => n.status === "sent"));
    const audited = await env.services.db.query(
      "SELECT purpose FROM audit_log WHERE action = 'notice.list' AND outcome = 'success'",
    );
    assert.ok(audited.some((a) => String(a.purpose).startsWith("licensing-review: checking")));
    const dealer = await env.as("dealer", { method: "GET", url: "/api/v1/outbox", headers: purpose });
    assert.equal(dealer.statusCode, 403);
    const refused = await env.services.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'notice.list' AND outcome = 'denied'",
    );
    assert.ok(refused.length >= 1, "a refused read is audited");
  });

  it("retries a failed delivery with growing backoff, then dead-letters it; an administrator's retry sends it", async (t) => {
    t.after(() => {
      refuse = false;
    });
    await runDueJobs(env.services, noticeJobs); // what earlier tests queued
    refuse = true;
    const id = (await queue("Renewal notice"))!;
    const runAts: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await runDueJobs(env.services, noticeJobs);
      assert.equal(r.ran, 1, `attempt ${i + 1} ran`);
      const [j] = await env.services.db.query<{ run_at: string; status: string }>(
        "SELECT run_at, status FROM jobs WHERE name = 'notices.deliver' AND payload->>'id' = $1 ORDER BY id DESC LIMIT 1",
        [String(id)],
      );
      if (i < 5) {
        assert.equal(j!.status, "queued");
        runAts.push(new Date(j!.run_at).getTime() - env.clock.now().getTime());
        assert.equal((await runDueJobs(env.services, noticeJobs)).ran, 0, "not retried before its backoff");
        env.clock.advance(runAts.at(-1)! + 1000);
      } else assert.equal(j!.status, "dead");
    }
    for (let i = 1; i < runAts.length; i++) assert.ok(runAts[i]! > runAts[i - 1]!, "the backoff grows");
    const s = await status(id);
    assert.equal(s.status, "dead");
    assert.equal(s.attempts, 6);
    const attempts = await env.services.db.query(
      "SELECT outcome FROM notice_attempts WHERE outbox_id = $1 ORDER BY id",
      [id],
    );
    assert.deepEqual(
      attempts.map((a) => a.outcome),
      ["failed", "failed", "failed", "failed", "failed", "dead"],
    );

    refuse = false;
    env.clock.set(env.clock.today()); // back to the start of the day: the signed-in sessions stay fresh
    const notAdmin = await env.as("licensing_staff", {
      method: "POST",
      url: `/api/v1/notices/${id}/retry`,
      payload: {},
    });
    assert.equal(notAdmin.statusCode, 403);
    const retried = await env.as("admin", { method: "POST", url: `/api/v1/notices/${id}/retry`, payload: {} });
    assert.equal(retried.statusCode, 200, retried.body);
    await runDueJobs(env.services, noticeJobs);
    assert.equal((await status(id)).status, "sent");
  });

  it("delivers a sale's reports to the state and to the buyer's town police by e-mail, and marks them sent", async () => {
    const shop = await setupShop(env);
    await attachStaff(env.services.db, env.users.dealer.id, shop.dealerId, "owner");
    const buyer = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate", town: "Hartford" });
    const sold = await env.as("dealer", { method: "POST", url: "/api/v1/sales", payload: saleBody(buyer) });
    assert.equal(sold.statusCode, 201, sold.body);
    const saleId = JSON.parse(sold.body).sale.id;
    const reports = () =>
      env.services.db.query<{ recipient: string; status: string; delivered_to: string | null }>(
        "SELECT recipient, status, delivered_to FROM sale_reports WHERE sale_id = $1 ORDER BY recipient",
        [saleId],
      );
    assert.ok((await reports()).length >= 1);
    assert.ok((await reports()).every((r) => r.status === "queued"));
    await runDueJobs(env.services, noticeJobs);
    const after = await reports();
    assert.ok(
      after.every((r) => r.status === "sent"),
      JSON.stringify(after),
    );
    const state = after.find((r) => r.recipient === "state")!;
    assert.equal(state.delivered_to, env.services.config.mail.stateReportsTo);
    assert.ok(
      catcher.messages.some(
        (m) => m.to.includes(env.services.config.mail.stateReportsTo) && m.raw.includes("Firearm transfer report"),
      ),
    );
  });
});
