import { and, eq, inArray } from "drizzle-orm";
import { FILE_KINDS, type FileKind, type LimitUnit } from "../../../common/vocabulary.js";
import { AppError } from "../../platform/errors.js";
import { type ItemContent, items, itemVersions } from "../catalog/index.js";

export type Problem = { field: string; message: string };

/** The items of a definition as published now: content and org, by the bundle's item key. */
export type Target = { itemId: string; orgId: string; content: ItemContent };

/** The kinds of file every one of several materials accepts: what one upload serving them all may be. */
export function sharedFileKinds(specs: ItemContent["materials"]): FileKind[] {
  return FILE_KINDS.filter((kind) => specs.every((s) => s.fileKinds.includes(kind)));
}

import type { BundleDefinition } from "./bundles.contract.js";

/** Bundle definitions: checked on every save, administered in an org's subtree, published as a public guide. */

import type { BundlesDeps } from "./bundles.context.js";

export async function targetsOf(deps: BundlesDeps, definition: BundleDefinition): Promise<Map<string, Target>> {
  const { db } = deps;
  const ids = [...new Set(definition.items.map((i) => i.itemId))];
  const rows = ids.length
    ? await db
        .select({ itemId: items.id, orgId: items.orgId, standard: items.standard, content: itemVersions.content })
        .from(items)
        .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.status, "published")))
        .where(inArray(items.id, ids))
    : [];
  const byId = new Map(rows.filter((r) => !r.standard).map((r) => [r.itemId, r]));
  const targets = new Map<string, Target>();
  for (const item of definition.items) {
    const row = byId.get(item.itemId);
    if (row) targets.set(item.key, { itemId: row.itemId, orgId: row.orgId, content: row.content });
  }
  return targets;
}

/** Everything wrong with a definition, in Chinese; an empty list when it may be saved. */
export function problemsOf(_deps: BundlesDeps, definition: BundleDefinition, targets: Map<string, Target>): Problem[] {
  const problems: Problem[] = [];
  const labels = new Map(definition.items.map((i) => [i.key, i.label]));
  const duplicates = (keys: string[], field: string, what: string) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push({ field, message: `${what}标识“${key}”重复` });
      seen.add(key);
    }
  };
  duplicates(
    definition.items.map((i) => i.key),
    "items",
    "事项",
  );
  duplicates(
    definition.fields.map((f) => f.key),
    "fields",
    "字段",
  );
  duplicates(
    definition.materials.map((m) => m.key),
    "materials",
    "材料",
  );
  const itemIds = new Set<string>();
  for (const item of definition.items) {
    if (itemIds.has(item.itemId)) problems.push({ field: "items", message: `事项“${item.label}”重复加入` });
    itemIds.add(item.itemId);
    const target = targets.get(item.key);
    if (!target) {
      problems.push({ field: `items.${item.key}`, message: `“${item.label}”不是已发布的可申请事项` });
    } else if (target.content.reformMode === "abolished") {
      problems.push({ field: `items.${item.key}`, message: `“${item.label}”已直接取消审批，不能加入一件事` });
    }
    if (item.after !== null && !labels.has(item.after)) {
      problems.push({
        field: `items.${item.key}.after`,
        message: `“${item.label}”所等待的事项“${item.after}”不在本件事中`,
      });
    }
    if (item.after === item.key) {
      problems.push({ field: `items.${item.key}.after`, message: `“${item.label}”不能等待它自己` });
    }
  }
  const cycle = cycleOf(definition);
  if (cycle) {
    problems.push({
      field: "items",
      message: `事项之间的先后关系形成了循环：${cycle.map((k) => `“${labels.get(k) ?? k}”`).join(" → ")}`,
    });
  }

  // The merged form: each mapping names a real field of the same type; every required item field is asked.
  const covered = new Set<string>();
  for (const field of definition.fields) {
    for (const map of field.maps) {
      const target = targets.get(map.itemKey);
      const where = `fields.${field.key}`;
      if (!labels.has(map.itemKey)) {
        problems.push({ field: where, message: `字段“${field.label}”对应的事项“${map.itemKey}”不在本件事中` });
        continue;
      }
      if (!target) continue;
      const itemField = target.content.form.find((f) => f.key === map.fieldKey);
      const label = labels.get(map.itemKey);
      if (!itemField) {
        problems.push({
          field: where,
          message: `字段“${field.label}”对应的“${label}”申请表中没有字段“${map.fieldKey}”`,
        });
        continue;
      }
      if (covered.has(`${map.itemKey}.${map.fieldKey}`)) {
        problems.push({ field: where, message: `“${label}”的字段“${itemField.label}”被多个字段重复对应` });
      }
      covered.add(`${map.itemKey}.${map.fieldKey}`);
      if (itemField.type !== field.type) {
        problems.push({ field: where, message: `字段“${field.label}”与“${label}”的“${itemField.label}”类型不一致` });
      } else if (field.type === "choice") {
        const extra = field.options.filter((o) => !itemField.options.includes(o));
        if (extra.length) {
          problems.push({
            field: where,
            message: `字段“${field.label}”的选项“${extra.join("、")}”不是“${label}”的“${itemField.label}”可选的`,
          });
        }
      }
      if (itemField.required && !field.required) {
        problems.push({
          field: where,
          message: `字段“${field.label}”对应“${label}”的必填项“${itemField.label}”，也应必填`,
        });
      }
    }
  }
  for (const item of definition.items) {
    for (const itemField of targets.get(item.key)?.content.form ?? []) {
      if (itemField.required && !covered.has(`${item.key}.${itemField.key}`)) {
        problems.push({
          field: "fields",
          message: `“${item.label}”申请表的必填项“${itemField.label}”（${itemField.key}）没有对应的一件事字段`,
        });
      }
    }
  }

  // The merged materials: each mapping names a real material, one upload fits every item it serves.
  const attached = new Set<string>();
  for (const material of definition.materials) {
    const where = `materials.${material.key}`;
    const specs = [];
    for (const map of material.maps) {
      const label = labels.get(map.itemKey);
      if (!label) {
        problems.push({ field: where, message: `材料“${material.name}”对应的事项“${map.itemKey}”不在本件事中` });
        continue;
      }
      const target = targets.get(map.itemKey);
      if (!target) continue;
      const spec = target.content.materials.find((m) => m.key === map.materialKey);
      if (!spec) {
        problems.push({
          field: where,
          message: `材料“${material.name}”对应的“${label}”没有材料“${map.materialKey}”`,
        });
        continue;
      }
      if (attached.has(`${map.itemKey}.${map.materialKey}`)) {
        problems.push({ field: where, message: `“${label}”的材料“${spec.name}”被多项材料重复对应` });
      }
      attached.add(`${map.itemKey}.${map.materialKey}`);
      specs.push(spec);
    }
    if (specs.length > 1 && sharedFileKinds(specs).length === 0) {
      problems.push({
        field: where,
        message: `材料“${material.name}”对应的各事项允许的文件类型没有共同的，无法一次上传`,
      });
    }
  }
  for (const item of definition.items) {
    for (const spec of targets.get(item.key)?.content.materials ?? []) {
      const needed = spec.requirement === "required" && spec.source !== "government" && spec.situationKeys.length === 0;
      if (needed && !attached.has(`${item.key}.${spec.key}`)) {
        problems.push({
          field: "materials",
          message: `“${item.label}”的必要材料“${spec.name}”（${spec.key}）没有对应的一件事材料`,
        });
      }
    }
  }
  return problems;
}

