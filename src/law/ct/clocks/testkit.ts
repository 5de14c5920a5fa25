/**
 * Test support shared by the clocks, offenders, appeals, penalties, storage,
 * schools, corrections and insurance areas (used only by their *.test.ts
 * files). Property checks every question in these areas must pass:
 *
 * - the answer depends only on the facts and the date (deciding twice, on
 *   copies, gives the same answer, and the facts are not mutated);
 * - unknown is never reported as no: a definite answer ("yes" or "no") given
 *   on some of the facts stays the same when the rest are added, so a "no"
 *   never rests on a fact that was missing;
 * - every finding names its source, and an unknown finding names what is missing
 *   or explains why a person must look;
 * - dates before `modelledFrom` are refused with NotInForce, except for a duty the
 *   Act created (`dutyStartsOn`), which answers "no duty on that date".
 */
import fc from "fast-check";
import assert from "node:assert/strict";
import type { Question } from "../../core/questions.ts";
import { NotInForce } from "../../core/rules.ts";
import { type PlainDate, addDays, fromEpochDay, plainDate, toEpochDay } from "../../core/dates.ts";

/** Any date from `from` to `to` inclusive. */
export function arbDate(from: string, to: string): fc.Arbitrary<PlainDate> {
  return fc.integer({ min: toEpochDay(plainDate(from)), max: toEpochDay(plainDate(to)) }).map(fromEpochDay);
}

/** An optional value: present or absent (the key is left out when absent). */
export function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Removes keys whose value is undefined, so "absent" is a missing key. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function dropKeys<F extends object>(facts: F, mask: boolean[]): F {
  const keys = Object.keys(facts);
  return Object.fromEntries(
    keys.filter((_, i) => !mask[i % mask.length]).map((k) => [k, (facts as Record<string, unknown>)[k]]),
  ) as F;
}

export interface LawOptions {
  numRuns?: number;
}

/** Runs the shared properties against one question. */
export function checkQuestionLaws<F extends object>(
  q: Question<F, unknown>,
  arbFacts: fc.Arbitrary<F>,
  arbOn: fc.Arbitrary<PlainDate>,
  options: LawOptions = {},
): void {
  const numRuns = options.numRuns ?? 400;

  // the example parses and is answered
  assert.ok(q.facts.safeParse(q.example).success, `${q.id}: example does not match the facts schema`);

  fc.assert(
    fc.property(arbFacts, arbOn, (facts, on) => {
      assert.ok(q.facts.safeParse(facts).success, `${q.id}: generated facts rejected by the schema`);
      const before = structuredClone(facts);
      const a = q.decide(structuredClone(facts), on);
      const b = q.decide(facts, on);
      assert.deepEqual(facts, before, "decide must not mutate its facts");
      assert.deepEqual(a, b, "same facts and date must give the same answer");
      for (const f of a.findings) {
        assert.ok(f.source.act && f.source.section, `${f.id}: finding without a source`);
        if (f.status === "unknown") assert.ok((f.missing && f.missing.length > 0) || f.because.length > 0);
      }
    }),
    { numRuns },
  );

  fc.assert(
    fc.property(arbFacts, arbOn, fc.array(fc.boolean(), { minLength: 1, maxLength: 24 }), (facts, on, mask) => {
      const partial = dropKeys(facts, mask);
      const p = q.decide(partial, on);
      if (p.outcome === "unknown") return;
      const full = q.decide(facts, on);
      assert.equal(
        full.outcome,
        p.outcome,
        `${q.id}: "${p.outcome}" on partial facts ${JSON.stringify(partial)} became "${full.outcome}" on ${JSON.stringify(facts)} (${on})`,
      );
    }),
    { numRuns },
  );

  const earliest = plainDate(q.modelledFrom);
  if (q.dutyStartsOn !== undefined) {
    // A duty the Act created: the day before it starts answers "no duty on that date", citing its start.
    const before = q.decide(q.example, addDays(plainDate(q.dutyStartsOn), -1));
    assert.notEqual(before.outcome, "unknown", `${q.id}: the day before the duty starts must be answered`);
    assert.ok(
      before.findings.some((f) => f.because.includes(`starts on ${q.dutyStartsOn}`) && f.source.section),
      `${q.id}: the answer must say when the duty starts, with its citation`,
    );
  } else {
    assert.throws(
      () => q.decide(q.example, addDays(earliest, -1)),
      NotInForce,
      `${q.id}: the day before modelledFrom must be refused`,
    );
  }
  assert.doesNotThrow(() => q.decide(q.example, earliest), `${q.id}: modelledFrom itself must be answered`);
}
