import { bindUseCases } from "../../platform/use-cases.js";
import type { CatalogDeps } from "./catalog.context.js";
import { exportWorkbook, importWorkbook } from "./catalog.import-export.js";
import { createItem, diff, getForAdmin, insertItem, listForAdmin, saveDraft, startDraft } from "./catalog.items.js";
import {
  createPower,
  insertPower,
  listPowers,
  publishPower,
  publishPowerDraft,
  savePowerDraft,
} from "./catalog.powers.js";
import { getGuide, listPublished, listStandards, orgFigures } from "./catalog.public.js";
import { publish, publishDraft, retire } from "./catalog.publication.js";

export type { CatalogDeps } from "./catalog.context.js";

/** The catalog (事项库 and 权责清单) as the routes and the other modules call it. */
export function createCatalogService(deps: CatalogDeps) {
  return bindUseCases(deps, {
    createPower,
    insertPower,
    savePowerDraft,
    publishPower,
    publishPowerDraft,
    listPowers,
    createItem,
    insertItem,
    getForAdmin,
    startDraft,
    saveDraft,
    publish,
    publishDraft,
    retire,
    diff,
    listForAdmin,
    exportWorkbook,
    importWorkbook,
    listPublished,
    listStandards,
    orgFigures,
    getGuide,
  });
}

export type CatalogService = ReturnType<typeof createCatalogService>;
