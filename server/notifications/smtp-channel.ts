import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationChannel, OutgoingMessage } from './channel';

export interface SmtpSettings {
  /** e.g. smtp://user:password@mail.example.com:587 or smtps://…:465 */
  url: string;
  from: string;
}

/**
 * E-mail through an SMTP server with nodemailer. The Message-ID is derived from the outbox row,
 * so a message retried after an unclear failure can be recognised as the same one.
 */
export class SmtpChannel implements NotificationChannel {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    // Time-outs well under the sender's 60 s lease, so a hanging server fails an attempt rather than outliving it.
    this.transport = nodemailer.createTransport({ url: settings.url, connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: `<${message.id}@dealer-desk>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
