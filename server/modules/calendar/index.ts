export { calendarRoutes } from "./calendar.routes.js";
export { type CalendarService, createCalendarService } from "./calendar.service.js";
