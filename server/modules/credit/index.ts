export { type CreditService, createCreditService } from "./credit.service.js";
export { creditRecords } from "./credit.tables.js";
