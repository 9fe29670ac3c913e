export { orgRoutes } from "./orgs.routes.js";
export { createOrgService, ORG_KIND_LABELS, type OrgService } from "./orgs.service.js";
export { ORG_KINDS, type OrgKind, type OrgRow, orgs } from "./orgs.tables.js";
