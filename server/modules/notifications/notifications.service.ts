import { and, desc, eq, isNull } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Actor } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import type { Jobs } from "../../platform/jobs.js";
import type { MailSender, SmsSender } from "../../platform/sms.js";
import { notifications } from "./notifications.tables.js";

/** Where a person is reached, decrypted by its owner (the accounts module). */
export type Contact = { phone: string | null; email: string | null };

export type NotificationsDeps = {
  db: Db;
  jobs: Jobs;
  /** Signed once for every message (see `signedSms`). */
  sms: SmsSender;
  mail: MailSender;
  contactOf: (userId: string) => Promise<Contact | null>;
};

/** One message to one person: into their inbox on the site, then by SMS and e-mail. */
export type Notice = { userId: string; caseId: string | null; text: string; subject?: string };

export type NotificationsService = ReturnType<typeof createNotificationsService>;

const SEND_QUEUE = "notifications.send";

/**
 * Every module tells people through this one: the inbox row and the job that sends it are written in the caller's
 * transaction where it has one (the message is part of the change); the SMS and e-mail go after the commit, retried
 * while the gateway fails, never undoing the change.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const { db } = deps;

  /** The inbox row and its sending, in the transaction that makes the change the message is about. */
  async function record(tx: Db, notice: Notice): Promise<void> {
    const id = uuidv7();
    await tx.insert(notifications).values({ id, userId: notice.userId, caseId: notice.caseId, text: notice.text });
    // The job names the row, not the text: the message stays in one table.
    await deps.jobs.send(tx, SEND_QUEUE, { notificationId: id, subject: notice.subject ?? "办事不求人通知" });
  }

  /** The SMS, and the e-mail where the person gave an address; once, however often the job runs. */
  async function send({ notificationId, subject }: { notificationId: string; subject: string }): Promise<void> {
    const [row] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, notificationId), isNull(notifications.sentAt)));
    if (!row) return;
    const contact = await deps.contactOf(row.userId);
    if (contact?.phone) await deps.sms.send(contact.phone, row.text);
    if (contact?.email) await deps.mail.send(contact.email, subject, row.text);
    await db.update(notifications).set({ sentAt: new Date() }).where(eq(notifications.id, notificationId));
  }
  deps.jobs.define(SEND_QUEUE, send);

  /** A message outside a transaction: inbox, then SMS and e-mail. */
  async function tell(notice: Notice): Promise<void> {
    await db.transaction((tx) => record(tx, notice));
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

  return { record, tell, text, listMine };
}
