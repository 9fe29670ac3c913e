import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { ownStudentRecord } from "./students.contract.js";
import type { StudentsService } from "./students.service.js";

export function studentsRoutes(app: FastifyInstance, options: { students: StudentsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/my/student-records",
    {
      config: { access: "applicant" },
      schema: {
        tags: ["我的学籍"],
        summary: "本人在各高校的学籍信息（据此可自助开具在读证明、成绩单、学籍证明）",
        response: { 200: z.array(ownStudentRecord) },
      },
    },
    async (request) => options.students.recordsOf(requireActor(request).userId),
  );
}
