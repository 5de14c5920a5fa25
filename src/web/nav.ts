/**
 * The header navigation, assembled once at start-up from every module's `nav` entries
 * (`src/modules/index.ts`), so a module adds its own links without touching the layout.
 */
import type { NavEntry } from "../lib/module.ts";

let entries: NavEntry[] = [];

/** Called once by the server with every module's entries, in module-list order. */
export function setNav(all: readonly NavEntry[]): void {
  entries = all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.order ?? 50) - (b.e.order ?? 50) || a.i - b.i)
    .map((x) => x.e);
}

export function navFor(role: string): { href: string; label: string }[] {
  return entries.filter((e) => e.roles.includes(role as never)).map((e) => ({ href: e.href, label: e.label }));
}

/** Where a role lands after signing in. */
export function homeFor(role: string): string {
  const mine = entries.filter((e) => e.roles.includes(role as never));
  return (mine.find((e) => e.home) ?? mine[0])?.href ?? "/rules";
}
