import { chineseDate } from "../../../common/format.js";
import { AppError } from "../../platform/errors.js";
import type { PdfBlock, PdfDocumentSpec } from "../../platform/pdf.js";

/** The notices a window prints and an applicant downloads (文书), in the wording of the national models. */
export const NOTICE_KINDS = ["acceptance", "supplement", "refusal"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const TITLES: Record<NoticeKind, string> = {
  acceptance: "受理通知书",
  supplement: "一次性补正告知书",
  refusal: "不予受理决定书",
};

export type NoticeFacts = {
  number: string;
  itemName: string;
  orgName: string;
  applicantName: string;
  submittedOn: string;
  consultationPhone: string;
  acceptedOn: string | null;
  promisedDue: string | null;
  statutoryDue: string | null;
  supplement: { items: string[]; note: string; requestedAt: string } | null;
  refusal: { reason: string; whereToApply: string } | null;
  today: string;
};

function body(kind: NoticeKind, f: NoticeFacts): PdfBlock[] {
  const applied = `你（单位）于${chineseDate(f.submittedOn)}提出的“${f.itemName}”申请（办件编号 ${f.number}）`;
  switch (kind) {
    case "acceptance":
      return [
        {
          kind: "paragraph",
          text: `${applied}，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`,
        },
        {
          kind: "fields",
          rows: [
            ["受理日期", chineseDate(f.acceptedOn ?? f.today)],
            ["承诺办结日期", f.promisedDue ? chineseDate(f.promisedDue) : "—"],
            ["法定办结日期", f.statutoryDue ? chineseDate(f.statutoryDue) : "—"],
          ],
        },
        {
          kind: "paragraph",
          text: `依法需要听证、检验、检测、鉴定、专家评审的，所需时间不计入办理时限，本机关将书面告知。办理进度可登录黑龙江省教育服务平台“我的办件”查询，或致电 ${f.consultationPhone} 咨询。`,
        },
      ];
    case "supplement":
      return [
        {
          kind: "paragraph",
          text: `${applied}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你（单位）需要补正的全部内容如下：`,
        },
        {
          kind: "table",
          columns: [
            { title: "序号", weight: 1 },
            { title: "需要补正的内容", weight: 9 },
          ],
          rows: (f.supplement?.items ?? []).map((item, i) => [String(i + 1), item]),
        },
        ...(f.supplement?.note ? [{ kind: "paragraph" as const, text: `说明：${f.supplement.note}` }] : []),
        {
          kind: "paragraph",
          text: "请按上述内容补正后，通过“我的办件”或到窗口重新提交。补正期间不计入办理时限；本机关不再要求补正本告知书未列明的内容。",
        },
      ];
    case "refusal":
      return [
        {
          kind: "paragraph",
          text: `${applied}，经审查，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理。理由如下：${f.refusal?.reason ?? ""}`,
        },
        ...(f.refusal?.whereToApply
          ? [
              {
                kind: "paragraph" as const,
                text: `该申请事项依法不属于本机关职权范围，请向${f.refusal.whereToApply}申请。`,
              },
            ]
          : []),
        {
          kind: "paragraph",
          text: "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。",
        },
      ];
  }
}

/** Refuses a notice the case has no grounds for yet (no acceptance, no supplement request, no refusal). */
export function assertNoticeAvailable(kind: NoticeKind, f: NoticeFacts): void {
  const available = {
    acceptance: f.acceptedOn !== null,
    supplement: f.supplement !== null,
    refusal: f.refusal !== null,
  };
  if (!available[kind]) {
    throw new AppError("NOTICE_NOT_AVAILABLE", `该办件目前没有${TITLES[kind]}`);
  }
}

export function noticeDocument(kind: NoticeKind, f: NoticeFacts): PdfDocumentSpec {
  return {
    title: `${TITLES[kind]}（${f.number}）`,
    footer: `${f.orgName} · ${f.number}`,
    blocks: [
      { kind: "title", text: TITLES[kind] },
      { kind: "subtitle", text: `${f.orgName}  ${f.number}` },
      { kind: "paragraph", text: `${f.applicantName}：` },
      ...body(kind, f),
      { kind: "paragraph", text: `${f.orgName}（印章）\n${chineseDate(f.today)}` },
    ],
  };
}

export const noticeFileName = (kind: NoticeKind, number: string) => `${TITLES[kind]}-${number}.pdf`;

/** What a granted result says, under the licence's seal and verification code. */
export function resultBody(f: {
  resultName: string;
  itemName: string;
  caseNumber: string;
  holderName: string;
  decisionReason: string | null;
  decidedOn: string;
}): PdfBlock[] {
  return [
    { kind: "title", text: f.resultName },
    {
      kind: "paragraph",
      text: `${f.holderName}申请的“${f.itemName}”（办件编号 ${f.caseNumber}），经依法审查，符合规定条件，准予办理，特发此证。`,
    },
    {
      kind: "fields",
      rows: [
        ["持证人", f.holderName],
        ["事项名称", f.itemName],
        ["办件编号", f.caseNumber],
        ["决定日期", chineseDate(f.decidedOn)],
        ["决定依据", f.decisionReason ?? "—"],
      ],
    },
  ];
}

/** 备案回执: a filing is done on submission, and this receipt is its result. */
export function filingReceiptBody(f: {
  itemName: string;
  caseNumber: string;
  holderName: string;
  today: string;
}): PdfBlock[] {
  return [
    { kind: "title", text: "备案回执" },
    {
      kind: "paragraph",
      text: `${f.holderName}于${chineseDate(f.today)}提交的“${f.itemName}”备案材料已收悉，经核对材料齐全，予以备案。`,
    },
    {
      kind: "fields",
      rows: [
        ["备案编号", f.caseNumber],
        ["备案人", f.holderName],
        ["备案事项", f.itemName],
      ],
    },
  ];
}
