// A screenshot tour: `npm run tour` starts Stateline on a throwaway embedded database with the demo
// data (or uses TOUR_URL if set), signs in as each demo role in Chromium, and saves a PNG of each of
// the role's main pages (its navigation entries) at 1280 px and at 375 px into ./tour/.
//
//   npm run tour                          # everything
//   TOUR_ROLES=dealer,staff npm run tour  # some roles
//   CHROMIUM_PATH=/usr/bin/chromium (default)
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { loadConfig } from "../src/config.ts";
import { openServices, seedIfEmpty, startServer } from "../src/app.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/db/seed.ts";

const OUT = "tour";
const WIDTHS = [1280, 375] as const;

async function main(): Promise<void> {
  let base = process.env.TOUR_URL;
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!base) {
    dataDir = mkdtempSync(join(tmpdir(), "stateline-tour-"));
    const config = {
      ...loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: "0", STATELINE_LOG: "0" }),
      databaseUrl: undefined,
    };
    const s = await openServices(config);
    process.stdout.write("loading demo data...\n");
    await seedIfEmpty(s);
    const started = await startServer(s, { logger: false });
    base = started.url;
    stop = async () => {
      await started.stop();
      await s.db.close();
    };
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const wanted = (process.env.TOUR_ROLES ?? "").split(",").filter(Boolean);
  const users = [{ username: "", role: "public" }, ...DEMO_USERS].filter(
    (u) => !wanted.length || wanted.includes(u.username || "public"),
  );
  let shots = 0;
  try {
    for (const u of users) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 } });
        const page = await context.newPage();
        if (u.username) {
          await page.goto(`${base}/login`);
          await page.fill("#username", u.username);
          await page.fill("#password", DEMO_PASSWORD);
          await Promise.all([page.waitForNavigation(), page.click("[type=submit]")]);
        } else {
          await page.goto(`${base}/rules`);
        }
        // The role's navigation entries, read from the desktop header (the phone menu has the same links).
        const links = await page.$$eval("nav.stateline-nav a.usa-nav-link", (as) =>
          as.map((a) => a.getAttribute("href") ?? ""),
        );
        const hrefs = [...new Set([new URL(page.url()).pathname, ...links])].filter((h) => h.startsWith("/"));
        for (const href of hrefs) {
          await page.goto(`${base}${href}`);
          const name = `${u.username || "public"}${href.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "") || "-home"}-${width}.png`;
          await page.screenshot({ path: join(OUT, name), fullPage: true });
          shots += 1;
        }
        await context.close();
      }
      process.stdout.write(`${u.username || "public"}: done\n`);
    }
  } finally {
    await browser.close();
    await stop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${shots} screenshots in ./${OUT}/\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`tour: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
