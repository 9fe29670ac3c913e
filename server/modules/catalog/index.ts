export { catalogRoutes } from "./catalog.routes.js";
export { type CatalogService, createCatalogService } from "./catalog.service.js";
