export { complaintsRoutes } from "./complaints.routes.js";
export { type ComplaintsService, createComplaintsService } from "./complaints.service.js";
