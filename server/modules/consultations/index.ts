export { consultationsRoutes } from "./consultations.routes.js";
export { type ConsultationsService, createConsultationsService } from "./consultations.service.js";
