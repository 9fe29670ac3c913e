export { orgRoutes } from "./orgs.routes.js";
export { createOrgService, type OrgService, orgDisplayName, parentOrg } from "./orgs.service.js";
export { ORG_KINDS, type OrgKind, type OrgRow, orgs } from "./orgs.tables.js";
