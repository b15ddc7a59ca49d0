import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { resolveServerUrl } from '../src/onepassword/server-url.ts';

function jwt(payload: unknown): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'ES256' })}.${encode(payload)}.c2ln`;
}

const euToken = jwt({ aud: ['events.1password.eu'] });

function refusal(explicit: string | undefined, token = euToken): InputError {
  try {
    resolveServerUrl(explicit, token);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('resolveServerUrl', () => {
  it('prefers the explicit input, stripped of trailing slashes', () => {
    expect(resolveServerUrl('https://events.1password.ca//', euToken)).toEqual({
      url: 'https://events.1password.ca',
      source: 'input',
    });
  });

  it('falls back to the host of the token aud claim when the input is empty or blank', () => {
    expect(resolveServerUrl(undefined, euToken)).toEqual({
      url: 'https://events.1password.eu',
      source: 'token',
    });
    expect(resolveServerUrl('  ', euToken)).toEqual({ url: 'https://events.1password.eu', source: 'token' });
  });

  it('skips the legacy streaming-service audience', () => {
    const token = jwt({ aud: ['com.1password.streamingservice', 'events.ent.1password.com'] });
    expect(resolveServerUrl('', token)).toEqual({ url: 'https://events.ent.1password.com', source: 'token' });
    const legacyOnly = jwt({ aud: ['com.1password.streamingservice'] });
    expect(resolveServerUrl('', legacyOnly)).toEqual({
      url: 'https://events.1password.com',
      source: 'default',
    });
  });

  it('uses the US server when neither input nor token names one', () => {
    expect(resolveServerUrl(undefined, 'not-a-jwt')).toEqual({
      url: 'https://events.1password.com',
      source: 'default',
    });
  });

  it.each(['http://127.0.0.1:8080', 'http://127.255.0.9', 'http://localhost:3000/', 'http://[::1]:9000'])(
    'accepts plain http to the loopback host %s',
    (url) => {
      expect(resolveServerUrl(url, euToken).url).toBe(url.replace(/\/$/, ''));
    },
  );

  it.each([
    ['http://events.1password.com', /loopback/],
    ['http://128.0.0.1', /loopback/],
    ['ftp://events.1password.com', /scheme must be https/],
    ['events.1password.com', /not a valid URL/],
    ['https://user:pw@events.1password.com', /credentials/],
    ['https://events.1password.com/api/v2', /path/],
    ['https://events.1password.com?x=1', /query/],
    ['https://events.1password.com#top', /fragment/],
  ])('refuses %s with a message naming server-url and the accepted servers', (url, problem) => {
    const error = refusal(url);
    expect(error.input).toBe('server-url');
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(problem);
    expect(error.message).toContain('use https://events.1password.com, .ca, .eu or events.ent.1password.com');
  });

  it('refuses an aud host that does not make a valid https URL, without echoing it', () => {
    const error = refusal(undefined, jwt({ aud: ['evil.example/secret path'] }));
    expect(error.input).toBe('server-url');
    expect(error.message).toContain("token's aud claim");
    expect(error.message).not.toContain('evil.example');
  });

  it('never puts the token into the error message', () => {
    const token = jwt({ aud: ['x'], secret: 'SUPERSECRET' });
    const error = refusal(token, token);
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain(token.split('.')[1]);
  });

  it('sends the token only to a 1Password Events API host named by aud; anything else stops before any request', () => {
    for (const host of [
      'events.1password.com',
      'events.1password.ca',
      'EVENTS.1password.eu',
      'https://events.ent.1password.com/',
    ]) {
      expect(resolveServerUrl(undefined, jwt({ aud: [host] })).source).toBe('token');
    }
    for (const host of [
      'attacker.example',
      'events.1password.com.attacker.example',
      'evil-events.1password.com',
      'events.1password.com:8443',
      'events.1password.com.',
      '127.0.0.1',
      'http://localhost:8080',
    ]) {
      const error = refusal(undefined, jwt({ aud: [host] }));
      expect(error.input, host).toBe('server-url');
      expect(error.message, host).toMatch(/^Invalid server-url: /);
      expect(error.message, host).toMatch(
        /set server-url to your account's Events API URL|the token's aud claim/,
      );
      expect(error.message, host).not.toContain('attacker');
    }
  });

  it('names the setting the way the shell spells it (the CLI passes --server-url)', () => {
    try {
      resolveServerUrl(undefined, jwt({ aud: ['attacker.example'] }), '--server-url');
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('--server-url');
      expect((error as InputError).message).toContain('set --server-url to your account');
    }
  });

  it('keeps an explicit server-url the user chose, even off the Events API hosts', () => {
    expect(resolveServerUrl('https://proxy.internal.example', jwt({ aud: ['attacker.example'] }))).toEqual({
      url: 'https://proxy.internal.example',
      source: 'input',
    });
  });
});
