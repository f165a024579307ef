/**
 * What the emulator would have sent by email or SMS. Nothing leaves the machine; tests read this
 * (GET /__emulator/outbox) to check that a retried call never sends a message twice.
 */
export interface OutboxMessage {
  channel: "email" | "sms";
  kind: string;
  to: string;
  uid: string | null;
  template: string | null;
  at: string;
}

export class Outbox {
  readonly messages: OutboxMessage[] = [];

  send(message: Omit<OutboxMessage, "at">, now: Date): void {
    this.messages.push({ ...message, at: now.toISOString() });
  }

  clear(): void {
    this.messages.length = 0;
  }
}
