import { bindUseCases } from "../../platform/use-cases.js";
import type { ComplaintsDeps } from "./complaints.context.js";
import { answer, get, investigate, list, openAttachment, sendBack } from "./complaints.handling.js";
import { negativeExamples, publish, sealStoredTexts } from "./complaints.publication.js";
import { attach, listMine, submit, track } from "./complaints.submit.js";

export type { ComplaintsDeps } from "./complaints.context.js";

/** 投诉举报 as the routes call them. */
export function createComplaintsService(deps: ComplaintsDeps) {
  return {
    dataMigrations: [sealStoredTexts(deps)],
    ...bindUseCases(deps, {
      submit,
      track,
      listMine,
      attach,
      list,
      get,
      openAttachment,
      investigate,
      answer,
      sendBack,
      publish,
      negativeExamples,
    }),
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;
