import type { FastifyBaseLogger } from "fastify";
import { maskEmail, maskPhone } from "./masking.js";

/** The one signature (短信签名) every text message carries, whichever module sends it. */
export const SMS_SIGNATURE = "【办事不求人】";

/** The sender every module is given: it signs each message once. */
export function signedSms(sender: SmsSender): SmsSender {
  return { send: (phone, text) => sender.send(phone, `${SMS_SIGNATURE}${text}`) };
}

/** Sends text messages. Production plugs in the province's SMS gateway behind this interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/** Sends e-mail. Production plugs in the province's mail relay behind this interface. */
export interface MailSender {
  send(address: string, subject: string, text: string): Promise<void>;
}

export type DevMail = { at: string; address: string; subject: string; text: string };

/** The embedded-mode mail sender: to the log and a short in-memory outbox, nothing leaves the machine. */
export class DevMailSender implements MailSender {
  private readonly messages: DevMail[] = [];

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly capacity = 50,
  ) {}

  async send(address: string, subject: string, text: string): Promise<void> {
    this.messages.unshift({ at: new Date().toISOString(), address, subject, text });
    this.messages.length = Math.min(this.messages.length, this.capacity);
    this.log.info({ mail: { to: maskEmail(address), subject } }, "开发模式邮件（未真实发送）");
  }

  outbox(): DevMail[] {
    return this.messages.map((message) => ({ ...message, address: maskEmail(message.address) }));
  }

  /** The newest mail to one address; for tests. */
  latestTo(address: string): DevMail | undefined {
    return this.messages.find((message) => message.address === address);
  }
}

export type DevMessage = { at: string; phone: string; text: string };

/**
 * The embedded-mode sender: nothing leaves the machine. Messages go to the log and to a short in-memory
 * inbox that the dev inbox page reads, so a developer (or a browser test) can sign in with the code.
 */
export class DevSmsSender implements SmsSender {
  private readonly messages: DevMessage[] = [];

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly capacity = 50,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    this.messages.unshift({ at: new Date().toISOString(), phone, text });
    this.messages.length = Math.min(this.messages.length, this.capacity);
    this.log.info({ sms: { to: maskPhone(phone), text } }, "开发模式短信（未真实发送）");
  }

  inbox(): DevMessage[] {
    return this.messages.map((message) => ({ ...message, phone: maskPhone(message.phone) }));
  }

  /** The newest message to one number; for tests. */
  latestTo(phone: string): DevMessage | undefined {
    return this.messages.find((message) => message.phone === phone);
  }
}
