import type { Db } from "../../platform/db.js";
import type { OrgService } from "../orgs/index.js";
import type { CatalogSearch } from "./catalog.search-index.js";

/**
 * What every use case of the catalog is given. The use cases are module-level functions in files by what they work
 * on: the power lists (`catalog.powers.ts`), items and their drafts (`catalog.items.ts`), publication and retirement
 * (`catalog.publication.ts`), Excel import and export (`catalog.import-export.ts`) and the public catalog
 * (`catalog.public.ts`); `catalog.service.ts` binds them.
 */
export type CatalogDeps = { db: Db; orgs: OrgService; search: CatalogSearch };
