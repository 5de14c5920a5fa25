/**
 * Issue 9: "Every finding id used anywhere is in the rule catalogue". Every question is asked on its
 * example and on no facts, on the day it is first modelled and on a later day; every finding it
 * returns must have a title from the catalogue (its own rule, or the rule it belongs to), never
 * its bare id.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { PlainDate } from "../../law/core/dates.ts";
import { QUESTIONS } from "../../law/ct/index.ts";
import { findingTitle } from "../../web/kit.ts";

test("every finding of every question has a title from the rule catalogue", () => {
  const untitled = new Set<string>();
  let seen = 0;
  for (const q of QUESTIONS.values()) {
    const days = [q.modelledFrom, "2014-01-02", "2026-12-07"].filter((d) => d >= q.modelledFrom) as PlainDate[];
    for (const facts of [q.example, {}])
      for (const on of days) {
        let findings: { id: string }[];
        try {
          const parsed = q.facts.safeParse(facts);
          if (!parsed.success) continue;
          findings = q.decide(parsed.data, on).findings;
        } catch {
          continue; // a date the question refuses is tested by its own area
        }
        for (const f of findings) {
          seen++;
          if (findingTitle(f.id) === f.id) untitled.add(`${q.id}: ${f.id}`);
        }
      }
  }
  assert.ok(seen > 200, `findings seen: ${seen}`);
  assert.deepEqual([...untitled].sort(), []);
});
