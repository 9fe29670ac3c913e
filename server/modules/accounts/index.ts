export { accountsRoutes, SESSION_COOKIE, sessionResolver } from "./accounts.routes.js";
export { type AccountsService, createAccountsService, hashPassword } from "./accounts.service.js";
export { users } from "./accounts.tables.js";
export { createUsersService, type UsersService } from "./users.service.js";
