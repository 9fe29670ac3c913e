import { z } from "zod";
import {
  APPEAL_REASONS,
  APPEAL_STATUSES,
  RATING_CHANNELS,
  RATING_STAGES,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATUSES,
} from "../../../common/vocabulary.js";
import { deadlineWarning, pageQuery, revision, text } from "../../platform/http.js";
import { type RectificationAction, rectificationLifecycle } from "./ratings.machine.js";

const level = z
  .number({ message: "评价等级必须是 1–5 的数字" })
  .int({ message: "评价等级必须是 1–5 的数字" })
  .min(1, { message: "评价等级必须是 1–5 的数字" })
  .max(5, { message: "评价等级必须是 1–5 的数字" });
const comment = z.string({ message: "评价内容必须是文本" }).trim().max(500, { message: "评价内容不能超过 500 个字符" });
const stage = z.enum(RATING_STAGES, { message: "评价环节无效" });

/** The rating itself: each indicator of the channel on five levels; 整体满意度 is the rating's level. */
export const ratingInput = z.object({
  scores: z.record(z.string().max(40), level, { message: "请为每项指标评价" }),
  comment: comment.default(""),
});

export const applicantRatingBody = ratingInput.extend({
  stage,
  channel: z.enum(["web", "mobile", "kiosk"], { message: "评价渠道无效" }),
});
export const windowRatingBody = ratingInput.extend({ stage });
export const caseParams = z.object({ caseId: z.uuid({ message: "办件编号格式不正确" }) });
export const linkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { message: "评价链接无效" }) });

export const stageState = z
  .object({
    stage,
    /** The case has reached this stage and it is not rated yet. */
    open: z.boolean(),
    rating: z.object({ level, channel: z.enum(RATING_CHANNELS), createdAt: z.string() }).nullable(),
  })
  .meta({ id: "RatingStageState" });

/**
 * The window pad's view of a stage: whether the applicant in front of the clerk can still rate it here, and whether
 * this pad (a window) recorded its rating. Never the level, the indicators, the comment, the channel of a rating given
 * elsewhere or its time: the clerk holding the pad is usually the staff member rated, and knows whose case it is.
 */
export const windowStageState = z
  .object({
    stage,
    /** The case has reached this stage and it is not rated yet: the pad may offer it. */
    open: z.boolean(),
    /** The stage was rated at a window, on a pad; false while open, and for a rating given on any other channel. */
    ratedAtWindow: z.boolean(),
  })
  .meta({ id: "WindowRatingStage" });

/** What the one-time link shows before the applicant rates: the case's item and org, nothing personal. */
export const linkView = z
  .object({ itemName: z.string(), orgName: z.string(), caseNumber: z.string(), stage, open: z.boolean() })
  .meta({ id: "RatingLink" });

/** A rating as staff see it: never the rater, never the case (which would name the rater to the staff rated). */
export const ratingView = z
  .object({
    id: z.string(),
    orgName: z.string(),
    itemName: z.string(),
    stage,
    level,
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    channel: z.enum(RATING_CHANNELS),
    excluded: z.boolean(),
    createdAt: z.string(),
    rectificationId: z.string().nullable(),
    appealStatus: z.enum(APPEAL_STATUSES).nullable(),
  })
  .meta({ id: "Rating" });

export const ratingsQuery = pageQuery.extend({ bad: z.enum(["true", "false"]).optional() });

const callBack = z.object({
  at: z.string(),
  by: z.string(),
  reached: z.boolean(),
  satisfied: z.boolean().nullable(),
  note: z.string(),
});

export const rectificationSummary = z
  .object({
    id: z.string(),
    orgName: z.string(),
    itemName: z.string(),
    level,
    status: z.enum(RECTIFICATION_STATUSES),
    dueOn: z.string(),
    warning: deadlineWarning,
    createdAt: z.string(),
  })
  .meta({ id: "RectificationSummary" });

export const rectificationView = rectificationSummary
  .extend({
    revision: z.number().int(),
    rating: ratingView,
    caseId: z.string(),
    caseNumber: z.string(),
    /** Masked; the full number only through the audited contact request, for the call-back. */
    raterName: z.string(),
    raterPhone: z.string().nullable(),
    finding: z.string().nullable(),
    outcome: z.enum(RECTIFICATION_OUTCOMES).nullable(),
    measures: z.string().nullable(),
    reply: z.string().nullable(),
    callBack: callBack.nullable(),
    sentBack: z.string().nullable(),
    closedAt: z.string().nullable(),
    /** What this reader may do to the task now, from the rectification lifecycle. */
    actions: z.array(
      z.object({
        action: z.enum(rectificationLifecycle.names as [RectificationAction, ...RectificationAction[]]),
        label: z.string(),
      }),
    ),
  })
  .meta({ id: "Rectification" });

export const replyBody = z.object({
  revision,
  finding: text("核实情况", 1000),
  outcome: z.enum(["fixed", "explained"], { message: "请选择整改或解释说明" }),
  measures: text("整改措施或解释说明", 1000),
  reply: text("答复评价人的内容", 500),
});
export const callBackBody = z.object({
  revision,
  reached: z.boolean({ message: "请选择是否联系上评价人" }),
  satisfied: z.boolean().nullable().default(null),
  note: text("回访记录", 500),
});
export const sendBackBody = z.object({ revision, reason: text("退回理由", 500) });
export const contactView = z.object({ phone: z.string().nullable() });

export const appealBody = z.object({
  reason: z.enum(APPEAL_REASONS, { message: "请选择申诉理由" }),
  statement: text("申诉说明", 1000),
});
export const appealView = z
  .object({
    id: z.string(),
    rating: ratingView,
    reason: z.enum(APPEAL_REASONS),
    statement: z.string(),
    hasEvidence: z.boolean(),
    status: z.enum(APPEAL_STATUSES),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: "RatingAppeal" });
export const decideAppealBody = z.object({
  upheld: z.boolean({ message: "请选择申诉是否成立" }),
  note: text("复核意见", 500),
});

export const figuresQuery = z.object({
  by: z.enum(["org", "item", "staff"]).default("org"),
  from: z.iso.date({ message: "开始日期格式应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ message: "结束日期格式应为 YYYY-MM-DD" }).optional(),
});
export const publicFiguresQuery = figuresQuery.extend({ by: z.enum(["org", "item"]).default("org") });

export const figureRow = z
  .object({
    key: z.string(),
    name: z.string(),
    /** For items: the org that handles it. */
    orgName: z.string().nullable(),
    total: z.number().int(),
    levels: z.object({ 5: z.number(), 4: z.number(), 3: z.number(), 2: z.number(), 1: z.number() }),
    /** Average level as a score out of 100 (非常满意 = 100, 非常不满意 = 20). */
    score: z.number().nullable(),
    /** 满意率: the share of 基本满意 and above. */
    satisfiedRate: z.number().nullable(),
    badRate: z.number().nullable(),
    bad: z.number().int(),
    rectifiedRate: z.number().nullable(),
    calledBackRate: z.number().nullable(),
  })
  .meta({ id: "RatingFigures" });

export const publicRectification = z
  .object({
    orgName: z.string(),
    itemName: z.string(),
    stage,
    level,
    ratedOn: z.string(),
    outcome: z.enum(RECTIFICATION_OUTCOMES),
    measures: z.string(),
    closedOn: z.string(),
  })
  .meta({ id: "PublicRectification" });

export type RatingInput = z.infer<typeof ratingInput>;
