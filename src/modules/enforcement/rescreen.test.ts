/* eslint-disable @typescript-eslint/no-explicit-any -- rows read field by field */
/**
 * The nightly re-screen (rescreen.ts, job `enforcement.rescreen`): records that matched nobody when
 * they came are matched once the person becomes known, through the same paths as a new record
 * (one certain match → effects; uncertain → review, nothing revoked); running it again changes
 * nothing; every run is audited.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import type { PlainDate } from "../../law/core/dates.ts";
import { createCourtSimulator } from "../../adapters/courts/simulator.ts";
import { holder } from "../ammunition/testkit.ts";
import { runDueJobs } from "../jobs/index.ts";
import { enforcementModule } from "./module.ts";
import { identityMatcher, useMatcher } from "./matcher.ts";
import { runRescreen } from "./rescreen.ts";
import { decideReview, receiveRecord } from "./service.ts";

let env: TestEnv;
const court = createCourtSimulator({ seed: 7 });
const felony = (p: { firstName: string; lastName: string; birthDate: string }) =>
  court.conviction(
    { firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate as PlainDate },
    { statute: "53a-134", offenseOn: "2026-03-02", convictionOn: "2026-11-02", felony: true },
  );

const one = async (sql: string, args: unknown[] = []) => (await env.services.db.query<any>(sql, args))[0];
const count = async (sql: string, args: unknown[] = []) => Number((await one(sql, args)).n);

describe("enforcement.rescreen: unmatched records against everyone known, nightly", () => {
  before(async () => {
    env = await createTestEnv();
    env.clock.set("2026-11-20" as PlainDate);
    useMatcher(identityMatcher);
  });
  after(async () => {
    await env.close();
  });

  test("a later holder is matched automatically, a near one goes to review, a stranger stays; twice = once", async () => {
    const receive = async (p: { firstName: string; lastName: string; birthDate: string }) =>
      (await receiveRecord(env.ctx("court_source"), "court", felony(p) as any)).record;
    const certain = await receive({ firstName: "Marisol", lastName: "Quintanillez", birthDate: "1981-03-14" });
    const near = await receive({ firstName: "Peter", lastName: "Zwiefelhofer", birthDate: "1990-04-04" });
    const stranger = await receive({ firstName: "Zed", lastName: "Unheardofsky", birthDate: "1950-01-01" });
    for (const r of [certain, near, stranger]) assert.equal(r.status, "unmatched");

    // Nobody known yet: the screen finds nothing and writes nothing but its audit entry.
    const actions0 = await count("SELECT count(*) AS n FROM feed_record_actions");
    const empty = await runRescreen(env.ctx("admin"));
    assert.ok(empty.screened >= 3);
    assert.deepEqual([empty.matched, empty.review], [[], []]);
    assert.equal(await count("SELECT count(*) AS n FROM feed_record_actions"), actions0);

    // The people become known (a new permit holder; another holder with the same surname and date).
    const today = env.clock.today();
    const a = await holder(env.services.db, today, {
      kind: "state-handgun-permit",
      firstName: "Marisol",
      lastName: "Quintanillez",
      birthDate: "1981-03-14" as PlainDate,
    });
    const b = await holder(env.services.db, today, {
      kind: "state-handgun-permit",
      firstName: "Jonas",
      lastName: "Zwiefelhofer",
      birthDate: "1990-04-04" as PlainDate,
    });

    // The scheduled job runs it (first due a day after it is first scheduled).
    const ran = await runDueJobs(env.services, enforcementModule.jobs!, {
      onError: (e, job) => assert.fail(`${job}: ${String(e)}`),
    });
    assert.ok(ran.done >= 1);
    const rc = await one("SELECT status, person_id::text AS person, match_how FROM feed_records WHERE id = $1", [
      certain.id,
    ]);
    assert.deepEqual(rc, { status: "matched", person: a.person.id, match_how: "automatic" });
    // As if the court had sent it today: its sender recorded the prohibiting event.
    const sender = await one("SELECT id::text FROM users WHERE username = 'court-source'");
    assert.equal(
      (await one("SELECT recorded_by::text AS by FROM prohibiting_events WHERE person_id = $1", [a.person.id])).by,
      sender.id,
    );
    assert.equal((await one("SELECT status FROM credentials WHERE id = $1", [a.credential.id])).status, "revoked");

    const rn = await one("SELECT status, person_id FROM feed_records WHERE id = $1", [near.id]);
    assert.deepEqual(rn, { status: "review", person_id: null });
    const review = await one("SELECT status, candidates FROM match_reviews WHERE feed_record_id = $1", [near.id]);
    assert.equal(review.status, "open");
    assert.ok(review.candidates.some((c: any) => c.personId === b.person.id));
    // An uncertain match revokes nothing.
    assert.equal((await one("SELECT status FROM credentials WHERE id = $1", [b.credential.id])).status, "active");

    assert.equal((await one("SELECT status FROM feed_records WHERE id = $1", [stranger.id])).status, "unmatched");

    // Again (the next night, or twice by mistake): no new match, review, action or effect.
    const before2 = {
      actions: await count("SELECT count(*) AS n FROM feed_record_actions"),
      reviews: await count("SELECT count(*) AS n FROM match_reviews"),
      events: await count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'enforcement.match.%'"),
    };
    const again = await runRescreen(env.ctx("admin"));
    assert.deepEqual([again.matched, again.review], [[], []]);
    env.clock.set("2026-11-22" as PlainDate);
    await runDueJobs(env.services, enforcementModule.jobs!);
    assert.deepEqual(
      {
        actions: await count("SELECT count(*) AS n FROM feed_record_actions"),
        reviews: await count("SELECT count(*) AS n FROM match_reviews"),
        events: await count("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'enforcement.match.%'"),
      },
      before2,
    );

    // Staff decide the review "not a match": the record is unmatched again, and the next nights do not
    // ask about the same person again.
    const reviewId = (await one("SELECT id::text FROM match_reviews WHERE feed_record_id = $1", [near.id])).id;
    await decideReview(env.ctx("licensing_staff"), reviewId, { decision: "not-a-match", note: "a brother" });
    assert.equal((await one("SELECT status FROM feed_records WHERE id = $1", [near.id])).status, "unmatched");
    const reviewsBefore = await count("SELECT count(*) AS n FROM match_reviews WHERE feed_record_id = $1", [near.id]);
    const later = await runRescreen(env.ctx("admin"));
    assert.deepEqual([later.matched, later.review, later.held], [[], [], []]);
    assert.equal(
      await count("SELECT count(*) AS n FROM match_reviews WHERE feed_record_id = $1", [near.id]),
      reviewsBefore,
    );
    // A new person who could be the one: asked, with the rejected one beside them.
    const c2 = await holder(env.services.db, env.clock.today(), {
      kind: "state-handgun-permit",
      firstName: "Walter",
      lastName: "Zwiefelhofer",
      birthDate: "1990-04-04" as PlainDate,
    });
    const withNew = await runRescreen(env.ctx("admin"));
    assert.deepEqual([withNew.matched, withNew.review], [[], [near.number]], JSON.stringify(withNew));
    const open = await one("SELECT candidates FROM match_reviews WHERE feed_record_id = $1 AND status = 'open'", [
      near.id,
    ]);
    assert.ok(open.candidates.some((c: any) => c.personId === c2.person.id));

    // Rejected again; then the rejected person's first name is corrected and they now score a match:
    // held for staff, never matched automatically over their decision.
    const second = (
      await one("SELECT id::text FROM match_reviews WHERE feed_record_id = $1 AND status = 'open'", [near.id])
    ).id;
    await decideReview(env.ctx("licensing_staff"), second, { decision: "not-a-match", note: "neither" });
    await env.services.db.query("UPDATE people SET first_name = 'Peter' WHERE id = $1", [b.person.id]);
    const held = await runRescreen(env.ctx("admin"));
    assert.deepEqual([held.matched, held.review, held.held], [[], [], [near.number]]);
    assert.equal((await one("SELECT status FROM feed_records WHERE id = $1", [near.id])).status, "unmatched");
    assert.equal((await one("SELECT status FROM credentials WHERE id = $1", [b.credential.id])).status, "active");

    // Audited: every run, with what it matched and queued.
    const runs = await env.services.db.query<any>(
      "SELECT details FROM audit_log WHERE action = 'enforcement.rescreen' ORDER BY at",
    );
    assert.ok(runs.length >= 3, `rescreen runs audited: ${runs.length}`);
    const withWork = runs.find((r: any) => r.details.matched.length);
    assert.deepEqual(withWork.details.matched, [certain.number]);
    assert.deepEqual(withWork.details.review, [near.number]);
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'enforcement.match.automatic' AND entity_id = $1",
        [certain.id],
      ),
      1,
    );
  });

  test("a vacated record is not screened, even once its person is known", async () => {
    const r = await receiveRecord(
      env.ctx("court_source"),
      "court",
      felony({ firstName: "Ottilie", lastName: "Brandvoldsen", birthDate: "1977-07-17" }) as any,
    );
    await env.services.db.query("UPDATE feed_records SET record_state = 'vacated' WHERE id = $1", [r.record.id]);
    await holder(env.services.db, env.clock.today(), {
      kind: "state-handgun-permit",
      firstName: "Ottilie",
      lastName: "Brandvoldsen",
      birthDate: "1977-07-17" as PlainDate,
    });
    const out = await runRescreen(env.ctx("admin"));
    assert.deepEqual(out.matched, []);
    assert.equal((await one("SELECT status FROM feed_records WHERE id = $1", [r.record.id])).status, "unmatched");
  });
});
