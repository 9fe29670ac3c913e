export { resultsRoutes } from "./results.routes.js";
export { createResultsService, type NewBatch, type ResultsService } from "./results.service.js";
export { resultBatches, resultEntries } from "./results.tables.js";
