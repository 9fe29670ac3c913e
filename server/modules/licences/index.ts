export { caseLicence, caseLicenceUse } from "./licences.contract.js";
export { licencesRoutes } from "./licences.routes.js";
export {
  createLicencesService,
  type IssueSpec,
  type LicencesService,
  type LicenceUse,
  statusOf,
} from "./licences.service.js";
export { licences, licenceUses } from "./licences.tables.js";
