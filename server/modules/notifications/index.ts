export { notificationsRoutes } from "./notifications.routes.js";
export {
  type Contact,
  createNotificationsService,
  type Notice,
  type NotificationsService,
} from "./notifications.service.js";
