export { DEFAULT_REVIEW, formField, type ItemContent, type ItemContentInput, itemContent } from "./catalog.contract.js";
export { type FieldError, validateFormSubmission } from "./catalog.form.js";
export { catalogRoutes } from "./catalog.routes.js";
export { createCatalogSearch } from "./catalog.search-index.js";
export { type CatalogService, createCatalogService } from "./catalog.service.js";
export { items, itemVersions } from "./catalog.tables.js";
