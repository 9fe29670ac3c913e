export { casesRoutes } from "./cases.routes.js";
export { type CasesService, createCasesService } from "./cases.service.js";
export { createCaseStatusLookup } from "./cases.status.js";
