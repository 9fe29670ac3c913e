import { z } from "zod";
import { STUDENT_STATUSES } from "./students.tables.js";

export const ownStudentRecord = z
  .object({
    orgId: z.uuid(),
    university: z.string(),
    studentNo: z.string(),
    college: z.string(),
    major: z.string(),
    level: z.string(),
    enrolledOn: z.string(),
    status: z.enum(STUDENT_STATUSES),
    /** What the kiosk offers: the university's self-service certificates its records write at once. */
    certificates: z.array(z.object({ itemId: z.uuid(), name: z.string() })),
  })
  .meta({ id: "OwnStudentRecord" });
