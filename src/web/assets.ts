/** Serves the USWDS distribution and our small stylesheet. Paths are confined to their folders. */
import type { FastifyInstance } from "fastify";
import { createReadStream, existsSync, statSync } from "node:fs";
import { dirname, extname, join, normalize, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
// The package exports no "./package.json"; its main entry is dist/js/uswds.min.js.
const USWDS_DIST = dirname(dirname(require.resolve("@uswds/uswds")));
const OWN = join(dirname(fileURLToPath(import.meta.url)), "static");

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

function serveFrom(app: FastifyInstance, prefix: string, root: string): void {
  app.get(`${prefix}/*`, async (req, reply) => {
    const rel = (req.params as { "*": string })["*"];
    const full = normalize(join(root, rel));
    if (!full.startsWith(root + sep) || !existsSync(full) || !statSync(full).isFile()) {
      return reply.code(404).type("text/plain").send("not found");
    }
    reply.header("Cache-Control", "public, max-age=86400");
    return reply.type(TYPES[extname(full)] ?? "application/octet-stream").send(createReadStream(full));
  });
}

export function registerAssets(app: FastifyInstance): void {
  serveFrom(app, "/assets/uswds", USWDS_DIST);
  app.get("/assets/favicon.svg", async (_req, reply) =>
    reply
      .type(TYPES[".svg"]!)
      .header("Cache-Control", "public, max-age=86400")
      .send(createReadStream(join(OWN, "favicon.svg"))),
  );
  app.get("/favicon.ico", async (_req, reply) => reply.redirect("/assets/favicon.svg", 301));
  app.get("/assets/stateline.css", async (_req, reply) =>
    reply
      .type(TYPES[".css"]!)
      .header("Cache-Control", "public, max-age=3600")
      .send(createReadStream(join(OWN, "stateline.css"))),
  );
}
