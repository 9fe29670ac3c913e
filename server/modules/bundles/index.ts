export { type BundleDefinition, bundleDefinition } from "./bundles.contract.js";
export { bundlesRoutes } from "./bundles.routes.js";
export { type BundlesService, createBundlesService } from "./bundles.service.js";
export { bundleCases, bundleParts, bundles } from "./bundles.tables.js";
export { DEMO_BUNDLE_ITEMS, DEMO_BUNDLE_POWERS, DEMO_BUNDLE_STAFF, DEMO_BUNDLES, MARKET_ORG } from "./demo-bundles.js";
