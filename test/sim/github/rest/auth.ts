import type { RepoState } from './repo-state.ts';

/**
 * Tokens and what they may do, per repository, modelled on fine-grained/installation permissions.
 * Every grant implies `metadata: read`; `write` implies `read`. Any valid token may read a public
 * repository.
 */
export type Level = 'read' | 'write';
export type Scope = 'contents' | 'issues' | 'metadata' | 'actions';
export type Permissions = Partial<Record<Scope, Level>>;

export interface TokenGrant {
  login: string;
  repos: Map<string, Permissions>;
}

export type AccessDecision =
  { ok: true } | { ok: false; status: 401 | 403 | 404; message: string; headers?: Record<string, string> };

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenGrant>();

  /** Registers `token` (or widens an existing registration) for the given repositories. */
  add(token: string, repos: Record<string, Permissions>, login = 'github-actions[bot]'): void {
    const grant = this.tokens.get(token) ?? { login, repos: new Map() };
    for (const [fullName, permissions] of Object.entries(repos)) {
      grant.repos.set(fullName.toLowerCase(), { ...grant.repos.get(fullName.toLowerCase()), ...permissions });
    }
    this.tokens.set(token, grant);
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  lookup(token: string | undefined): TokenGrant | undefined {
    return token === undefined ? undefined : this.tokens.get(token);
  }

  permissionsOn(grant: TokenGrant, repo: RepoState): Permissions | undefined {
    return grant.repos.get(repo.fullName.toLowerCase());
  }

  /** Decides a request for `scope`/`level` on `repo` by a known token, the way GitHub answers it. */
  decide(grant: TokenGrant, repo: RepoState, scope: Scope, level: Level): AccessDecision {
    const permissions = this.permissionsOn(grant, repo);
    if (!permissions) {
      if (repo.visibility === 'public' && level === 'read') return { ok: true };
      // A token that cannot see a private repository cannot tell it exists.
      if (repo.visibility !== 'public') return { ok: false, status: 404, message: 'Not Found' };
      return forbidden(scope, level);
    }
    if (satisfies(scope === 'metadata' ? 'read' : permissions[scope], level)) return { ok: true };
    if (level === 'read' && repo.visibility === 'public') return { ok: true };
    return forbidden(scope, level);
  }
}

export function satisfies(granted: Level | undefined, wanted: Level): boolean {
  return granted === 'write' || (granted === 'read' && wanted === 'read');
}

function forbidden(scope: Scope, level: Level): AccessDecision {
  return {
    ok: false,
    status: 403,
    message: 'Resource not accessible by integration',
    headers: { 'x-accepted-github-permissions': `${scope}=${level}` },
  };
}

/** The token from `Authorization: token X` or `Authorization: Bearer X`. */
export function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
