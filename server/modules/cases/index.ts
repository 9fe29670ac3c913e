export { caseStatusChanged } from "./cases.events.js";
export { mayRead } from "./cases.queries.js";
export { casesRoutes } from "./cases.routes.js";
export { type CasesService, createCasesService } from "./cases.service.js";
export { createCaseStatusLookup } from "./cases.status.js";
export { type CaseRow, caseEvents, cases } from "./cases.tables.js";
