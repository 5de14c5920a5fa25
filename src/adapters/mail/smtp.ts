/**
 * Mail through SMTP (nodemailer). Stateline sends every e-mail notice and every sale report this
 * way. Where no SMTP server is configured (development and the demo), `startMailCatcher` runs a
 * real SMTP server in-process (smtp-server) that accepts the messages and keeps the last ones in
 * memory, so the delivery path is the same SMTP conversation as in production.
 */
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(m: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string; from: string; timeoutMs?: number }): Mailer {
  const t = opts.timeoutMs ?? 10_000;
  const u = new URL(opts.smtpUrl);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (u.protocol === "smtps:" ? 465 : 587)),
    secure: u.protocol === "smtps:",
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    // A local catcher speaks plain SMTP; a real server is expected to offer STARTTLS.
    ignoreTLS: u.hostname === "127.0.0.1" || u.hostname === "localhost",
    connectionTimeout: t,
    greetingTimeout: t,
    socketTimeout: t,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from: opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.attachments ? { attachments: m.attachments } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}

export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
  receivedAt: string;
}

/** A local SMTP server that accepts every message (for development, the demo and tests). */
export async function startMailCatcher(
  opts: { port?: number; keep?: number; reject?: () => string | null } = {},
): Promise<{
  url: string;
  messages: CaughtMail[];
  close: () => Promise<void>;
}> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const refusal = opts.reject?.();
        if (refusal) return callback(Object.assign(new Error(refusal), { responseCode: 451 }));
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          receivedAt: new Date().toISOString(),
        });
        if (messages.length > (opts.keep ?? 500)) messages.shift();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const addr = server.server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}