/** A cycle in the `after` relation, as the keys along it, or null. */
export function cycleOf(definition: BundleDefinition): string[] | null {
  const after = new Map(definition.items.map((i) => [i.key, i.after]));
  for (const start of after.keys()) {
    const path: string[] = [];
    let key: string | null | undefined = start;
    while (key) {
      if (path.includes(key)) return [...path.slice(path.indexOf(key)), key];
      path.push(key);
      key = after.get(key);
    }
  }
  return null;
}

export async function assertValid(deps: BundlesDeps, definition: BundleDefinition): Promise<Map<string, Target>> {
  const targets = await targetsOf(deps, definition);
  const problems = problemsOf(deps, definition, targets);
  if (problems.length) {
    throw new AppError(
      "BUNDLE_INVALID",
      `一件事的设置有 ${problems.length} 处问题：${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join("；")}${problems.length > 3 ? "……" : ""}`,
      { errors: problems },
    );
  }
  return targets;
}

/** The longest chain of `after` links by promised days; parallel parts overlap, so this is the combined limit. */
export function longestChain(
  definition: BundleDefinition,
  limitOf: (key: string) => { days: number; unit: LimitUnit },
) {
  const byKey = new Map(definition.items.map((i) => [i.key, i]));
  const memo = new Map<string, { days: number; chain: string[]; units: Set<LimitUnit> }>();
  const walk = (key: string, depth = 0): { days: number; chain: string[]; units: Set<LimitUnit> } => {
    const known = memo.get(key);
    if (known) return known;
    const item = byKey.get(key);
    const limit = limitOf(key);
    const before =
      item?.after && depth < 20 ? walk(item.after, depth + 1) : { days: 0, chain: [], units: new Set<LimitUnit>() };
    const result = {
      days: before.days + limit.days,
      chain: [...before.chain, key],
      units: new Set([...before.units, limit.unit]),
    };
    memo.set(key, result);
    return result;
  };
  let best = { days: 0, chain: [] as string[], units: new Set<LimitUnit>() };
  for (const key of byKey.keys()) {
    const candidate = walk(key);
    if (candidate.days > best.days || best.chain.length === 0) best = candidate;
  }
  return best;
}

export function materialRequired(
  material: BundleDefinition["materials"][number],
  contentOf: (itemKey: string) => ItemContent | undefined,
): boolean {
  return material.maps.some((map) => {
    const spec = contentOf(map.itemKey)?.materials.find((s) => s.key === map.materialKey);
    return spec?.requirement === "required" && spec.source !== "government";
  });
}
