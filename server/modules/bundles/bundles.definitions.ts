import { and, asc, eq, inArray } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { limitText } from "../../../common/format.js";
import { BUNDLE_ON_DENIAL_LABELS, FILE_KINDS, type FileKind, type LimitUnit } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { AppError, errors } from "../../platform/errors.js";
import { type ItemContent, items, itemVersions } from "../catalog/index.js";
import type { BundlesDeps } from "./bundles.context.js";
import type { BundleBody, BundleDefinition } from "./bundles.contract.js";
import { type BundleRow, bundles } from "./bundles.tables.js";

export type Problem = { field: string; message: string };

/** The items of a definition as published now: content and org, by the bundle's item key. */
export type Target = { itemId: string; orgId: string; content: ItemContent };

/** The kinds of file every one of several materials accepts: what one upload serving them all may be. */
export function sharedFileKinds(specs: ItemContent["materials"]): FileKind[] {
  return FILE_KINDS.filter((kind) => specs.every((s) => s.fileKinds.includes(kind)));
}

/** Bundle definitions: checked on every save, administered in an org's subtree, published as a public guide. */
export function createBundleDefinitions(deps: BundlesDeps) {
  const { db } = deps;

  async function targetsOf(definition: BundleDefinition): Promise<Map<string, Target>> {
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
  function problemsOf(definition: BundleDefinition, targets: Map<string, Target>): Problem[] {
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
        const needed =
          spec.requirement === "required" && spec.source !== "government" && spec.situationKeys.length === 0;
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
  function cycleOf(definition: BundleDefinition): string[] | null {
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

  async function assertValid(definition: BundleDefinition): Promise<Map<string, Target>> {
    const targets = await targetsOf(definition);
    const problems = problemsOf(definition, targets);
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

  async function loadForAdmin(actor: Actor, id: string): Promise<BundleRow> {
    assertPermission(actor, "catalog.manage");
    const [row] = await db.select().from(bundles).where(eq(bundles.id, id));
    if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("一件事");
    return row;
  }

  async function adminView(row: BundleRow) {
    return {
      id: row.id,
      orgId: row.orgId,
      orgName: await deps.orgs.displayName(row.orgId),
      code: row.code,
      name: row.name,
      status: row.status,
      definition: row.definition,
      version: row.version,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function assertCodeFree(code: string, except: string | null) {
    const [clash] = await db.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, code));
    if (clash && clash.id !== except) throw new AppError("BUNDLE_CODE_TAKEN", `已有编码为 ${code} 的一件事`);
  }

  /** Inserts a bundle (also used by the demo seed); checked like every save. */
  async function insert(by: AuditActor, orgId: string, input: BundleBody, options = { publish: false }) {
    const org = await deps.orgs.getById(orgId);
    await assertValid(input.definition);
    await assertCodeFree(input.code, null);
    return db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .insert(bundles)
        .values({
          id: uuidv7(),
          orgId: org.id,
          orgPath: org.path,
          code: input.code,
          name: input.name,
          definition: input.definition,
          status: options.publish ? "published" : "draft",
          publishedAt: options.publish ? now : null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError("BUNDLE_CODE_TAKEN", `已有编码为 ${input.code} 的一件事`);
      await appendAudit(tx, by, {
        action: options.publish ? "bundle.publish" : "bundle.create",
        targetType: "bundle",
        targetId: row.id,
        summary: `新建一件事 ${row.code} ${row.name}${options.publish ? "并发布" : "（草稿）"}`,
        after: input,
        orgId: org.id,
      });
      return row;
    });
  }

  async function create(actor: Actor, input: BundleBody & { orgId: string }) {
    assertPermission(actor, "catalog.manage");
    const org = await deps.orgs.getById(input.orgId);
    if (!isWithinScope(actor, org.path)) throw errors.outOfScope();
    return adminView(await insert(auditActorOf(actor), org.id, input));
  }

  async function update(actor: Actor, id: string, input: BundleBody & { version: number }) {
    const before = await loadForAdmin(actor, id);
    if (before.version !== input.version) throw errors.staleVersion();
    await assertValid(input.definition);
    await assertCodeFree(input.code, before.id);
    const row = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(bundles)
        .set({
          code: input.code,
          name: input.name,
          definition: input.definition,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(bundles.id, id), eq(bundles.version, input.version)))
        .returning();
      if (!row) throw errors.staleVersion();
      await appendAudit(tx, auditActorOf(actor), {
        action: "bundle.update",
        targetType: "bundle",
        targetId: id,
        summary: `修改一件事 ${row.code} ${row.name}${row.status === "published" ? "（已发布，新申请按修改后的办理）" : ""}`,
        before: { code: before.code, name: before.name, definition: before.definition },
        after: input,
        orgId: row.orgId,
      });
      return row;
    });
    return adminView(row);
  }

  /** Publishing checks the items again: one retired since the last save stops it. */
  async function publish(actor: Actor, id: string, version: number) {
    const before = await loadForAdmin(actor, id);
    if (before.version !== version) throw errors.staleVersion();
    await assertValid(before.definition);
    const row = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(bundles)
        .set({ status: "published", publishedAt: new Date(), version: version + 1, updatedAt: new Date() })
        .where(and(eq(bundles.id, id), eq(bundles.version, version)))
        .returning();
      if (!row) throw errors.staleVersion();
      await appendAudit(tx, auditActorOf(actor), {
        action: "bundle.publish",
        targetType: "bundle",
        targetId: id,
        summary: `发布一件事 ${row.code} ${row.name}`,
        orgId: row.orgId,
      });
      return row;
    });
    return adminView(row);
  }

  async function listAdmin(actor: Actor) {
    assertPermission(actor, "catalog.manage");
    const rows = await db.select().from(bundles).where(withinScope(actor, bundles.orgPath)).orderBy(asc(bundles.code));
    return Promise.all(rows.map(adminView));
  }

  async function getAdmin(actor: Actor, id: string) {
    return adminView(await loadForAdmin(actor, id));
  }

  // ---- the public guide ----

  async function publishedBundle(id: string): Promise<BundleRow> {
    const [row] = await db
      .select()
      .from(bundles)
      .where(and(eq(bundles.id, id), eq(bundles.status, "published")));
    if (!row) throw errors.notFound("一件事");
    return row;
  }

  async function listPublished() {
    const rows = await db.select().from(bundles).where(eq(bundles.status, "published")).orderBy(asc(bundles.code));
    const targets = await Promise.all(rows.map((r) => targetsOf(r.definition)));
    const orgIds = [
      ...new Set([...rows.map((r) => r.orgId), ...targets.flatMap((t) => [...t.values()].map((x) => x.orgId))]),
    ];
    const names = await deps.orgs.displayNames(orgIds);
    return rows.map((row, i) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.definition.description,
      audience: row.definition.audience,
      orgName: names.get(row.orgId) ?? "",
      itemCount: row.definition.items.length,
      orgNames: [...new Set([...(targets[i]?.values() ?? [])].map((t) => names.get(t.orgId) ?? ""))],
    }));
  }

  /** The longest chain of `after` links by promised days; parallel parts overlap, so this is the combined limit. */
  function longestChain(definition: BundleDefinition, limitOf: (key: string) => { days: number; unit: LimitUnit }) {
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

  async function guide(id: string) {
    const row = await publishedBundle(id);
    const def = row.definition;
    const targets = await targetsOf(def);
    const names = await deps.orgs.displayNames([row.orgId, ...[...targets.values()].map((t) => t.orgId)]);
    const labels = new Map(def.items.map((i) => [i.key, i.label]));
    const limitOf = (key: string) => targets.get(key)?.content.promisedLimit ?? { days: 0, unit: "working" as const };
    const chain = longestChain(def, limitOf);
    const unit: LimitUnit = chain.units.size === 1 && chain.units.has("calendar") ? "calendar" : "working";
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      description: def.description,
      audience: def.audience,
      orgName: names.get(row.orgId) ?? "",
      onDenial: def.onDenial,
      onDenialLabel: BUNDLE_ON_DENIAL_LABELS[def.onDenial],
      items: def.items.map((item) => {
        const target = targets.get(item.key);
        return {
          key: item.key,
          label: item.label,
          itemId: item.itemId,
          itemName: target?.content.name ?? "",
          orgName: target ? (names.get(target.orgId) ?? "") : "",
          after: item.after,
          afterLabel: item.after ? (labels.get(item.after) ?? null) : null,
          promisedLimit: target?.content.promisedLimit ?? { days: 0, unit: "working" as const },
          statutoryLimit: target?.content.statutoryLimit ?? { days: 0, unit: "working" as const },
          resultName: target?.content.resultName ?? "",
          visitsRequired: target?.content.visitsRequired ?? 0,
        };
      }),
      fields: def.fields.map(({ maps, ...field }) => ({
        ...field,
        usedBy: maps.map((m) => labels.get(m.itemKey) ?? m.itemKey),
      })),
      materials: def.materials.map((m) => ({
        key: m.key,
        name: m.name,
        notes: m.notes,
        required: materialRequired(m, (key) => targets.get(key)?.content),
        usedBy: m.maps.map((x) => labels.get(x.itemKey) ?? x.itemKey),
      })),
      combinedLimit: {
        days: chain.days,
        unit,
        text: limitText({ days: chain.days, unit }),
        chain: chain.chain.map((k) => labels.get(k) ?? k),
      },
    };
  }

  function materialRequired(
    material: BundleDefinition["materials"][number],
    contentOf: (itemKey: string) => ItemContent | undefined,
  ): boolean {
    return material.maps.some((map) => {
      const spec = contentOf(map.itemKey)?.materials.find((s) => s.key === map.materialKey);
      return spec?.requirement === "required" && spec.source !== "government";
    });
  }

  return {
    create,
    insert,
    update,
    publish,
    listAdmin,
    getAdmin,
    listPublished,
    guide,
    publishedBundle,
    materialRequired,
  };
}
export type BundleDefinitions = ReturnType<typeof createBundleDefinitions>;
