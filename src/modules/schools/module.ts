/** The schools module's registration: API routes, pages, navigation, jobs, and the multipart upload parser. */
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { defineRoutes } from "../../http/route.ts";
import type { MakeCtx } from "../../lib/module.ts";
import { defineModule } from "../../lib/module.ts";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { seedSchools } from "./seed.ts";
import { schoolRoutes, UploadedFile, uploadRoutes } from "./routes.ts";
import { registerSchoolPages, registerUploadPages } from "./pages.ts";
import { schoolJobs } from "./jobs.ts";
import { MAX_UPLOAD_BYTES } from "./service.ts";

/**
 * Uploads (assessments, plans) arrive as multipart/form-data, parsed only in this module's own
 * encapsulated context (other modules register their own). Fields stay strings on `req.body`
 * (so the CSRF check sees `_csrf`); each file becomes an `UploadedFile`.
 */
export function registerUploads(app: FastifyInstance, makeCtx: MakeCtx): void {
  void app.register(async (child) => {
    await child.register(multipart, {
      attachFieldsToBody: "keyValues",
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 30, fieldSize: 100_000 },
      async onFile(part) {
        (part as unknown as { value: unknown }).value = new UploadedFile(
          part.filename,
          part.mimetype,
          await part.toBuffer(),
        );
      },
    });
    defineRoutes(child, uploadRoutes, makeCtx);
    registerUploadPages(child, makeCtx);
  });
}

export const schoolsModule = defineModule({
  name: "schools",
  routes: schoolRoutes,
  pages: (app, makeCtx) => {
    registerUploads(app, makeCtx);
    registerSchoolPages(app, makeCtx);
  },
  nav: [
    {
      roles: ["school_safety_staff"],
      href: "/schools/state",
      label: "School safety",
      group: "schools",
      order: 20,
      home: true,
    },
    {
      roles: ["district_staff"],
      href: "/schools/district",
      label: "My district",
      group: "schools",
      order: 20,
      home: true,
    },
    { roles: ["campus_staff"], href: "/schools/campus", label: "My campus", group: "schools", order: 20, home: true },
    {
      roles: ["public"],
      href: "/schools/consultants",
      label: "School security consultants",
      group: "schools",
      order: 80,
    },
  ],
  jobs: schoolJobs,
  seed: (ctx) => seedSchools(ctx, { password: DEMO_PASSWORD }),
});
