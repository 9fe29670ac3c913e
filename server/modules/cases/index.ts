export { casesRoutes } from "./cases.routes.js";
export { type CasesService, createCasesService } from "./cases.service.js";
