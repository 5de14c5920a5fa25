/**
 * The header navigation, assembled once at start-up from every module's `nav` entries
 * (`src/modules/index.ts`), so a module adds its own links without touching the layout.
 * A role with many links (licensing staff have about twenty) sees them under headings
 * (`NavEntry.group`), in the order of `NAV_GROUPS`; a role with a few sees one list.
 */
import type { NavEntry, NavGroup } from "../lib/module.ts";

let entries: NavEntry[] = [];

/** The headings, in the order they are shown. */
export const NAV_GROUPS: readonly { key: NavGroup; label: string }[] = [
  { key: "licensing", label: "Licensing" },
  { key: "sales", label: "Sales and ammunition" },
  { key: "enforcement", label: "Enforcement" },
  { key: "registries", label: "Registries" },
  { key: "appeals", label: "Appeals" },
  { key: "schools", label: "School safety" },
  { key: "reports", label: "Reports and rules" },
  { key: "account", label: "Account" },
];

/** Roles with more links than this see them grouped under headings. */
export const GROUP_ABOVE = 9;

export interface NavLink {
  href: string;
  label: string;
  /** "page" when the link is the page shown, "true" when the page shown is under it (a record of its list). */
  current?: "page" | "true";
}

export interface NavSection {
  /** Undefined for the one list of a role with few links. */
  label?: string;
  links: NavLink[];
}

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

/**
 * Which link the page at `path` belongs to: the link to exactly this path, else the longest link
 * whose path the page's path continues ("/staff/sales/…" belongs to "Sales", not to "Private sale"
 * at "/staff/sales/private/new" unless that is the page).
 */
function currentHref(
  links: readonly { href: string }[],
  path: string | undefined,
): { href: string; exact: boolean } | undefined {
  if (!path) return undefined;
  const p = path.split(/[?#]/)[0]!.replace(/\/+$/, "") || "/";
  if (links.some((l) => l.href === p)) return { href: p, exact: true };
  const under = links
    .filter((l) => l.href !== "/" && p.startsWith(`${l.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return under ? { href: under.href, exact: false } : undefined;
}

/**
 * A role's navigation for the page at `path`: one section without a heading for a role with few
 * links, else a section per heading (links without a group last, under "More"). The link of the
 * page shown is marked current.
 */
export function navSections(role: string, path?: string): NavSection[] {
  const mine = entries.filter((e) => e.roles.includes(role as never));
  const cur = currentHref(mine, path);
  const link = (e: NavEntry): NavLink => ({
    href: e.href,
    label: e.label,
    ...(cur && e.href === cur.href ? { current: cur.exact ? ("page" as const) : ("true" as const) } : {}),
  });
  if (mine.length <= GROUP_ABOVE) return mine.length ? [{ links: mine.map(link) }] : [];
  const sections: NavSection[] = NAV_GROUPS.map((g) => ({
    label: g.label,
    links: mine.filter((e) => e.group === g.key).map(link),
  }));
  const rest = mine.filter((e) => !e.group || !NAV_GROUPS.some((g) => g.key === e.group)).map(link);
  if (rest.length) sections.push({ label: "More", links: rest });
  return sections.filter((s) => s.links.length);
}

/** Where a role lands after signing in. */
export function homeFor(role: string): string {
  const mine = entries.filter((e) => e.roles.includes(role as never));
  return (mine.find((e) => e.home) ?? mine[0])?.href ?? "/rules";
}
