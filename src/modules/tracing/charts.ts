/**
 * Maps and charts rendered on the server as SVG (no script in the browser): the source-state map
 * from us-atlas TopoJSON (states, pre-projected Albers USA) drawn with d3-geo, and bar charts from
 * vega-lite specs rendered by vega's SVG renderer. Every picture has a title and a description
 * for screen readers; the pages put the data table beside it.
 */
import { createRequire } from "node:module";
import { geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import * as vega from "vega";
import * as vl from "vega-lite";
import type { SourceStates } from "./analytics.ts";

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a TopoJSON file, typed by topojson-specification below
const atlas = require("us-atlas/states-albers-10m.json") as any as Topology<{
  states: GeometryCollection<{ name: string }>;
}>;
const STATE_FEATURES = feature(atlas, atlas.objects.states).features;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Colour steps (light to dark blue, USWDS blue scale) for the choropleth. */
const STEPS = ["#f0f4fa", "#d9e8f6", "#aacdec", "#73b3e7", "#2378c3", "#1a4480"];

/** The choropleth of one recovery state's source states: darker is more guns; the recovery state outlined. */
export function sourceMapSvg(s: SourceStates, opts: { id?: string } = {}): string {
  const id = opts.id ?? "source-map";
  const byName = new Map(s.rows.map((r) => [r.sourceName, r]));
  const max = Math.max(1, ...s.rows.filter((r) => !r.inState).map((r) => r.firearms));
  const path = geoPath();
  const step = (n: number) =>
    n <= 0 ? STEPS[0]! : STEPS[Math.min(STEPS.length - 1, 1 + Math.floor(((n - 1) / max) * (STEPS.length - 1)))]!;
  const shapes = STATE_FEATURES.map((f) => {
    const name = f.properties.name;
    const r = byName.get(name);
    const isRecovery = name === s.recoveryName;
    const fill = isRecovery ? "#e5a000" : step(r?.firearms ?? 0);
    return `<path d="${path(f) ?? ""}" fill="${fill}" stroke="${isRecovery ? "#1b1b1b" : "#ffffff"}" stroke-width="${isRecovery ? 1.5 : 0.5}"><title>${esc(name)}: ${r?.firearms ?? 0} firearms${isRecovery ? " (recovered and sold in-state)" : ""}</title></path>`;
  }).join("");
  const legend =
    STEPS.map(
      (c, i) =>
        `<rect x="${620 + i * 40}" y="560" width="40" height="12" fill="${c}" stroke="#71767a" stroke-width="0.5"/>`,
    ).join("") +
    `<text x="620" y="590" font-size="12">0</text><text x="820" y="590" font-size="12">${max}</text><rect x="520" y="560" width="12" height="12" fill="#e5a000"/><text x="536" y="571" font-size="12">${esc(s.recovery)}</text>`;
  const title = `Source states of crime guns recovered in ${s.recoveryName}, ${s.year}`;
  const desc = `${s.total} traced firearms; ${s.inState} first sold in ${s.recoveryName}, ${s.outOfState} elsewhere; top sources: ${s.rows
    .filter((r) => !r.inState)
    .slice(0, 5)
    .map((r) => `${r.sourceName} ${r.firearms}`)
    .join(", ")}. The table beside the map lists every state.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610" role="img" aria-labelledby="${id}-title ${id}-desc" class="stateline-map"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${shapes}${legend}</svg>`;
}

/** Draws a horizontal bar chart by hand (used when vega cannot render). */
function barsByHand(data: { label: string; value: number }[], title: string): string {
  const max = Math.max(1, ...data.map((d) => d.value));
  const rows = data
    .map(
      (d, i) =>
        `<text x="155" y="${34 + i * 22}" font-size="12" text-anchor="end">${esc(d.label)}</text><rect x="160" y="${23 + i * 22}" width="${Math.round((d.value / max) * 380)}" height="16" fill="#2378c3"/><text x="${166 + Math.round((d.value / max) * 380)}" y="${35 + i * 22}" font-size="12">${d.value}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 ${40 + data.length * 22}" role="img"><title>${esc(title)}</title>${rows}</svg>`;
}

/** A horizontal bar chart from a vega-lite spec, rendered to SVG on the server. */
export async function barChartSvg(
  data: { label: string; value: number }[],
  o: { title: string; valueTitle: string },
): Promise<string> {
  const spec: vl.TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: o.title,
    width: 420,
    height: { step: 20 },
    background: "white",
    data: { values: data },
    mark: { type: "bar", color: "#2378c3" },
    encoding: {
      y: { field: "label", type: "nominal", sort: "-x", title: null },
      x: { field: "value", type: "quantitative", title: o.valueTitle },
      tooltip: [{ field: "label" }, { field: "value" }],
    },
  };
  try {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    return svg.replace("<svg ", `<svg role="img" aria-label="${esc(o.title)}" `);
  } catch {
    return barsByHand(data, o.title);
  }
}
