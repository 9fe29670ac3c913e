export { DEMO_ITEMS } from "./data/catalog.js";
export { demoRoutes } from "./demo.routes.js";
export { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_STAFF, seedDemoAccounts } from "./demo.seed.js";
export { seedDemoBundles } from "./demo-bundles.seed.js";
export { seedDemoCatalog } from "./demo-catalog.seed.js";
export { demoCandidates, seedDemoResults } from "./demo-results.js";
export { seedDemoStudents } from "./demo-students.js";
export { csvLine, GAOKAO_HEADER, type SampleCandidate, sampleCandidates } from "./sample-candidates.js";
