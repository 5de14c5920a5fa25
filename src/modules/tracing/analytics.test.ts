/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON, read field by field */
/**
 * Source-state analytics against ATF's published figures: the reference table loads whole, and
 * Connecticut's top source states for 2019 and 2014 are what ATF published. Then the map and chart
 * (server-rendered SVG with titles), the CSV, who may see them and malformed queries.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestEnv, type TestEnv } from "../../../test/helpers.ts";
import { caller, expectProblem, expectStatus, json, type Call } from "../../../test/api/support.ts";
import { corridors, ensureAtfReference, sourceStates, sourceStatesCsv } from "./analytics.ts";
import { barChartSvg, sourceMapSvg } from "./charts.ts";

let env: TestEnv, call: Call;
before(async () => {
  env = await createTestEnv();
  call = caller(env);
});
after(() => env.close());

describe("the ATF reference table", () => {
  test("loads every row of the shipped CSV once", async () => {
    assert.equal(await ensureAtfReference(env.services.db), 33330);
    assert.equal(await ensureAtfReference(env.services.db), 33330, "a second call loads nothing more");
    const n = await env.services.db.query("SELECT count(*)::int AS n FROM atf_source_recovery");
    assert.equal(n[0]!.n, 33330);
  });

  test("Connecticut 2019: 897 traced guns; 422 sold in Connecticut; then Georgia 55, Florida 51, South Carolina 45, Texas 34 (ATF, CY2019)", async () => {
    const s = await sourceStates(env.services.db, 2019, "CT");
    assert.equal(s.total, 897);
    assert.equal(s.inState, 422);
    assert.equal(s.outOfState, 475);
    assert.deepEqual(
      s.rows.slice(0, 5).map((r) => [r.source, r.firearms]),
      [
        ["CT", 422],
        ["GA", 55],
        ["FL", 51],
        ["SC", 45],
        ["TX", 34],
      ],
    );
    assert.equal(
      s.rows.reduce((n, r) => n + r.firearms, 0),
      897,
      "the sources add up to ATF's total",
    );
    assert.ok(s.weakerShare > 0.4 && s.weakerShare < 0.53, `weaker-law share ${s.weakerShare}`);
    assert.equal(s.rows.find((r) => r.source === "NY")!.weaker, false);
    assert.equal(s.rows.find((r) => r.source === "GA")!.weaker, true);
  });

  test("Connecticut 2014: 819 traced guns, 534 in-state, Texas 30 and Florida 21 next", async () => {
    const s = await sourceStates(env.services.db, 2014, "CT");
    assert.deepEqual([s.total, s.inState], [819, 534]);
    assert.deepEqual(
      s.rows.slice(1, 3).map((r) => [r.source, r.firearms]),
      [
        ["TX", 30],
        ["FL", 21],
      ],
    );
  });

  test("the corridors into the destination states leave out in-state flows", async () => {
    const c = await corridors(env.services.db, 2010, 2020);
    assert.ok(c.length > 0);
    assert.ok(c.every((x) => x.source !== x.recovery));
    assert.ok(c.every((x) => ["CT", "NY", "NJ", "MA"].includes(x.recovery)));
  });

  test("the CSV carries the attribution and one line per source state", async () => {
    const s = await sourceStates(env.services.db, 2019, "CT");
    const csv = sourceStatesCsv(s).trim().split("\n");
    assert.match(csv[0]!, /^# Source: ATF/);
    assert.equal(csv[1], "year,recovery_state,source_state,source_state_name,firearms,share,weaker_law_state");
    assert.equal(csv.length, 2 + s.rows.length);
    assert.equal(csv[2], "2019,CT,CT,Connecticut,422,0.4705,false");
  });
});

describe("map and chart", () => {
  test("the map is an SVG with a title, a description and one shape per state", async () => {
    const svg = sourceMapSvg(await sourceStates(env.services.db, 2019, "CT"));
    assert.match(svg, /^<svg [^>]*role="img"/);
    assert.match(
      svg,
      /<title id="source-map-title">Source states of crime guns recovered in Connecticut, 2019<\/title>/,
    );
    assert.match(svg, /Georgia: 55 firearms/);
    assert.ok((svg.match(/<path /g) ?? []).length >= 51);
  });
  test("the chart is rendered by vega to SVG", async () => {
    const svg = await barChartSvg(
      [
        { label: "Georgia", value: 55 },
        { label: "Florida", value: 51 },
      ],
      { title: "Top sources", valueTitle: "Firearms" },
    );
    assert.match(svg, /^<svg /);
    assert.match(svg, /Georgia/);
  });
});

describe("routes", () => {
  test("401, 403 and who may see the figures", async () => {
    const url = "/api/v1/tracing/analytics/source-states?year=2019&state=CT";
    expectProblem(await call(null, { method: "GET", url }), 401);
    for (const role of ["dealer", "resident", "ammunition_vendor", "auditor"] as const)
      expectProblem(await call(role, { method: "GET", url }), 403);
    for (const role of ["law_enforcement", "trafficking_task_force", "licensing_staff"] as const)
      expectStatus(await call(role, { method: "GET", url }), 200);
    const b = json(await call("trafficking_task_force", { method: "GET", url }));
    assert.equal(b.total, 897);
    assert.match(b.attribution, /ATF/);
    assert.match(b.weakerDefinition, /CA, CT/);
    assert.deepEqual(b.stateline, []);
  });
  test("malformed queries are 400 naming the field", async () => {
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/analytics/source-states?year=2009&state=CT",
      }),
      400,
      "query.year",
    );
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/analytics/source-states?year=abc" }),
      400,
      "query.year",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/analytics/source-states?year=2019&state=ZZ",
      }),
      400,
      "query.state",
    );
    expectProblem(
      await call("law_enforcement", {
        method: "GET",
        url: "/api/v1/tracing/analytics/source-states?year=2019&state=ct",
      }),
      400,
      "query.state",
    );
    expectProblem(
      await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/analytics/corridors?from=2015&to=2012" }),
      400,
      "query.to",
    );
  });
  test("CSV download", async () => {
    const r = await call("law_enforcement", {
      method: "GET",
      url: "/tracing/analytics/source-states.csv?year=2019&state=NY",
    });
    expectStatus(r, 200);
    assert.match(String(r.headers["content-type"]), /text\/csv/);
    assert.match(String(r.headers["content-disposition"]), /atf-source-states-NY-2019\.csv/);
    assert.match(r.body, /^# Source: ATF/);
  });
  test("trend over 2010-2020", async () => {
    const b = json(await call("law_enforcement", { method: "GET", url: "/api/v1/tracing/analytics/trend?state=CT" }));
    assert.equal(b.years.length, 11);
    assert.equal(b.years.find((y: any) => y.year === 2019).total, 897);
  });
});
