/** Demo data (filled in below). */
import type { Ctx } from "../../context.ts";
export async function seedSchools(_ctx: Ctx): Promise<void> {}
