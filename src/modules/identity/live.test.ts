/**
 * Live matching against the people table (PGlite by default, PostgreSQL with DATABASE_URL):
 * blocking through the identity indexes finds people despite typos, nicknames, swapped day and
 * month, a wrong date of birth and an old address; relatives and namesakes are not matched
 * automatically; two people who both look certain go to review.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { changeAddress, createPerson, type Person } from "../people/index.ts";
import { findCandidates, matchInputSchema, scoreRecord } from "./index.ts";

let env: TestEnv;
const people: Record<string, Person> = {};
const d = (s: string) => s as PlainDate;

before(async () => {
  env = await createTestEnv({ today: "2026-11-20" });
  const db = env.services.db;
  const add = async (key: string, p: Parameters<typeof createPerson>[1]) => {
    people[key] = await createPerson(db, p);
  };
  await add("senior", {
    firstName: "Robert",
    lastName: "Kowalczyk",
    birthDate: d("1975-03-08"),
    street: "14 Maple Avenue",
    town: "Enfield",
    zip: "06082",
  });
  await add("junior", {
    firstName: "Robert",
    lastName: "Kowalczyk",
    birthDate: d("2001-05-20"),
    street: "14 Maple Avenue",
    town: "Enfield",
    zip: "06082",
  });
  await add("wife", {
    firstName: "Helen",
    lastName: "Kowalczyk",
    birthDate: d("1976-11-02"),
    street: "14 Maple Avenue",
    town: "Enfield",
    zip: "06082",
  });
  await add("susan", {
    firstName: "Susan",
    lastName: "Whitfield",
    birthDate: d("1962-04-12"),
    street: "3 Church Street",
    town: "Avon",
    zip: "06001",
  });
  await add("maria", {
    firstName: "Maria",
    lastName: "Delgado",
    birthDate: d("1990-01-01"),
    street: "77 Park Road",
    town: "Hartford",
    zip: "06106",
  });
  await add("twin1", {
    firstName: "Ann",
    lastName: "Lee",
    birthDate: d("1988-02-02"),
    street: "5 Elm Lane",
    town: "Stamford",
    zip: "06901",
  });
  await add("twin2", {
    firstName: "Ann",
    lastName: "Lee",
    birthDate: d("1988-02-02"),
    street: "5 Elm Lane",
    town: "Stamford",
    zip: "06901",
  });
  await add("margaret", {
    firstName: "Margaret",
    lastName: "Ostrowski",
    birthDate: d("1970-06-15"),
    street: "22 Birch Road",
    town: "Manchester",
    zip: "06040",
  });
  for (let i = 0; i < 30; i++)
    await add(`smith${i}`, {
      firstName: i % 2 ? "John" : "James",
      lastName: "Smith",
      birthDate: d(`19${50 + i}-0${1 + (i % 9)}-1${i % 9}`),
      street: `${i + 1} Main Street`,
      town: "Hartford",
      zip: "06103",
    });
  // Two moves: the address history keeps the one in between (the first address is on no record).
  await changeAddress(env.ctx("licensing_staff"), people.maria!.id, {
    street: "200 Asylum Street",
    town: "Hartford",
    state: "CT",
    zip: "06103",
    effectiveOn: d("2025-01-01"),
  });
  await changeAddress(env.ctx("licensing_staff"), people.maria!.id, {
    street: "9 Oak Street",
    town: "New Britain",
    state: "CT",
    zip: "06051",
    effectiveOn: d("2026-01-01"),
  });
});
after(async () => {
  await env.close();
});

const ctx = () => env.ctx("licensing_staff");

describe("scoreRecord", () => {
  test("a nickname, a misspelt street and the right date: the father, automatically; never his son", async () => {
    const r = await scoreRecord(ctx(), {
      firstName: "Bob",
      lastName: "Kowalczyk",
      birthDate: "1975-03-08",
      street: "14 Maple Ave",
      town: "Enfield",
    });
    assert.equal(r[0]!.personId, people.senior!.id);
    assert.equal(r[0]!.decision, "match");
    assert.ok(r[0]!.probability >= 0.9999);
    assert.match(r[0]!.reasons.map((x) => x.label).join("; "), /nicknames of one name/);
    assert.ok(r.every((c) => c.personId === people.senior!.id || c.decision !== "match"));
    // Under the full name the son is a candidate too (same name, same address): never automatic.
    const full = await scoreRecord(ctx(), {
      firstName: "Robert",
      lastName: "Kowalczyk",
      birthDate: "1975-03-08",
      street: "14 Maple Avenue",
      town: "Enfield",
      zip: "06082",
    });
    assert.equal(full[0]!.personId, people.senior!.id);
    const junior = full.find((c) => c.personId === people.junior!.id);
    assert.ok(junior, "the son is a candidate");
    assert.notEqual(junior.decision, "match");
  });
  test("a misspelt surname with day and month swapped", async () => {
    const r = await scoreRecord(ctx(), {
      firstName: "Susan",
      lastName: "Whitfeild",
      birthDate: "1962-12-04",
      town: "Avon",
    });
    assert.equal(r[0]!.personId, people.susan!.id);
    assert.equal(r[0]!.decision, "match");
    assert.match(r[0]!.reasons.map((x) => x.label).join("; "), /day and month swapped/);
  });
  test("a month of 15 is read as a swapped date and still finds the person", async () => {
    const r = await scoreRecord(ctx(), { firstName: "Robin", lastName: "Testperson", birthDate: "1980-15-06" });
    assert.equal(r[0]!.personId, env.resident.id);
    assert.notEqual(r[0]!.decision, "non-match");
  });
  test("a wrong date of birth: found by name, but only for review", async () => {
    const rows = await findCandidates(env.services.db, {
      firstName: "Susan",
      lastName: "Whitfeld",
      birthDate: "1999-01-01",
    });
    assert.ok(
      rows.some((p) => p.id === people.susan!.id),
      "both names' Double Metaphone codes find her",
    );
    const r = await scoreRecord(ctx(), {
      firstName: "Susan",
      lastName: "Whitfield",
      birthDate: "1999-01-01",
      street: "3 Church Street",
      town: "Avon",
      zip: "06001",
    });
    assert.equal(r[0]!.personId, people.susan!.id);
    assert.equal(r[0]!.decision, "review");
  });
  test("a wrong date of birth AND a wrong surname: found by given name and town or ZIP, by house number in the town; never automatic", async () => {
    // A married name and a mistyped date: no surname code, no date to block on.
    const byName = await findCandidates(env.services.db, {
      firstName: "Margaret",
      lastName: "Jablonski",
      birthDate: "1971-09-30",
      town: "Manchester",
    });
    assert.ok(
      byName.some((p) => p.id === people.margaret!.id),
      "the given name's Double Metaphone code with the town finds her",
    );
    const byZip = await findCandidates(env.services.db, {
      firstName: "Margret",
      lastName: "Jablonski",
      birthDate: "1971-09-30",
      zip: "06040",
    });
    assert.ok(
      byZip.some((p) => p.id === people.margaret!.id),
      "the given name's code with the ZIP finds her",
    );
    // A nickname too (another code): the house number in the town still finds her.
    const byHouse = await findCandidates(env.services.db, {
      firstName: "Peggy",
      lastName: "Jablonski",
      birthDate: "1971-09-30",
      street: "22 Birch Rd",
      town: "manchester",
    });
    assert.ok(
      byHouse.some((p) => p.id === people.margaret!.id),
      "the house number in the town finds her",
    );
    // Without the town and ZIP, nothing leads to her (the passes need them): the test can fail.
    const none = await findCandidates(env.services.db, {
      firstName: "Peggy",
      lastName: "Jablonski",
      birthDate: "1971-09-30",
    });
    assert.ok(!none.some((p) => p.id === people.margaret!.id));
    // Found, and uncertain: a person decides, never an automatic match.
    const r = await scoreRecord(ctx(), {
      firstName: "Margaret",
      lastName: "Jablonski",
      birthDate: "1971-09-30",
      street: "22 Birch Road",
      town: "Manchester",
      zip: "06040",
    });
    const her = r.find((c) => c.personId === people.margaret!.id);
    assert.ok(her, "she is among the scored candidates");
    assert.notEqual(her.decision, "match");
    assert.ok(r.every((c) => c.decision !== "match"));
  });
  test("an old address counts as the person's address", async () => {
    const r = await scoreRecord(ctx(), {
      firstName: "Maria",
      lastName: "Delgado",
      birthDate: "1990-01-01",
      street: "200 Asylum St",
      town: "Hartford",
      zip: "06103",
    });
    assert.equal(r[0]!.personId, people.maria!.id);
    assert.ok(r[0]!.reasons.some((x) => x.field === "address" && x.label.startsWith("same address")));
  });
  test("two people who both look certain both go to review", async () => {
    const r = await scoreRecord(ctx(), {
      firstName: "Ann",
      lastName: "Lee",
      birthDate: "1988-02-02",
      street: "5 Elm Lane",
      town: "Stamford",
    });
    const twins = r.filter((c) => c.personId === people.twin1!.id || c.personId === people.twin2!.id);
    assert.equal(twins.length, 2);
    assert.ok(twins.every((c) => c.decision === "review"));
  });
  test("a common name without a matching date or address is not matched", async () => {
    const r = await scoreRecord(ctx(), { firstName: "John", lastName: "Smith", birthDate: "1949-07-30" });
    assert.ok(r.every((c) => c.decision !== "match"));
  });
  test("nobody like the record: no candidates", async () => {
    assert.deepEqual(
      await scoreRecord(ctx(), { firstName: "Quentin", lastName: "Zyxwvutsr", birthDate: "1931-01-31" }),
      [],
    );
  });
  test("a credential number the source quotes is evidence; another kind of number is not held against anyone", async () => {
    await env.services.db.query(
      "INSERT INTO credentials (person_id, number, kind, status, issued_on, expires_on, fee_cents) VALUES ($1, 'P-77001', 'state-handgun-permit', 'active', '2020-01-01', '2025-01-01', 0)",
      [people.susan!.id],
    );
    const base = { firstName: "Susan", lastName: "Whitfield", birthDate: "1962-04-12", town: "Avon" };
    const without = await scoreRecord(ctx(), base);
    const withPermit = await scoreRecord(ctx(), { ...base, identifier: "P-77001" });
    const withOther = await scoreRecord(ctx(), { ...base, identifier: "DL-123456" });
    assert.ok(withPermit[0]!.weight > without[0]!.weight + 5, JSON.stringify([withPermit[0], without[0]]));
    assert.equal(withOther[0]!.weight.toFixed(6), without[0]!.weight.toFixed(6));
    // The number alone finds her, whatever the name says.
    const rows = await findCandidates(env.services.db, { lastName: "Smythe", identifier: "P-77001" });
    assert.ok(rows.some((r) => r.id === people.susan!.id));
  });
  test("the input schema names the field it refuses", () => {
    const r = matchInputSchema.safeParse({ birthDate: "1990-01-01" });
    assert.ok(!r.success);
    assert.deepEqual(r.error.issues[0]!.path, ["lastName"]);
    assert.ok(!matchInputSchema.safeParse({ lastName: "Lee", birthDate: "01/02/1990" }).success);
  });
});
