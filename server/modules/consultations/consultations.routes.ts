import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { idParams } from "../../platform/http.js";
import {
  answerBody,
  askBody,
  consultationsQuery,
  consultationView,
  deskBody,
  deskView,
  faqBody,
  itemFaq,
  staffConsultationView,
} from "./consultations.contract.js";
import type { ConsultationsService } from "./consultations.service.js";

export function consultationsRoutes(app: FastifyInstance, service: ConsultationsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["咨询"];

  r.post(
    "/api/consultations",
    {
      config: { access: "applicant" },
      schema: { tags, summary: "向单位或就某一事项咨询", body: askBody, response: { 201: consultationView } },
    },
    async (request, reply) => reply.code(201).send(await service.ask(requireActor(request), request.body)),
  );

  r.get(
    "/api/my/consultations",
    {
      config: { access: "applicant" },
      schema: { tags, summary: "我的咨询", response: { 200: z.array(consultationView) } },
    },
    async (request) => service.listMine(requireActor(request)),
  );

  r.get(
    "/api/public/items/:id/faq",
    {
      config: { access: "public" },
      schema: { tags, summary: "事项的责任窗口人员和常见问题", params: idParams, response: { 200: itemFaq } },
    },
    async (request) => service.faqOf(request.params.id),
  );

  r.get(
    "/api/consultations",
    {
      config: { access: "consultation.answer" },
      schema: {
        tags,
        summary: "本单位及下级的咨询（指派给我的在前，到期早的在前）",
        querystring: consultationsQuery,
        response: { 200: z.array(staffConsultationView) },
      },
    },
    async (request) => service.queue(requireActor(request), request.query),
  );

  r.post(
    "/api/consultations/:id/answer",
    {
      config: { access: "consultation.answer" },
      schema: {
        tags,
        summary: "答复咨询",
        params: idParams,
        body: answerBody,
        response: { 200: staffConsultationView },
      },
    },
    async (request) => service.answer(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/consultations/:id/faq",
    {
      config: { access: "consultation.answer" },
      schema: {
        tags,
        summary: "设为（或撤下）事项的常见问题，公开的问答可另行改写",
        params: idParams,
        body: faqBody,
        response: { 200: staffConsultationView },
      },
    },
    async (request) => service.setFaq(requireActor(request), request.params.id, request.body),
  );

  r.put(
    "/api/admin/items/:id/desk",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags,
        summary: "指定事项的责任窗口人员（答复该事项的咨询）",
        params: idParams,
        body: deskBody,
        response: { 200: deskView },
      },
    },
    async (request) => service.setDesk(requireActor(request), request.params.id, request.body.staffId),
  );
}
