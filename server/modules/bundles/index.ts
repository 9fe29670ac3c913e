export { type BundleDefinition, bundleDefinition } from "./bundles.contract.js";
export { bundlesRoutes } from "./bundles.routes.js";
export { type BundlesService, createBundlesService } from "./bundles.service.js";
export { bundleCases, bundleParts, bundles } from "./bundles.tables.js";
