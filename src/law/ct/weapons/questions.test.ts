import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { addDays, isPlainDate } from "../../core/dates.ts";
import { NotInForce, missingOf } from "../../core/rules.ts";
import { questions, rules } from "./questions.ts";
import { d } from "./testkit.ts";

describe("weapons area registry", () => {
  it("has the seven questions, with unique kebab-case ids", () => {
    assert.deepEqual(
      questions.map((q) => q.id),
      [
        "firearm-classification",
        "magazine-classification",
        "ammunition-classification",
        "possession-permitted",
        "restricted-transfer",
        "banned-ammunition-possession",
        "lcm-dealer-transfer",
      ],
    );
    for (const q of questions) assert.match(q.id, /^[a-z]+(-[a-z0-9]+)*$/);
  });

  for (const q of questions) {
    it(`${q.id}: the example parses and is answered yes or no`, () => {
      const parsed = q.facts.safeParse(q.example);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      const a = q.decide(parsed.data, d("2015-01-01"));
      assert.notEqual(a.outcome, "unknown", missingOf(a.findings).join(", "));
      for (const key of Object.keys(a.result as object))
        assert.ok(key in q.result, `result field ${key} is documented`);
      for (const key of Object.keys(q.result))
        assert.ok(key in (a.result as object), `documented field ${key} is returned`);
    });

    it(`${q.id}: refuses the day before ${q.modelledFrom} and answers on it`, () => {
      const day = d(q.modelledFrom);
      if (q.id === "possession-permitted") {
        // The example is a magazine, which no law restricted before the Act: answered, saying when the rules start.
        assert.match(
          q.decide(q.example, addDays(day, -1)).findings[0]!.because,
          new RegExp(`starts on ${q.modelledFrom}`),
        );
        assert.throws(() => q.decide({ item: "weapon", weapon: {} }, addDays(day, -1)), NotInForce);
      } else assert.throws(() => q.decide(q.example, addDays(day, -1)), NotInForce);
      assert.doesNotThrow(() => q.decide(q.example, day));
    });

    it(`${q.id}: every fact is optional (an empty object parses)`, () => {
      assert.ok(q.facts.safeParse({}).success);
    });

    it(`${q.id}: the facts schema converts to JSON Schema (for the decision API)`, () => {
      const schema = z.toJSONSchema(q.facts, { io: "input", unrepresentable: "any" }) as {
        properties?: Record<string, unknown>;
      };
      assert.ok(schema.properties && Object.keys(schema.properties).length > 0);
    });

    it(`${q.id}: has citations and a description`, () => {
      assert.ok(q.citations.length > 0 && q.description.length > 40 && q.title.length > 5);
    });
  }

  it("rules: one per id, each cited and dated", () => {
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    for (const r of rules) {
      assert.match(r.id, /^weapons\.[a-z0-9-]+$/, r.id);
      assert.ok(r.citations.length > 0 && r.citations.every((c) => c.section), r.id);
      assert.ok(isPlainDate(r.from), r.id);
      if (r.until) assert.ok(isPlainDate(r.until) && r.until > r.from, r.id);
      assert.ok(r.description.length > 20, r.id);
    }
  });
});
