import { ITEM_FIELD_LABELS, LOCAL_ITEM_FIELDS } from "../../../common/vocabulary.js";
import { canonicalJson } from "../../platform/canonical-json.js";
import type { ItemContent } from "./catalog.contract.js";

export type Violation = { field: string; message: string };

/** What the rules need to know besides the content itself. */
export type PublicationContext = {
  /** The cited power as currently published, if it exists and belongs to the item's org. */
  citedPower: { kind: string; orgId: string } | null;
  itemOrgId: string;
  /** A province standard is a template: it cites no power, the local copies cite their own orgs' powers. */
  isStandard: boolean;
  /** The published content of the province standard this item follows (同事同标), if any. */
  standard: ItemContent | null;
};

const LICENSING_STEPS = ["受理", "审查", "决定", "制证", "送达"];

/** True when `wanted` appears in `names` in order, other steps allowed between. */
function containsInOrder(names: string[], wanted: string[]): boolean {
  let next = 0;
  for (const name of names) if (name === wanted[next]) next++;
  return next === wanted.length;
}

function duplicates(values: string[]): string[] {
  return values.filter((value, i) => values.indexOf(value) !== i);
}

/**
 * The data-quality rules a version must pass before it is published. Each violation names the element
 * (by its key, for the editor to highlight) and says in Chinese what to fix.
 */
export function checkPublication(c: ItemContent, ctx: PublicationContext): Violation[] {
  const v: Violation[] = [];
  const add = (field: string, message: string) => v.push({ field, message });

  for (const field of ["legalBasis", "conditions", "place", "hours"] as const) {
    if (!c[field]) add(field, `请填写${ITEM_FIELD_LABELS[field]}`);
  }
  if (c.materials.length === 0) add("materials", "至少列出一项申请材料（可为系统自动获取的材料）");
  if (c.steps.length === 0) add("steps", "请填写办理流程");
  if (c.form.length === 0) add("form", "请设置申请表单字段");

  if (ctx.isStandard) {
    if (c.powerId) add("powerId", "省级标准事项不对应具体单位的权力事项，由各地实施时对应本单位权力");
  } else if (!ctx.citedPower) add("powerId", "须对应本单位权责清单中已发布的权力事项（清单之外无权力）");
  else if (ctx.citedPower.orgId !== ctx.itemOrgId) add("powerId", "所对应的权力事项不属于本单位");
  else if (ctx.citedPower.kind !== c.kind) add("powerId", "事项类型须与所对应权力事项的类型一致");

  if (c.statutoryLimit.unit !== c.promisedLimit.unit) add("promisedLimit", "承诺时限与法定时限应使用相同的计量单位");
  else if (c.promisedLimit.days > c.statutoryLimit.days) add("promisedLimit", "承诺办结时限不得超过法定办结时限");
  if (c.instant && c.promisedLimit.days !== 0) add("promisedLimit", "即办件的承诺时限应为 0");

  if (c.onlineDepth === 4 && c.visitsRequired > 0)
    add("visitsRequired", "网办深度为四级（全程网办）时，到现场次数应为 0");
  if (c.visitsRequired > 0 && !c.visitsReason) add("visitsReason", "到现场次数不为 0 时，须说明必须到现场的原因");
  if (c.visitsRequired === 0 && c.onlineDepth < 4 && !c.postalSubmission) {
    add("postalSubmission", "不需到现场且非全程网办的事项，应提供邮寄申请方式");
  }
  if (c.selfService && (c.onlineDepth !== 4 || !c.instant))
    add("selfService", "自助办理事项须全程网办（四级）且为即办件");

  if (c.resultName && !c.resultSampleFileId) add("resultSampleFileId", "有办理结果的事项须上传办理结果样本");
  c.fees.forEach((fee, i) => {
    if (!fee.basis) add(`fees.${i}.basis`, `收费项目“${fee.name}”须注明收费依据`);
  });
  if (!c.consultationPhone || !c.complaintPhone) add("consultationPhone", "咨询电话和投诉电话均须填写");
  else if (c.consultationPhone === c.complaintPhone) add("complaintPhone", "投诉电话须与咨询电话不同");

  if (
    c.kind === "licensing" &&
    !containsInOrder(
      c.steps.map((s) => s.name),
      LICENSING_STEPS,
    )
  ) {
    add("steps", "行政许可事项的办理流程须依次包含：受理、审查、决定、制证、送达");
  }
  if (c.reformMode !== "none" && c.kind !== "licensing") add("reformMode", "只有行政许可事项适用证照分离改革方式");
  if (c.reformMode === "commitment" && !c.commitmentText)
    add("commitmentText", "实行告知承诺的事项须提供告知承诺书文本");

  const situationKeys = c.situations.map((s) => s.key);
  for (const key of duplicates(situationKeys)) add("situations", `情形标识“${key}”重复`);
  c.materials.forEach((m, i) => {
    for (const key of m.situationKeys) {
      if (!situationKeys.includes(key))
        add(`materials.${i}.situationKeys`, `材料“${m.name}”引用了不存在的情形“${key}”`);
    }
  });
  for (const key of duplicates(c.materials.map((m) => m.key))) add("materials", `材料标识“${key}”重复`);
  for (const key of duplicates(c.form.map((f) => f.key))) add("form", `表单字段标识“${key}”重复`);
  c.form.forEach((f, i) => {
    if (f.type === "choice" && f.options.length < 2) add(`form.${i}.options`, `选项字段“${f.label}”至少需要两个选项`);
  });

  if (c.review.mode === "single" && c.review.stages.length !== 1) add("review", "单人审查只能设置一个审查环节");
  if (c.review.mode !== "single" && c.review.stages.length < 2)
    add("review", "逐级审查、会签或或签须设置两个以上审查环节");

  if (ctx.standard) {
    for (const field of differingFields(ctx.standard, c)) {
      // Each copy necessarily cites its own org's power; the standard cites none.
      if (field !== "powerId" && !(LOCAL_ITEM_FIELDS as readonly string[]).includes(field)) {
        add(
          field,
          `同事同标：“${ITEM_FIELD_LABELS[field] ?? field}”须与省级标准一致，只有地点、时间、电话和窗口负责人可按本地填写`,
        );
      }
    }
  }
  return v;
}

/** The top-level elements whose values differ between two versions' content. */
export function differingFields(a: ItemContent, b: ItemContent): string[] {
  const keys = Object.keys(ITEM_FIELD_LABELS) as (keyof ItemContent)[];
  return keys.filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key]));
}

/** Cuts an item makes against the statutory baseline and its previous version (减时限、减跑动、减材料). */
export function itemFigures(current: ItemContent, previous: ItemContent | null) {
  const requiredMaterials = (c: ItemContent) => c.materials.filter((m) => m.requirement === "required").length;
  return {
    daysCut:
      current.statutoryLimit.unit === current.promisedLimit.unit
        ? current.statutoryLimit.days - current.promisedLimit.days
        : 0,
    visitsRequired: current.visitsRequired,
    requiredMaterials: requiredMaterials(current),
    materialsCut: previous ? Math.max(0, requiredMaterials(previous) - requiredMaterials(current)) : 0,
  };
}
