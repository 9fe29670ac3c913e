import { randomBytes, timingSafeEqual } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { PartnerScope } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { assertMay, type Caller, type PartnerCaller } from "../../platform/auth.js";
import { type PersonalDataCipher, randomToken } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { OnceStore } from "../../platform/once.js";
import { type SignedParts, signRequest } from "./partners.signing.js";
import { type PartnerAppRow, partnerApps } from "./partners.tables.js";

/** A request may be this far from our clock, either way; its nonce is remembered twice as long. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Apps are read from the database at most this often, so a lookup at peak costs no query for its caller. */
const CACHE_MS = 30_000;

export type PartnerInput = { name: string; scopes: PartnerScope[]; rateLimit: number };

const unsigned = (message: string) => new AppError("SIGNATURE_INVALID", message);

function view(row: PartnerAppRow) {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    rateLimit: row.rateLimit,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createPartnersService(deps: { db: Db; cipher: PersonalDataCipher; once: OnceStore }) {
  const { db, cipher } = deps;
  const cache = new Map<string, { row: PartnerAppRow | null; readAt: number }>();

  async function appOf(id: string): Promise<PartnerAppRow | null> {
    const cached = cache.get(id);
    if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.row;
    const [row] = await db.select().from(partnerApps).where(eq(partnerApps.id, id));
    cache.set(id, { row: row ?? null, readAt: Date.now() });
    return row ?? null;
  }

  async function rowOf(id: string): Promise<PartnerAppRow> {
    const [row] = await db.select().from(partnerApps).where(eq(partnerApps.id, id));
    if (!row) throw errors.notFound("合作应用");
    return row;
  }

  async function save(actor: AuditActor, id: string, values: Partial<PartnerAppRow>, summary: string) {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(partnerApps)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(partnerApps.id, id))
        .returning();
      if (!row) throw errors.notFound("合作应用");
      await appendAudit(tx, actor, {
        action: "partner.update",
        targetType: "partner_app",
        targetId: id,
        summary,
        after: { ...values, secretEncrypted: undefined },
      });
      cache.delete(id);
      return row;
    });
  }

  return {
    async list(caller: Caller) {
      assertMay(caller, "partner.manage");
      return (await db.select().from(partnerApps).orderBy(asc(partnerApps.createdAt))).map(view);
    },

    async create(caller: Caller, input: PartnerInput) {
      const actor = assertMay(caller, "partner.manage");
      const id = `qss${randomBytes(6).toString("hex")}`;
      const secret = randomToken(32);
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(partnerApps)
          .values({ id, ...input, secretEncrypted: cipher.encrypt(secret), createdBy: actor.id })
          .returning();
        await appendAudit(tx, actor, {
          action: "partner.create",
          targetType: "partner_app",
          targetId: id,
          summary: `登记合作应用“${input.name}”（${id}）`,
          after: input,
        });
        return inserted as PartnerAppRow;
      });
      return { app: view(row), secret };
    },

    async update(caller: Caller, id: string, input: PartnerInput & { enabled: boolean }) {
      const actor = assertMay(caller, "partner.manage");
      await rowOf(id);
      return view(await save(actor, id, input, `修改合作应用 ${id}${input.enabled ? "" : "（已停用）"}`));
    },

    async rotateSecret(caller: Caller, id: string) {
      const actor = assertMay(caller, "partner.manage");
      await rowOf(id);
      const secret = randomToken(32);
      const row = await save(actor, id, { secretEncrypted: cipher.encrypt(secret) }, `重置合作应用 ${id} 的签名密钥`);
      return { app: view(row), secret };
    },

    /**
     * Who signed this request, or a 401/403 that says what is wrong. The nonce is claimed only after the signature
     * holds, so nobody can use up another app's nonces; a replayed request fails even on another server process.
     */
    async authenticate(parts: SignedParts & { appId: string | undefined; signature: string | undefined }) {
      const { appId, signature } = parts;
      if (!appId || !signature || !parts.timestamp || !parts.nonce) {
        throw unsigned("缺少签名请求头（X-Banshi-App-Id、X-Banshi-Timestamp、X-Banshi-Nonce、X-Banshi-Signature）");
      }
      const at = Number(parts.timestamp) * 1000;
      if (!Number.isFinite(at) || Math.abs(Date.now() - at) > CLOCK_SKEW_MS) {
        throw new AppError("TIMESTAMP_STALE");
      }
      if (!/^[0-9A-Za-z_-]{16,64}$/.test(parts.nonce)) throw unsigned("随机串（nonce）应为 16–64 位字母、数字、- 或 _");
      const app = await appOf(appId);
      if (!app) throw unsigned("应用编号不存在或签名无效");
      const expected = Buffer.from(signRequest(cipher.decrypt(app.secretEncrypted), parts));
      const given = Buffer.from(signature.toLowerCase());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw unsigned("应用编号不存在或签名无效");
      }
      if (!app.enabled) throw new AppError("PARTNER_DISABLED");
      if (!(await deps.once.claim(`partner-${app.id}-${parts.nonce}`, 2 * CLOCK_SKEW_MS))) {
        throw new AppError("REQUEST_REPLAYED");
      }
      return { appId: app.id, name: app.name, scopes: app.scopes, rateLimit: app.rateLimit } satisfies PartnerCaller;
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
