import crypto from 'node:crypto';

/** The AES-256-CBC scheme sailor and ferryman share: key = sha256(password), IV used as is (16 bytes). */
export class MessageCipher {
  readonly password = 'runtime-test-crypto-password';
  readonly iv = 'iv=runtime_tests';

  private key(): Buffer {
    return crypto.createHash('sha256').update(this.password, 'utf8').digest();
  }

  /** Protocol version 1: the AMQP body is the base64 text of the ciphertext. */
  encrypt(payload: unknown): Buffer {
    const cipher = crypto.createCipheriv('aes-256-cbc', this.key(), this.iv);
    const base64 = cipher.update(JSON.stringify(payload), 'utf8', 'base64') + cipher.final('base64');
    return Buffer.from(base64, 'utf8');
  }

  decrypt<T = Record<string, unknown>>(content: Buffer | string): T {
    const decipher = crypto.createDecipheriv('aes-256-cbc', this.key(), this.iv);
    const text = decipher.update(content.toString('utf8'), 'base64', 'utf8') + decipher.final('utf8');
    return JSON.parse(text) as T;
  }

  env(): Record<string, string> {
    return { ELASTICIO_MESSAGE_CRYPTO_PASSWORD: this.password, ELASTICIO_MESSAGE_CRYPTO_IV: this.iv };
  }
}
