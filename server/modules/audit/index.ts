export { auditRoutes } from "./audit.routes.js";
export { type AuditService, createAuditService } from "./audit.service.js";
