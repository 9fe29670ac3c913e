export { createJobsAdmin, type JobsAdmin } from "./jobs.service.js";
export { systemRoutes } from "./system.routes.js";
