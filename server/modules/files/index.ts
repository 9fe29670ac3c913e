export { fileRoutes, fileView } from "./files.routes.js";
