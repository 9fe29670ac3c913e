import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { okResponse } from "../../platform/http.js";
import {
  calendarStatus,
  calendarYear,
  dueDateQuery,
  dueDateResponse,
  importYearBody,
  plainDate,
  setDayBody,
  year,
} from "./calendar.contract.js";
import type { CalendarService } from "./calendar.service.js";

export function calendarRoutes(app: FastifyInstance, calendar: CalendarService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["工作日历"];

  r.get(
    "/api/calendar/status",
    {
      config: { access: "public" },
      schema: { tags, summary: "已导入的年份及缺失提醒", response: { 200: calendarStatus } },
    },
    async () => calendar.status(),
  );

  r.get(
    "/api/calendar/due-date",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "按工作日或自然日推算期限",
        querystring: dueDateQuery,
        response: { 200: dueDateResponse },
      },
    },
    async (request) => calendar.dueDate(request.query),
  );

  r.get(
    "/api/calendar/:year",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "某年的节假日与调休安排",
        params: z.object({ year }),
        response: { 200: calendarYear },
      },
    },
    async (request) => calendar.getYear(request.params.year),
  );

  r.put(
    "/api/calendar/days/:date",
    {
      config: { access: "calendar.manage" },
      schema: {
        tags,
        summary: "设置某一天：放假、调休上班或恢复正常",
        params: z.object({ date: plainDate }),
        body: setDayBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await calendar.setDay(requireActor(request), request.params.date, request.body);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/calendar/import",
    {
      config: { access: "calendar.manage" },
      schema: {
        tags,
        summary: "导入一年的官方节假日安排（整年替换）",
        body: importYearBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await calendar.importYear(requireActor(request), request.body);
      return { ok: true as const };
    },
  );
}
