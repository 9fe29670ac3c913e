export { installOpenApi, partnerResolver, partnersRoutes } from "./partners.routes.js";
export { createPartnersService, type PartnersService } from "./partners.service.js";
export { SIGNATURE_HEADERS, signRequest } from "./partners.signing.js";
export { partnerApps } from "./partners.tables.js";
