/**
 * The application's documents and the issuing person's confirmations (rule
 * credentials.staff-confirmations): uploads checked by content, readable by the applicant and by
 * staff with a purpose (audited), never by another resident; an issue without the confirmations
 * the law asks for is refused naming them, and nothing is issued; the confirmations are stored.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { confirmationsRequired } from "../../law/ct/credentials/index.ts";
import { buyerWithCredential } from "../sales/test-support.ts";
import { createUser } from "../auth/service.ts";
import { PASSWORD } from "../../../test/helpers.ts";
import {
  confirmationsOf,
  documentsOf,
  readDocument,
  sniffDocumentType,
  uploadCourseCertificate,
} from "./attachments.ts";
import { credentialsOfPerson, issueCredential, submitApplication, withdrawApplication } from "./service.ts";

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

const PDF = Buffer.from("%PDF-1.4\n% a course certificate\n");
const purpose = { code: "licensing-review", text: "checking the course certificate" } as const;

async function apply(kind: string) {
  const { application } = await submitApplication(env.ctx("resident"), {
    credentialKind: kind,
    residenceTown: "Hartford",
    citizenOrLawfulResident: true,
    backgroundCheckConsent: true,
    feePaid: true,
  } as never);
  return application;
}

function multipart(file: Buffer, filename: string, csrf: string) {
  const b = "----stateline" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${b}` };
}

describe("the requirements by credential (credentials.staff-confirmations)", () => {
  test("permits need the course and suitability; certificates the course; the ammunition certificate and renewals nothing", () => {
    assert.deepEqual(confirmationsRequired("state-handgun-permit", "new"), ["safety-course", "suitability"]);
    assert.deepEqual(confirmationsRequired("temporary-state-permit", "new"), ["safety-course", "suitability"]);
    assert.deepEqual(confirmationsRequired("long-gun-eligibility-certificate", "new"), ["safety-course"]);
    assert.deepEqual(confirmationsRequired("handgun-eligibility-certificate", "new"), ["safety-course"]);
    assert.deepEqual(confirmationsRequired("ammunition-certificate", "new"), []);
    assert.deepEqual(confirmationsRequired("state-handgun-permit", "renewal"), []);
  });
});

describe("the safety course certificate", () => {
  test("content decides the type: a PDF, PNG or JPEG; anything else is refused naming the file", async () => {
    assert.equal(sniffDocumentType(PDF), "application/pdf");
    assert.equal(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), "image/jpeg");
    assert.equal(sniffDocumentType(Buffer.from("<html>")), null);
    const app = await apply("long-gun-eligibility-certificate");
    await assert.rejects(
      uploadCourseCertificate(env.ctx("resident"), app.id, { filename: "x.pdf", bytes: Buffer.from("MZ not a pdf") }),
      (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === "file",
    );
    assert.equal((await documentsOf(env.services.db, app.id)).length, 0, "nothing stored");
    await withdrawApplication(env.ctx("resident"), app.id);
  });

  test("uploaded through the page, read back by the applicant and by staff with a purpose (audited), never by another resident", async () => {
    const app = await apply("handgun-eligibility-certificate");
    const { cookie, csrf } = await env.login(env.users.resident.username);
    const mp = multipart(PDF, "my course.pdf", csrf);
    const up = await env.app.inject({
      method: "POST",
      url: `/me/applications/${app.id}/documents`,
      headers: { cookie, "content-type": mp.type },
      payload: mp.body,
    });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const docs = await documentsOf(env.services.db, app.id);
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.contentType, "application/pdf");
    assert.equal(docs[0]!.filename, "my course.pdf");

    const mine = await env.app.inject({
      method: "GET",
      url: `/me/applications/${app.id}/documents/${docs[0]!.id}`,
      headers: { cookie },
    });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.headers["content-type"], "application/pdf");

    // Staff: no purpose, no document.
    await assert.rejects(readDocument(env.ctx("licensing_staff"), app.id, docs[0]!.id, undefined), /purpose/);
    const read = await readDocument(env.ctx("licensing_staff"), app.id, docs[0]!.id, purpose);
    assert.equal(read.bytes.subarray(0, 5).toString(), "%PDF-");
    const audit = await env.services.db.query<{ purpose: string }>(
      "SELECT purpose FROM audit_log WHERE action = 'application.document-read' AND entity_id = $1",
      [app.id],
    );
    assert.ok(audit.some((a) => a.purpose?.includes("checking the course certificate")));

    // Another resident: refused.
    const someone = await buyerWithCredential(env, { kind: "long-gun-eligibility-certificate" });
    const other = await createUser(env.services.db, {
      personId: someone.person.id,
      username: "other-applicant",
      displayName: "Other",
      role: "resident",
      password: PASSWORD,
      passwordCost: 10,
    });
    await assert.rejects(readDocument({ ...env.ctx("resident"), user: other }, app.id, docs[0]!.id, undefined), {
      code: "forbidden",
    });
    const theirs = await env.login("other-applicant");
    const r = await env.app.inject({
      method: "GET",
      url: `/me/applications/${app.id}/documents/${docs[0]!.id}`,
      headers: { cookie: theirs.cookie },
    });
    assert.equal(r.statusCode, 403);
  });
});

describe("issuing with the confirmations", () => {
  test("without the course confirmation the issue is refused naming it and nothing is issued; with it, stored with who confirmed", async () => {
    const app = await apply("long-gun-eligibility-certificate");
    const before = (await credentialsOfPerson(env.services.db, env.resident.id)).length;
    await assert.rejects(
      issueCredential(env.ctx("licensing_staff"), app.id, { reviewNote: "reviewed" }),
      (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === "confirmations.safetyCourse",
    );
    assert.equal((await credentialsOfPerson(env.services.db, env.resident.id)).length, before, "nothing issued");
    assert.deepEqual(await confirmationsOf(env.services.db, app.id), []);

    // Through the API: 400 naming the field.
    const api = await env.as("licensing_staff", {
      method: "POST",
      url: `/api/v1/applications/${app.id}/issue`,
      payload: { reviewNote: "reviewed", confirmations: { safetyCourse: false } },
    });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().errors[0].field, "confirmations.safetyCourse");

    const c = await issueCredential(env.ctx("licensing_staff"), app.id, {
      reviewNote: "certificate checked",
      confirmations: { safetyCourse: true },
    });
    assert.equal(c.status, "active");
    const conf = await confirmationsOf(env.services.db, app.id);
    assert.deepEqual(
      conf.map((x) => [x.item, x.confirmed, x.basis, x.confirmedBy]),
      [["safety-course", true, "certificate checked", env.users.licensing_staff.username]],
    );
  });

  test("an ammunition certificate needs no confirmation", async () => {
    const app = await apply("ammunition-certificate");
    const c = await issueCredential(env.ctx("licensing_staff"), app.id, { reviewNote: "reviewed" });
    assert.equal(c.kind, "ammunition-certificate");
  });
});
