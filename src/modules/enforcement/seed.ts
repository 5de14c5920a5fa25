import type { Ctx } from "../../context.ts";
export async function seedEnforcement(_ctx: Ctx): Promise<void> {}
