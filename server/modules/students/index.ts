export { type CertificateDraft, certificateKindOf, writeCertificate } from "./students.certificates.js";
export { studentsRoutes } from "./students.routes.js";
export { createStudentsService, type StudentRecordInput, type StudentsService } from "./students.service.js";
export { type StudentRecord, studentRecords } from "./students.tables.js";
