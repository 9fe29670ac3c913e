import { desc, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Actor } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import type { MailSender, SmsSender } from "../../platform/sms.js";
import { notifications } from "./notifications.tables.js";

/** Where a person is reached, decrypted by its owner (the accounts module). */
export type Contact = { phone: string | null; email: string | null };

export type NotificationsDeps = {
  db: Db;
  /** Signed once for every message (see `signedSms`). */
  sms: SmsSender;
  mail: MailSender;
  contactOf: (userId: string) => Promise<Contact | null>;
  log: { warn(obj: object, msg: string): void };
};

/** One message to one person: into their inbox on the site, then by SMS and e-mail. */
export type Notice = { userId: string; caseId: string | null; text: string; subject?: string };

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * Every module tells people through this one: the inbox row is written in the caller's transaction where it has one
 * (the message is part of the change), and the SMS and e-mail go after the commit, never undoing it when they fail.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const { db } = deps;

  /** The inbox row, in the transaction that makes the change the message is about. */
  async function record(tx: Db, notice: Notice): Promise<void> {
    await tx
      .insert(notifications)
      .values({ id: uuidv7(), userId: notice.userId, caseId: notice.caseId, text: notice.text });
  }

  /** The SMS, and the e-mail where the person gave an address; after the commit. A failure is logged, not thrown. */
  async function deliver(notice: Notice): Promise<void> {
    try {
      const contact = await deps.contactOf(notice.userId);
      if (contact?.phone) await deps.sms.send(contact.phone, notice.text);
      if (contact?.email) await deps.mail.send(contact.email, notice.subject ?? "办事不求人通知", notice.text);
    } catch (error) {
      // The message is already in the person's inbox on the site; a lost SMS must not disturb what it is about.
      deps.log.warn({ err: error, userId: notice.userId }, "通知发送失败");
    }
  }

  /** A message outside a transaction: inbox, then SMS and e-mail. */
  async function tell(notice: Notice): Promise<void> {
    await record(db, notice);
    void deliver(notice);
  }

  /** A text message only (a one-time link), with no inbox row. */
  async function text(userId: string, message: string): Promise<void> {
    const contact = await deps.contactOf(userId);
    if (contact?.phone) await deps.sms.send(contact.phone, message);
  }

  async function listMine(actor: Actor) {
    return db
      .select({
        id: notifications.id,
        caseId: notifications.caseId,
        text: notifications.text,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt))
      .limit(100);
  }

  return { record, deliver, tell, text, listMine };
}
